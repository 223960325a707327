import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type AuthUser, type Role, type MeView } from '@digihjalpen/domain';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'coordinator@example.org' })
  @IsEmail({}, { message: 'Skriv en e-postadress, till exempel namn@example.org.' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'Skriv ditt lösenord.' })
  @MaxLength(128)
  password!: string;
}

export class InviteDto {
  @ApiProperty()
  @IsEmail({}, { message: 'Skriv en e-postadress, till exempel namn@example.org.' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Samira' })
  @IsString()
  @MinLength(1, { message: 'Skriv ett namn.' })
  @MaxLength(120)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn([...ROLES], { message: 'Välj roll: samordnare, digivärd, partner eller bibliotekspersonal.' })
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for role partner: the partner organisation' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  partnerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for role library-staff: the site they work at' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  siteId?: string;
}

export class AcceptInvitationDto {
  @ApiProperty()
  @IsString()
  @MinLength(20)
  @MaxLength(100)
  token!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class AuthUserDto implements AuthUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Partners: their partner organisation' }) partnerId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Library staff: their site' }) siteId?: string | null;
}

export class HelperListedDto extends AuthUserDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The organisation the helper belongs to' }) organisationId!: string | null;
}

export class MeDto extends AuthUserDto implements MeView {
  @ApiProperty({ description: 'Minutes without activity before the sign-in ends' }) idleMinutes!: number;
  @ApiProperty({ description: "Key (base64) of this sign-in's encrypted offline visit queue; dies with the sign-in" }) queueKey!: string;
}

export class InvitationCreatedDto {
  @ApiProperty({ type: AuthUserDto }) user!: AuthUserDto;
  @ApiProperty({ description: 'The link also e-mailed to the person; it holds a secret' }) inviteUrl!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'Skriv ditt nuvarande lösenord.' })
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters, not a common password, not the e-mail address (NIST SP 800-63B)' })
  @IsString()
  @MaxLength(200)
  newPassword!: string;
}
