import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { SiteDto, SiteInputDto } from './dto/site-input.dto';
import { SitesService } from './sites.service';
import { Audited } from '../audit/audited';

/** Coordinators open and edit library sites. */
@ApiTags('coordinator')
@Roles('coordinator')
@Controller('sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Get()
  @ApiOkResponse({ type: SiteDto, isArray: true })
  list(): Promise<SiteDto[]> {
    return this.sites.listAll();
  }

  @Post()
  @Audited('site.created', 'site', 'result')
  @ApiCreatedResponse({ type: SiteDto })
  create(@Body() body: SiteInputDto): Promise<SiteDto> {
    return this.sites.create(body);
  }

  @Get(':id')
  @ApiOkResponse({ type: SiteDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<SiteDto> {
    return this.sites.get(id);
  }

  @Put(':id')
  @Audited('site.updated', 'site', { param: 'id' })
  @ApiOkResponse({ type: SiteDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: SiteInputDto): Promise<SiteDto> {
    return this.sites.update(id, body);
  }
}
