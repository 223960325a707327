import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '@digihjalpen/domain';
import type { Response } from 'express';
import { ApiErrorDto } from '../../common/api-error.dto';
import { CurrentUser, Roles } from '../auth/access.decorator';
import { ErasureResultDto, PrivacyExportDto, PrivacyRequestDto, PrivacySettingsDto, ProofCodeRequestDto, ProofCodeSentDto, ProofGrantedDto } from './dto/privacy.dto';
import { PrivacyService } from './privacy.service';

const SCOPE = {
  name: 'scope',
  required: false,
  enum: ['booking', 'contact'],
  description: '`booking` (default): that booking only. `contact`: every booking with its e-mail address; needs this coordinator’s grant (a code the person read out, 30 minutes), else 403 PROOF_REQUIRED',
} as const;

/**
 * A person's right of access and erasure, asked for with a booking reference (K7F-3QD, any case, dash
 * optional): that booking only. The person's other bookings only after a one-time code sent to the
 * booking's e-mail address is read out. Coordinators only; every look, export, erasure and code is in audit_log.
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
  @ApiQuery(SCOPE)
  @ApiOkResponse({ type: PrivacyRequestDto, description: 'The booking (scope=contact: and every booking with its e-mail address), and the proof state' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'INVALID_REFERENCE, INVALID_PRIVACY_SCOPE' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'PROOF_REQUIRED' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'REFERENCE_NOT_FOUND' })
  view(@CurrentUser() user: AuthUser, @Param('reference') reference: string, @Query('scope') scope?: unknown): Promise<PrivacyRequestDto> {
    return this.privacy.view(user, reference, scope);
  }

  @Get('bookings/:reference/export.json')
  @Header('Cache-Control', 'no-store')
  @ApiQuery(SCOPE)
  @ApiProduces('application/json')
  @ApiOkResponse({ type: PrivacyExportDto, description: 'The same as a file (Content-Disposition: attachment), without the proof state' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'PROOF_REQUIRED' })
  async export(@CurrentUser() user: AuthUser, @Param('reference') reference: string, @Query('scope') scope: unknown, @Res({ passthrough: true }) res: Response): Promise<string> {
    const view = await this.privacy.export(user, reference, scope);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="personuppgifter-${view.reference}${view.scope === 'contact' ? '-alla' : ''}.json"`);
    return JSON.stringify(view, null, 2);
  }

  @Post('bookings/:reference/erase')
  @HttpCode(200)
  @ApiQuery(SCOPE)
  @ApiOkResponse({ type: ErasureResultDto, description: 'How many bookings were erased now (0 when already erased)' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'PROOF_REQUIRED' })
  erase(@CurrentUser() user: AuthUser, @Param('reference') reference: string, @Query('scope') scope?: unknown): Promise<ErasureResultDto> {
    return this.privacy.erase(user, reference, scope);
  }

  @Post('bookings/:reference/code')
  @HttpCode(200)
  @ApiOkResponse({ type: ProofCodeSentDto, description: 'A six-digit code was queued to the booking’s e-mail address (10 minutes, 5 tries); it replaces an earlier one' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'NO_PROOF_CHANNEL: no e-mail address (phone only, none, or erased)' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'REFERENCE_NOT_FOUND' })
  sendCode(@CurrentUser() user: AuthUser, @Param('reference') reference: string): Promise<ProofCodeSentDto> {
    return this.privacy.sendCode(user, reference);
  }

  @Post('bookings/:reference/code/verify')
  @HttpCode(200)
  @ApiBody({ type: ProofCodeRequestDto })
  @ApiOkResponse({ type: ProofGrantedDto, description: 'Right code: scope=contact works for this coordinator for 30 minutes' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'INVALID_PROOF_CODE, WRONG_PROOF_CODE (a try is used)' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'NO_PROOF_CODE' })
  @ApiGoneResponse({ type: ApiErrorDto, description: 'PROOF_CODE_EXPIRED, PROOF_CODE_USED_UP' })
  verifyCode(@CurrentUser() user: AuthUser, @Param('reference') reference: string, @Body() body: unknown): Promise<ProofGrantedDto> {
    return this.privacy.verifyCode(user, reference, body);
  }
}
