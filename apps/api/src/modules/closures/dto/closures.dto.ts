import { ApiProperty } from '@nestjs/swagger';
import type { ClosureCreatedView, ClosureInput, ClosurePreviewView, ClosureView, HolidaySessionView, HolidayView } from '@digihjalpen/domain';

// Bodies are checked by the domain's parseClosureInput (one validator, Swedish messages); these describe them.

export class ClosureInputDto implements ClosureInput {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The site; null closes every site (also sites added later)' }) siteId!: string | null;
  @ApiProperty({ example: '2026-12-24', description: 'First closed day, in the site’s time zone (inclusive)' }) from!: string;
  @ApiProperty({ example: '2027-01-06', description: 'Last closed day (inclusive); at most a year after the first' }) to!: string;
  @ApiProperty({ example: 'Jul och nyår', maxLength: 500, description: 'Shown to help-seekers and helpers' }) reason!: string;
}

export class ClosurePreviewDto implements ClosurePreviewView {
  @ApiProperty({ description: 'Planned sessions that would be cancelled' }) sessions!: number;
  @ApiProperty({ description: 'Confirmed bookings in them (each person is told once)' }) bookings!: number;
  @ApiProperty({ description: 'Helpers’ shifts in them' }) shifts!: number;
}

export class ClosureDto implements ClosureView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) siteId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null: every site' }) siteName!: string | null;
  @ApiProperty({ example: '2026-12-24' }) from!: string;
  @ApiProperty({ example: '2027-01-06' }) to!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() sessionsCancelled!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) createdBy!: string | null;
  @ApiProperty({ description: 'Its first day has come: it can no longer be lifted' }) started!: boolean;
  @ApiProperty({ description: 'Its last day has passed' }) past!: boolean;
}

export class ClosureCreatedDto implements ClosureCreatedView {
  @ApiProperty({ type: ClosureDto }) closure!: ClosureDto;
  @ApiProperty({ type: ClosurePreviewDto, description: 'What was cancelled' }) cancelled!: ClosurePreviewDto;
}

export class HolidayDto implements HolidayView {
  @ApiProperty({ example: '2026-12-31' }) date!: string;
  @ApiProperty({ example: 'nyårsafton' }) name!: string;
  @ApiProperty({ description: 'A coordinator keeps the site open that day' }) opened!: boolean;
}

export class HolidaySessionDto implements HolidaySessionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty() siteName!: string;
  @ApiProperty({ example: '2026-12-25' }) date!: string;
  @ApiProperty({ example: '2026-12-25T10:00:00+01:00' }) start!: string;
  @ApiProperty({ example: '2026-12-25T12:00:00+01:00' }) end!: string;
  @ApiProperty({ example: 'juldagen' }) holiday!: string;
  @ApiProperty() bookings!: number;
  @ApiProperty() shifts!: number;
}
