import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** The fields every page of a list carries next to its items (see `Page` in the domain). */
export abstract class PageDto {
  @ApiProperty({ minimum: 1, example: 1 }) page!: number;
  @ApiProperty({ example: 50 }) pageSize!: number;
  @ApiProperty({ description: 'Items in the whole list (every page)' }) total!: number;
}

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Sidan ska vara ett heltal.' })
  @Min(1, { message: 'Sidan ska vara 1 eller mer.' })
  @Max(100_000, { message: 'Sidan ska vara högst 100 000.' })
  page?: number;
}

export class SearchPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words that must all occur (case and accents do not matter)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'Sök med högst 100 tecken.' })
  q?: string;
}

/** Some sites by id (`sites=<id>,<id>`, checked by the domain's parseSiteIds); none: every site. */
export class SitesFilterDto {
  @ApiPropertyOptional({ description: 'Comma-separated site ids; empty: every site' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  sites?: string;
}
