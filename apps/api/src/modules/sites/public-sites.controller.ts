import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorDto } from '../../common/api-error.dto';
import { Public } from '../auth/access.decorator';
import { PublicSiteDetailDto, PublicSiteNameDto } from './dto/public-site.dto';
import { SitesService } from './sites.service';

@ApiTags('public')
@Public()
// The list of sites (with their next sessions) is served by the schedule module: PublicSiteListController.
@Controller('public/sites')
export class PublicSitesController {
  constructor(private readonly sites: SitesService) {}

  @Get(':slug')
  @Header('Cache-Control', 'public, max-age=0, s-maxage=60')
  @ApiOkResponse({ type: PublicSiteDetailDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  get(@Param('slug') slug: string): Promise<PublicSiteDetailDto> {
    return this.sites.getPublic(slug);
  }
}

@ApiTags('public')
@Public()
@Controller('public/site-names')
export class PublicSiteNamesController {
  constructor(private readonly sites: SitesService) {}

  @Get()
  @Header('Cache-Control', 'public, max-age=0, s-maxage=60')
  @ApiOkResponse({ type: PublicSiteNameDto, isArray: true, description: 'Every active site (id, slug, name), alphabetical: for pickers' })
  names(): Promise<PublicSiteNameDto[]> {
    return this.sites.publicNames();
  }
}
