import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AUDIT_GROUPS, type AuditPage } from '@digihjalpen/domain';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Roles } from '../auth/access.decorator';
import { AuditLog, type AuditQuery } from './audit-log';

class AuditQueryDto implements AuditQuery {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'Default: 27 days before `to`' }) @IsOptional() @IsString() @MaxLength(10) from?: string;
  @ApiPropertyOptional({ example: '2026-11-28', description: 'Default: today' }) @IsOptional() @IsString() @MaxLength(10) to?: string;
  @ApiPropertyOptional({ enum: AUDIT_GROUPS.map((g) => g.key) }) @IsOptional() @IsString() @MaxLength(20) group?: string;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @Matches(/^[1-9]\d{0,5}$/, { message: 'Sidan är ett heltal från 1.' }) page?: string;
}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly log: AuditLog) {}

  @Get()
  @Roles('coordinator')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'AuditPage: newest first, 50 a page; details hold ids, never personal data' })
  list(@Query() query: AuditQueryDto): Promise<AuditPage> {
    return this.log.page(query);
  }
}
