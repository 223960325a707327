import { Controller, Get, Header, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@digihjalpen/domain';
import type { Response } from 'express';
import { ApiErrorDto } from '../../common/api-error.dto';
import { CurrentUser, Roles } from '../auth/access.decorator';
import { ErasureResultDto, PrivacyRequestDto, PrivacySettingsDto } from './dto/privacy.dto';
import { PrivacyService } from './privacy.service';

/**
 * A person's right of access and erasure, asked for with a booking reference (K7F-3QD, any case, dash
 * optional). Coordinators only; every look, export and erasure is in audit_log.
 */
@ApiTags('privacy')
@Roles('coordinator')
@Controller('privacy')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get('settings')
  @ApiOkResponse({ type: PrivacySettingsDto })
  settings(): PrivacySettingsDto {
    return this.privacy.settings();
  }

  @Get('bookings/:reference')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: PrivacyRequestDto, description: 'The booking and every booking with the same e-mail address or phone number' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'INVALID_REFERENCE' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'REFERENCE_NOT_FOUND' })
  view(@CurrentUser() user: AuthUser, @Param('reference') reference: string): Promise<PrivacyRequestDto> {
    return this.privacy.view(user, reference);
  }

  @Get('bookings/:reference/export.json')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/json')
  @ApiOkResponse({ type: PrivacyRequestDto, description: 'The same as a file (Content-Disposition: attachment)' })
  async export(@CurrentUser() user: AuthUser, @Param('reference') reference: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const view = await this.privacy.export(user, reference);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="personuppgifter-${view.reference}.json"`);
    return JSON.stringify(view, null, 2);
  }

  @Post('bookings/:reference/erase')
  @HttpCode(200)
  @ApiOkResponse({ type: ErasureResultDto, description: 'How many bookings were erased now (0 when already erased)' })
  erase(@CurrentUser() user: AuthUser, @Param('reference') reference: string): Promise<ErasureResultDto> {
    return this.privacy.erase(user, reference);
  }
}
