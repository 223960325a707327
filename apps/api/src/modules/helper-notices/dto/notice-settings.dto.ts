import { ApiProperty } from '@nestjs/swagger';
import { LANGUAGES, type Language, type NoticeSettings, type OpenShiftsDigestSetting } from '@digihjalpen/domain';
import { IsBoolean, IsIn } from 'class-validator';

const YES_NO = 'Välj ja eller nej.';

/** A helper's e-mail settings: the language and each kind of e-mail on (true) or off. */
export class NoticeSettingsDto implements NoticeSettings {
  @ApiProperty({ enum: LANGUAGES, description: 'The language of the e-mails' })
  @IsIn(LANGUAGES, { message: 'Välj svenska, engelska eller arabiska.' })
  language!: Language;

  @ApiProperty({ description: 'A session I am on is cancelled' }) @IsBoolean({ message: YES_NO }) cancelled!: boolean;
  @ApiProperty({ description: 'A coordinator puts me on a shift or takes me off one' }) @IsBoolean({ message: YES_NO }) shiftChanges!: boolean;
  @ApiProperty({ description: 'The time of a shift of mine changes' }) @IsBoolean({ message: YES_NO }) timeChanges!: boolean;
  @ApiProperty({ description: 'The weekly e-mail about open shifts' }) @IsBoolean({ message: YES_NO }) digest!: boolean;
}

export class OpenShiftsDigestDto implements OpenShiftsDigestSetting {
  @ApiProperty({ description: 'Helpers get a weekly e-mail (Mondays) about open shifts in the next two weeks' })
  @IsBoolean({ message: YES_NO })
  enabled!: boolean;
}
