import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACCOUNT_STATUS_FILTERS,
  ACCOUNT_STATUSES,
  ROLES,
  type AccountBelongsTo,
  type AccountListed,
  type AccountPage,
  type AccountQuery,
  type AccountStatus,
  type AccountStatusFilter,
  type DeactivationResult,
  type InvitationResent,
  type PasswordResetRequest,
  type PasswordResetSent,
  type Role,
  type ShiftNeedingPeople,
} from '@digihjalpen/domain';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageDto, SearchPageQueryDto } from '../../../common/paging.dto';

export class AccountQueryDto extends SearchPageQueryDto implements AccountQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn([...ROLES], { message: 'Välj roll: samordnare, digivärd, partner eller bibliotekspersonal.' })
  role?: Role;

  @ApiPropertyOptional({ enum: ACCOUNT_STATUS_FILTERS, description: '`invited`: everyone without a password yet (also when the link ran out or was revoked)' })
  @IsOptional()
  @IsIn([...ACCOUNT_STATUS_FILTERS], { message: 'Välj status: aktiva, inbjudna eller avstängda.' })
  status?: AccountStatusFilter;

  @ApiPropertyOptional({ format: 'uuid', description: "An organisation (helpers), partner organisation (partners) or site (library staff)" })
  @IsOptional()
  @IsUUID('all', { message: 'Välj en organisation eller ett bibliotek i listan.' })
  belongsTo?: string;
}

export class AccountBelongsToDto implements AccountBelongsTo {
  @ApiProperty({ enum: ['organisation', 'partner', 'site'] }) kind!: AccountBelongsTo['kind'];
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class AccountDto implements AccountListed {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: ACCOUNT_STATUSES }) status!: AccountStatus;
  @ApiProperty({ type: AccountBelongsToDto, nullable: true }) belongsTo!: AccountBelongsToDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the open invitation link runs out' }) invitationExpiresAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deactivatedAt!: string | null;
}

export class AccountPageDto extends PageDto implements AccountPage {
  @ApiProperty({ type: AccountDto, isArray: true }) items!: AccountDto[];
}

export class ShiftNeedingPeopleDto implements ShiftNeedingPeople {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty() siteName!: string;
  @ApiProperty({ example: 'Europe/Stockholm' }) timeZone!: string;
  @ApiProperty({ description: "ISO 8601 with the site's offset" }) start!: string;
  @ApiProperty({ description: "ISO 8601 with the site's offset" }) end!: string;
  @ApiProperty({ description: 'Helpers still on the shift' }) helpers!: number;
  @ApiProperty() helpersNeeded!: number;
}

export class DeactivationResultDto implements DeactivationResult {
  @ApiProperty({ type: AccountDto }) account!: AccountDto;
  @ApiProperty() signInsEnded!: number;
  @ApiProperty() shiftsRemoved!: number;
  @ApiProperty({ type: ShiftNeedingPeopleDto, isArray: true, description: 'Coming sessions that now have fewer helpers than needed' })
  shiftsNeedingPeople!: ShiftNeedingPeopleDto[];
}

export class InvitationResentDto implements InvitationResent {
  @ApiProperty({ type: AccountDto }) account!: AccountDto;
  @ApiProperty({ description: 'The new link, also e-mailed; it holds a secret' }) inviteUrl!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class PasswordResetSentDto implements PasswordResetSent {
  @ApiProperty({ type: AccountDto }) account!: AccountDto;
  @ApiProperty({ description: 'The address the one-time link was e-mailed to (the link itself is never shown)' }) sentTo!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class PasswordResetDto implements PasswordResetRequest {
  @ApiProperty({ description: 'The secret from the link /aterstall/{token}' })
  @IsString()
  @MinLength(20, { message: 'Länken är inte hel. Öppna den igen från mejlet.' })
  @MaxLength(100, { message: 'Länken är inte hel. Öppna den igen från mejlet.' })
  token!: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters, not a common password, not the e-mail address (NIST SP 800-63B)' })
  @IsString({ message: 'Skriv ett lösenord.' })
  @MaxLength(200, { message: 'Lösenordet får ha högst 128 tecken.' })
  password!: string;
}
