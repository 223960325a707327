import { ApiProperty } from '@nestjs/swagger';
import { EVIDENCE_KINDS, type EvidenceInput, type EvidenceKind, type ModuleSummaryView, type OcnModule, type OcnModuleInput, type PortfolioView } from '@digihjalpen/domain';

// Documentation shapes: bodies are checked by the domain's parsers.

class OcnCriterionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '1.1' }) number!: string;
  @ApiProperty() text!: string;
}

class OcnOutcomeDto {
  @ApiProperty() number!: number;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [OcnCriterionDto] }) criteria!: OcnCriterionDto[];
}

export class OcnModuleDto implements OcnModule {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: [1, 2, 3] }) level!: 1 | 2 | 3;
  @ApiProperty() credits!: number;
  @ApiProperty({ type: [OcnOutcomeDto] }) outcomes!: OcnOutcomeDto[];
}

class CriterionInputDto {
  @ApiProperty({ format: 'uuid', required: false, description: 'Keep the id of an existing criterion' }) id?: string;
  @ApiProperty() text!: string;
}

class OutcomeInputDto {
  @ApiProperty() text!: string;
  @ApiProperty({ type: [CriterionInputDto] }) criteria!: CriterionInputDto[];
}

export class OcnModuleInputDto implements OcnModuleInput {
  @ApiProperty() title!: string;
  @ApiProperty({ enum: [1, 2, 3] }) level!: 1 | 2 | 3;
  @ApiProperty() credits!: number;
  @ApiProperty({ type: [OutcomeInputDto] }) outcomes!: OutcomeInputDto[];
}

export class EvidenceInputDto implements EvidenceInput {
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind!: EvidenceKind;
  @ApiProperty({ type: [String], format: 'uuid' }) criterionIds!: string[];
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) hoursEntryIds!: string[];
}

export class AssessmentInputDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object', properties: { met: { type: 'boolean' }, comment: { type: 'string', nullable: true } } }, description: 'criterion id → decision' })
  decisions!: Record<string, { met: boolean; comment: string | null }>;
}

export class ModuleSummaryDto implements ModuleSummaryView {
  @ApiProperty({ type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' }, level: { type: 'number' }, credits: { type: 'number' } } })
  module!: ModuleSummaryView['module'];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'criteriaWithEvidence, criteriaTotal, criteriaMet, approvedHours, notionalHours' }) progress!: ModuleSummaryView['progress'];
  @ApiProperty() creditsAwarded!: number;
  @ApiProperty() qualityAssured!: boolean;
}

export class PortfolioDto implements PortfolioView {
  @ApiProperty({ type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } }) helper!: PortfolioView['helper'];
  @ApiProperty({ type: OcnModuleDto }) module!: OcnModuleDto;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) evidence!: PortfolioView['evidence'];
  @ApiProperty({ type: 'object', additionalProperties: true }) assessment!: PortfolioView['assessment'];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) progress!: PortfolioView['progress'];
}
