import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser, ModuleSummaryView, OcnModule, PortfolioView } from '@digihjalpen/domain';
import { CurrentUser, Roles } from '../auth/access.decorator';
import { AssessmentInputDto, EvidenceInputDto, ModuleSummaryDto, OcnModuleDto, OcnModuleInputDto, PortfolioDto } from './dto/ocn.dto';
import { OcnService } from './ocn.service';

/** OCN validation: the module catalogue, each helper's evidence, assessment, quality assurance and portfolio. */
@ApiTags('ocn')
@Controller('ocn')
export class OcnController {
  constructor(private readonly ocn: OcnService) {}

  @Get('modules')
  @Roles('helper', 'coordinator')
  @ApiOkResponse({ type: OcnModuleDto, isArray: true })
  modules(): Promise<OcnModule[]> {
    return this.ocn.modules();
  }

  @Post('modules')
  @Roles('coordinator')
  @ApiBody({ type: OcnModuleInputDto })
  @ApiCreatedResponse({ type: OcnModuleDto })
  create(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<OcnModule> {
    return this.ocn.saveModule(user, body);
  }

  @Put('modules/:id')
  @Roles('coordinator')
  @ApiBody({ type: OcnModuleInputDto })
  @ApiOkResponse({ type: OcnModuleDto, description: 'Criteria keep their id; one with evidence or a decision cannot be removed' })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: unknown): Promise<OcnModule> {
    return this.ocn.saveModule(user, body, id);
  }

  @Get('portfolios/:helperId')
  @Roles('helper', 'coordinator')
  @ApiOkResponse({ type: ModuleSummaryDto, isArray: true, description: "A helper's modules with progress (helpers: only their own)" })
  summaries(@CurrentUser() user: AuthUser, @Param('helperId', ParseUUIDPipe) helperId: string): Promise<ModuleSummaryView[]> {
    return this.ocn.summaries(user, helperId);
  }

  @Get('portfolios/:helperId/modules/:moduleId')
  @Roles('helper', 'coordinator')
  @ApiOkResponse({ type: PortfolioDto })
  portfolio(@CurrentUser() user: AuthUser, @Param('helperId', ParseUUIDPipe) helperId: string, @Param('moduleId', ParseUUIDPipe) moduleId: string): Promise<PortfolioView> {
    return this.ocn.portfolio(user, helperId, moduleId);
  }

  @Post('portfolios/:helperId/modules/:moduleId/evidence')
  @Roles('helper', 'coordinator')
  @ApiBody({ type: EvidenceInputDto })
  @ApiCreatedResponse({ type: PortfolioDto, description: 'Helpers add hours, visit statistics and reflections; coordinators also witness statements and observations' })
  evidence(@CurrentUser() user: AuthUser, @Param('helperId', ParseUUIDPipe) helperId: string, @Param('moduleId', ParseUUIDPipe) moduleId: string, @Body() body: unknown): Promise<PortfolioView> {
    return this.ocn.addEvidence(user, helperId, moduleId, body);
  }

  @Put('portfolios/:helperId/modules/:moduleId/assessment')
  @Roles('coordinator')
  @ApiBody({ type: AssessmentInputDto })
  @ApiOkResponse({ type: PortfolioDto, description: 'The assessor decides every criterion; locked once quality-assured' })
  assess(@CurrentUser() user: AuthUser, @Param('helperId', ParseUUIDPipe) helperId: string, @Param('moduleId', ParseUUIDPipe) moduleId: string, @Body() body: unknown): Promise<PortfolioView> {
    return this.ocn.assess(user, helperId, moduleId, body);
  }

  @Post('portfolios/:helperId/modules/:moduleId/quality-assurance')
  @Roles('coordinator')
  @ApiCreatedResponse({ type: PortfolioDto, description: 'Refused for the assessor and for an assessment with a criterion not met' })
  qualityAssure(@CurrentUser() user: AuthUser, @Param('helperId', ParseUUIDPipe) helperId: string, @Param('moduleId', ParseUUIDPipe) moduleId: string): Promise<PortfolioView> {
    return this.ocn.qualityAssure(user, helperId, moduleId);
  }

  @Get('portfolios/:helperId/modules/:moduleId/portfolio.pdf')
  @Roles('helper', 'coordinator')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The portfolio for the validation body (helpers: only their own); audited' })
  async pdf(@CurrentUser() user: AuthUser, @Param('helperId', ParseUUIDPipe) helperId: string, @Param('moduleId', ParseUUIDPipe) moduleId: string): Promise<StreamableFile> {
    const pdf = await this.ocn.portfolioPdf(user, helperId, moduleId);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: 'attachment; filename="portfolj.pdf"' });
  }
}
