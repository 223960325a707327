import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@digihjalpen/domain';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/access.decorator';
import { MineQueryDto, NewVisitCategoryDto, VisitCategoryDto, VisitDto, VisitFilterDto, VisitInputDto, VisitPageDto, VisitPageQueryDto } from './dto/visit.dto';
import { VisitsService } from './visits.service';

@ApiTags('visits')
@Controller()
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Post('visits')
  @Roles('helper', 'coordinator')
  @ApiBody({ type: VisitInputDto })
  @ApiCreatedResponse({ type: VisitDto, description: 'Stored' })
  @ApiOkResponse({ type: VisitDto, description: 'Already stored under this clientId (a retry): nothing new is created' })
  async log(@CurrentUser() user: AuthUser, @Body() body: unknown, @Res({ passthrough: true }) res: Response): Promise<VisitDto> {
    const { visit, created } = await this.visits.log(user, body);
    res.status(created ? 201 : 200);
    return visit;
  }

  @Get('visits/mine')
  @Roles('helper', 'coordinator')
  @ApiOkResponse({ type: VisitDto, isArray: true, description: 'Visits I logged and visits of sessions I am on' })
  mine(@CurrentUser() user: AuthUser, @Query() query: MineQueryDto): Promise<VisitDto[]> {
    return this.visits.mine(user, query.sessionId ?? null);
  }

  @Get('visits')
  @Roles('coordinator')
  @ApiOkResponse({ type: VisitPageDto, description: '50 a page, newest first' })
  list(@Query() query: VisitPageQueryDto): Promise<VisitPageDto> {
    const { page, ...filter } = query;
    return this.visits.page(filter, page ?? 1);
  }

  @Get('visits.csv')
  @Roles('coordinator')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The filtered log, oldest first, at most 100,000 visits (semicolon-separated, UTF-8 with BOM); the export is audited' })
  async csv(@CurrentUser() user: AuthUser, @Query() filter: VisitFilterDto): Promise<StreamableFile> {
    return new StreamableFile(await this.visits.csv(user, filter), { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="besok.csv"' });
  }

  @Put('visits/:id')
  @Roles('coordinator')
  @ApiBody({ type: VisitInputDto })
  @ApiOkResponse({ type: VisitDto, description: 'Edited; the change is audited (clientId, sessionId and bookingId stay)' })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: unknown): Promise<VisitDto> {
    return this.visits.update(user, id, body);
  }

  @Delete('visits/:id')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted; the audit log keeps what it was' })
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.visits.delete(user, id);
  }

  @Get('visit-categories')
  @Roles('helper', 'coordinator')
  @ApiOkResponse({ type: VisitCategoryDto, isArray: true })
  categories(): Promise<VisitCategoryDto[]> {
    return this.visits.categories();
  }

  @Post('visit-categories')
  @Roles('coordinator')
  @ApiCreatedResponse({ type: VisitCategoryDto })
  addCategory(@CurrentUser() user: AuthUser, @Body() body: NewVisitCategoryDto): Promise<VisitCategoryDto> {
    return this.visits.addCategory(user, body.label);
  }
}
