import { Module, type DynamicModule } from '@nestjs/common';
import { DevMailController } from './dev-mail.controller';
import { MailService } from './mail.service';
import { MAIL_OPTIONS, type MailOptions } from './mail.options';

@Module({})
export class NotificationsModule {
  static forRoot(options: MailOptions): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      controllers: options.catcherDir ? [DevMailController] : [],
      providers: [{ provide: MAIL_OPTIONS, useValue: options }, MailService],
      exports: [MailService],
    };
  }
}
