import { Module } from '@nestjs/common';
import { HelpersController } from './helpers.controller';
import { HelpersRepository } from './helpers.repository';
import { HelpersService } from './helpers.service';

@Module({
  controllers: [HelpersController],
  providers: [HelpersRepository, HelpersService],
  exports: [HelpersService, HelpersRepository],
})
export class HelpersModule {}
