import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@digihjalpen/domain';
import { ApiErrorDto } from '../../common/api-error.dto';
import { RateLimit } from '../../common/rate-limit';
import { CurrentUser, Public, Roles } from '../auth/access.decorator';
import { FunnelDto, PartnerDto, PartnerInputDto, PeriodQueryDto, ReferralCodeDto, ReferralCodeInputDto } from './dto/partners.dto';
import { PartnersService } from './partners.service';

/**
 * Partners (referring organisations), their referral codes and their results in aggregate.
 * Coordinators see every partner; a partner's staff only their own (403 OTHER_PARTNER otherwise).
 */
@ApiTags('partners')
@Controller('partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Get()
  @Roles('coordinator')
  @ApiOkResponse({ type: PartnerDto, isArray: true })
  list(): Promise<PartnerDto[]> {
    return this.partners.list();
  }

  @Post()
  @Roles('coordinator')
  @ApiBody({ type: PartnerInputDto })
  @ApiCreatedResponse({ type: PartnerDto })
  create(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<PartnerDto> {
    return this.partners.create(user, body);
  }

  @Get(':partnerId/funnel')
  @Roles('coordinator', 'partner')
  @ApiOkResponse({ type: FunnelDto, description: 'Referred → booked → came → outcomes; counts 1–4 are null' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'OTHER_PARTNER' })
  funnel(@CurrentUser() user: AuthUser, @Param('partnerId', ParseUUIDPipe) partnerId: string, @Query() query: PeriodQueryDto): Promise<FunnelDto> {
    return this.partners.funnel(user, partnerId, query);
  }

  @Get(':partnerId/referral-codes')
  @Roles('coordinator', 'partner')
  @ApiOkResponse({ type: ReferralCodeDto, isArray: true })
  codes(@CurrentUser() user: AuthUser, @Param('partnerId', ParseUUIDPipe) partnerId: string): Promise<ReferralCodeDto[]> {
    return this.partners.codes(user, partnerId);
  }

  @Post(':partnerId/referral-codes')
  @Roles('coordinator', 'partner')
  @ApiBody({ type: ReferralCodeInputDto })
  @ApiCreatedResponse({ type: ReferralCodeDto })
  createCode(@CurrentUser() user: AuthUser, @Param('partnerId', ParseUUIDPipe) partnerId: string, @Body() body: unknown): Promise<ReferralCodeDto> {
    return this.partners.createCode(user, partnerId, body);
  }

  @Delete(':partnerId/referral-codes/:code')
  @Roles('coordinator', 'partner')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: no longer counted or offered; bookings made with it stay' })
  revoke(@CurrentUser() user: AuthUser, @Param('partnerId', ParseUUIDPipe) partnerId: string, @Param('code') code: string): Promise<void> {
    return this.partners.revokeCode(user, partnerId, code);
  }

  @Get(':partnerId/referral-codes/:code/slip.pdf')
  @Roles('coordinator', 'partner')
  @ApiProduces('application/pdf')
  async slip(@CurrentUser() user: AuthUser, @Param('partnerId', ParseUUIDPipe) partnerId: string, @Param('code') code: string): Promise<StreamableFile> {
    const pdf = await this.partners.slip(user, partnerId, code);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="hanvisning-${code.replace(/[^A-Za-z0-9-]/g, '')}.pdf"` });
  }
}

/** The public booking page tells us a referral link or slip was opened: a counter, nothing about who. */
@ApiTags('public')
@Public()
@Controller('public/referrals')
export class ReferralOpensController {
  constructor(private readonly partners: PartnersService) {}

  @Post(':code/opened')
  @HttpCode(204)
  @RateLimit('manage')
  @ApiNoContentResponse({ description: 'Always 204, also for unknown or revoked codes (which count nothing)' })
  opened(@Param('code') code: string): Promise<void> {
    return this.partners.countOpen(code);
  }
}
