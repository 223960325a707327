import { ApiProperty } from '@nestjs/swagger';
import { HELP_LANGUAGES, type ClosureNotice, type PublicSiteDetail, type HelpLanguage, type NextSessionView, type Page, type PublicSite, type PublicSiteName, type PublicSiteSummary } from '@digihjalpen/domain';
import { PageDto } from '../../../common/paging.dto';

export class PublicSiteDto implements PublicSite {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'stadsbiblioteket' }) slug!: string;
  @ApiProperty({ example: 'Stadsbiblioteket' }) name!: string;
  @ApiProperty({ example: 'Götaplatsen 3, 412 56 Göteborg' }) address!: string;
  @ApiProperty({ description: 'How to find the drop-in inside the building' }) directions!: string;
  @ApiProperty({ description: 'Step-free entrance, hearing loop, toilets …' }) accessibilityNotes!: string;
  @ApiProperty({ type: String, nullable: true }) contactPhone!: string | null;
  @ApiProperty({ example: 'Europe/Stockholm' }) timeZone!: string;
  @ApiProperty({ enum: HELP_LANGUAGES, isArray: true, description: 'Languages the helpers there speak' }) languages!: HelpLanguage[];
}

export class PublicClosureDto implements ClosureNotice {
  @ApiProperty({ example: '2026-12-24', description: 'First closed day (local, inclusive)' }) from!: string;
  @ApiProperty({ example: '2027-01-06', description: 'Last closed day (local, inclusive)' }) to!: string;
  @ApiProperty({ example: 'Jul och nyår' }) reason!: string;
}

/** GET /api/public/sites/{slug}: the site and its current and coming closures. */
export class PublicSiteDetailDto extends PublicSiteDto implements PublicSiteDetail {
  @ApiProperty({ type: [PublicClosureDto], description: 'Closures that have not ended, first first (public holidays are not listed)' }) closures!: PublicClosureDto[];
}

export class NextSessionDto implements NextSessionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2027-03-30T10:00:00+02:00' }) start!: string;
  @ApiProperty({ example: '2027-03-30T12:00:00+02:00' }) end!: string;
  @ApiProperty() dropIn!: boolean;
  @ApiProperty({ description: 'Free seats in the slots that have not started' }) seatsLeft!: number;
}

export class PublicSiteSummaryDto extends PublicSiteDto implements PublicSiteSummary {
  @ApiProperty({ type: [NextSessionDto], description: 'The next planned sessions (at most three)' }) nextSessions!: NextSessionDto[];
}

export class PublicSitePageDto extends PageDto implements Page<PublicSiteSummary> {
  @ApiProperty({ type: [PublicSiteSummaryDto] }) items!: PublicSiteSummaryDto[];
}

export class PublicSiteNameDto implements PublicSiteName {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'stadsbiblioteket' }) slug!: string;
  @ApiProperty({ example: 'Stadsbiblioteket' }) name!: string;
}
