import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HELP_LANGUAGES, type HelpLanguage, type NewSite, type Site } from '@digihjalpen/domain';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class SiteInputDto implements NewSite {
  @ApiProperty({ example: 'Norrby bibliotek' })
  @IsString()
  @MaxLength(200, { message: 'Namnet får ha högst 200 tecken.' })
  name!: string;

  @ApiPropertyOptional({ description: 'Web address name; made from the name when left out' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  slug?: string;

  @ApiProperty({ example: 'Norrby torg 4, 424 31 Staden' })
  @IsString()
  @MaxLength(300, { message: 'Adressen får ha högst 300 tecken.' })
  address!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(2000)
  directions!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(2000)
  accessibilityNotes!: string;

  @ApiProperty({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  contactPhone!: string | null;

  @ApiProperty({ example: 'Europe/Stockholm' })
  @IsString()
  @MaxLength(64)
  timeZone!: string;

  @ApiProperty({ enum: HELP_LANGUAGES, isArray: true })
  @IsArray()
  @ArrayMaxSize(HELP_LANGUAGES.length)
  @IsIn([...HELP_LANGUAGES], { each: true, message: 'Okänt språk.' })
  languages!: HelpLanguage[];

  @ApiProperty()
  @IsBoolean()
  active!: boolean;
}

export class SiteDto implements Site {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty() directions!: string;
  @ApiProperty() accessibilityNotes!: string;
  @ApiProperty({ type: String, nullable: true }) contactPhone!: string | null;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ enum: HELP_LANGUAGES, isArray: true }) languages!: HelpLanguage[];
  @ApiProperty() active!: boolean;
}
