import { Module } from '@nestjs/common';
import { OcnController } from './ocn.controller';
import { OcnRepository } from './ocn.repository';
import { OcnService } from './ocn.service';

@Module({
  controllers: [OcnController],
  providers: [OcnRepository, OcnService],
})
export class OcnModule {}
