import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, NoticeSettings, OpenShiftsDigestSetting } from '@digihjalpen/domain';
import { CurrentUser, Roles } from '../auth/access.decorator';
import { NoticeSettingsDto, OpenShiftsDigestDto } from './dto/notice-settings.dto';
import { HelperNoticesService } from './helper-notices.service';

/** Helpers choose which e-mails they get and in which language; coordinators switch the weekly open-shifts e-mail. */
@ApiTags('helper notices')
@Controller()
export class HelperNoticesController {
  constructor(private readonly notices: HelperNoticesService) {}

  @Get('me/notice-settings')
  @Roles('helper')
  @ApiOkResponse({ type: NoticeSettingsDto })
  settings(@CurrentUser() user: AuthUser): Promise<NoticeSettings> {
    return this.notices.settings(user);
  }

  @Put('me/notice-settings')
  @Roles('helper')
  @ApiOkResponse({ type: NoticeSettingsDto })
  saveSettings(@CurrentUser() user: AuthUser, @Body() body: NoticeSettingsDto): Promise<NoticeSettings> {
    return this.notices.saveSettings(user, body);
  }

  @Get('helper-notices/open-shifts-digest')
  @Roles('coordinator')
  @ApiOkResponse({ type: OpenShiftsDigestDto })
  digest(): Promise<OpenShiftsDigestSetting> {
    return this.notices.digestSetting();
  }

  @Put('helper-notices/open-shifts-digest')
  @Roles('coordinator')
  @ApiOkResponse({ type: OpenShiftsDigestDto })
  setDigest(@CurrentUser() user: AuthUser, @Body() body: OpenShiftsDigestDto): Promise<OpenShiftsDigestSetting> {
    return this.notices.setDigest(user, body.enabled);
  }
}
