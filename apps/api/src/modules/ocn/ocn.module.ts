import { Module } from '@nestjs/common';
import { HoursModule } from '../hours/hours.module';
import { OcnController } from './ocn.controller';
import { OcnRepository } from './ocn.repository';
import { OcnService } from './ocn.service';

@Module({
  imports: [HoursModule],
  controllers: [OcnController],
  providers: [OcnRepository, OcnService],
})
export class OcnModule {}
