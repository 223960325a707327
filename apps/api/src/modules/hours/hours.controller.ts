import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@digihjalpen/domain';
import { CurrentUser, Roles } from '../auth/access.decorator';
import { DecidedDto, DecisionDto, HelperOrganisationDto, HoursEntryDto, HoursInputDto, HoursPageDto, MonthlyReportDto, MonthQueryDto, MyHoursDto, OrganisationDto, OrganisationInputDto } from './dto/hours.dto';
import { HoursService } from './hours.service';
import { PageQueryDto } from '../../common/paging.dto';

@ApiTags('hours')
@Controller()
export class HoursController {
  constructor(private readonly hours: HoursService) {}

  @Get('hours/mine')
  @Roles('helper')
  @ApiOkResponse({ type: MyHoursDto, description: 'My hours in a month (default: this month) and my approved total' })
  mine(@CurrentUser() user: AuthUser, @Query() query: MonthQueryDto): Promise<MyHoursDto> {
    return this.hours.mine(user, query.month ?? this.hours.currentMonth());
  }

  @Post('hours')
  @Roles('helper')
  @ApiBody({ type: HoursInputDto })
  @ApiCreatedResponse({ type: HoursEntryDto, description: 'Training, preparation, a meeting or other time, pending approval' })
  add(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<HoursEntryDto> {
    return this.hours.add(user, body);
  }

  @Get('hours/mine.csv')
  @Roles('helper')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="mina-timmar.csv"')
  @ApiProduces('text/csv')
  mineCsv(@CurrentUser() user: AuthUser): Promise<string> {
    return this.hours.csv(user, user.id);
  }

  @Get('hours/pending')
  @Roles('coordinator')
  @ApiOkResponse({ type: HoursPageDto, description: 'The approval queue, 100 a page; flagged (auto-closed) entries first, then the oldest' })
  pending(@Query() query: PageQueryDto): Promise<HoursPageDto> {
    return this.hours.pending(query.page);
  }

  @Post('hours/decisions')
  @Roles('coordinator')
  @ApiCreatedResponse({ type: DecidedDto, description: 'All or none; never your own hours; approved entries are locked' })
  async decide(@CurrentUser() user: AuthUser, @Body() body: DecisionDto): Promise<DecidedDto> {
    return { decided: await this.hours.decide(user, body.ids, body.decision, body.reason ?? null) };
  }

  @Get('helpers/:id/hours.csv')
  @Roles('coordinator')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="timmar.csv"')
  @ApiProduces('text/csv')
  helperCsv(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return this.hours.csv(user, id);
  }

  @Get('organisations')
  @Roles('coordinator')
  @ApiOkResponse({ type: OrganisationDto, isArray: true })
  organisations(): Promise<OrganisationDto[]> {
    return this.hours.organisations();
  }

  @Post('organisations')
  @Roles('coordinator')
  @ApiCreatedResponse({ type: OrganisationDto })
  create(@CurrentUser() user: AuthUser, @Body() body: OrganisationInputDto): Promise<OrganisationDto> {
    return this.hours.saveOrganisation(user, body);
  }

  @Put('organisations/:id')
  @Roles('coordinator')
  @ApiOkResponse({ type: OrganisationDto })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: OrganisationInputDto): Promise<OrganisationDto> {
    return this.hours.saveOrganisation(user, body, id);
  }

  @Put('helpers/:id/organisation')
  @Roles('coordinator')
  @ApiOkResponse({ description: 'The helper now belongs to the organisation' })
  async setOrganisation(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: HelperOrganisationDto): Promise<void> {
    await this.hours.setOrganisation(user, id, body.organisationId);
  }

  @Get('organisations/:id/report')
  @Roles('coordinator')
  @ApiOkResponse({ type: MonthlyReportDto })
  report(@Param('id', ParseUUIDPipe) id: string, @Query() query: MonthQueryDto): Promise<MonthlyReportDto> {
    return this.hours.monthlyReport(id, query.month ?? this.hours.currentMonth());
  }

  @Get('organisations/:id/report.csv')
  @Roles('coordinator')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="timmar-organisation.csv"')
  @ApiProduces('text/csv')
  reportCsv(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() query: MonthQueryDto): Promise<string> {
    return this.hours.monthlyReportCsv(user, id, query.month ?? this.hours.currentMonth());
  }

  @Get('organisations/:id/report.pdf')
  @Roles('coordinator')
  @ApiProduces('application/pdf')
  async reportPdf(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() query: MonthQueryDto): Promise<StreamableFile> {
    const pdf = await this.hours.monthlyReportPdf(user, id, query.month ?? this.hours.currentMonth());
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: 'attachment; filename="timmar-organisation.pdf"' });
  }
}
