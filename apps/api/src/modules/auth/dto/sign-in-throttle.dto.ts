import { ApiProperty } from '@nestjs/swagger';
import { THROTTLE_KINDS, type SignInThrottleView, type ThrottleKind } from '@digihjalpen/domain';

export class SignInThrottleDto implements SignInThrottleView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: THROTTLE_KINDS, description: 'account: one client address and one e-mail; address: one client address across e-mails; password-change: a signed-in person' })
  kind!: ThrottleKind;
  @ApiProperty({ type: String, nullable: true, description: 'The account the key names, when it is a real one' }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The client address (null for the password-change page)' }) address!: string | null;
  @ApiProperty({ description: 'Wrong passwords counted' }) failures!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'No attempt is checked before this time; null when the latest delay has passed' })
  blockedUntil!: string | null;
  @ApiProperty({ format: 'date-time' }) lastFailureAt!: string;
}
