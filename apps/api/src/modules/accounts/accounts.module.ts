import { Module } from '@nestjs/common';
import { AccountsController, PasswordResetController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';

@Module({
  controllers: [AccountsController, PasswordResetController],
  providers: [AccountsRepository, AccountsService],
})
export class AccountsModule {}
