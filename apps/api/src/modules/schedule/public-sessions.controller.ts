import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorDto } from '../../common/api-error.dto';
import { Public } from '../auth/access.decorator';
import { SearchPageQueryDto } from '../../common/paging.dto';
import { PublicSitePageDto } from '../sites/dto/public-site.dto';
import { PublicSessionDto, RangeQueryDto } from './dto/schedule.dto';
import { toPublicSessionDto } from './schedule.mapper';
import { ScheduleService } from './schedule.service';

@ApiTags('public')
@Public()
@Controller('public/sites/:slug/sessions')
export class PublicSessionsController {
  constructor(private readonly schedules: ScheduleService) {}

  @Get()
  // Browsers revalidate every time (the ETag answers an unchanged list with 304: seats change with every
  // booking, and the booking pages must not show old seats); a shared cache (CDN) may keep it 10 s.
  @Header('Cache-Control', 'public, max-age=0, s-maxage=10')
  @ApiOkResponse({ type: PublicSessionDto, isArray: true, description: 'Sessions (cancelled ones too) with their slots and seats left' })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async list(@Param('slug') slug: string, @Query() query: RangeQueryDto): Promise<PublicSessionDto[]> {
    return (await this.schedules.publicSessions(slug, query)).map(toPublicSessionDto);
  }
}

@ApiTags('public')
@Public()
@Controller('public/sites')
export class PublicSiteListController {
  constructor(private readonly schedules: ScheduleService) {}

  @Get()
  @Header('Cache-Control', 'public, max-age=0, s-maxage=60')
  @ApiOkResponse({ type: PublicSitePageDto, description: 'Active sites, alphabetical, 20 a page, each with its next planned sessions; `q` searches names and addresses' })
  list(@Query() query: SearchPageQueryDto): Promise<PublicSitePageDto> {
    return this.schedules.publicSiteList(query);
  }
}
