import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, OneToMany, PrimaryColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { EvidenceKind } from '@digihjalpen/domain';
import { UserEntity } from '../auth/user.entity';

/** An OCN module of the catalogue (editable by coordinators). */
@Entity('ocn_module')
@Check('ocn_module_level', `"level" BETWEEN 1 AND 3`)
@Check('ocn_module_credits', `"credits" BETWEEN 1 AND 60`)
export class OcnModuleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 160 }) title!: string;
  @Column({ type: 'smallint' }) level!: number;
  @Column({ type: 'smallint' }) credits!: number;
  @OneToMany(() => OcnOutcomeEntity, (o) => o.module) outcomes?: OcnOutcomeEntity[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** A learning outcome (läranderesultat) of a module. */
@Entity('ocn_outcome')
@Unique('ocn_outcome_number', ['moduleId', 'number'])
export class OcnOutcomeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'module_id', type: 'uuid' }) moduleId!: string;
  @ManyToOne(() => OcnModuleEntity, (m) => m.outcomes, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'module_id' }) module?: OcnModuleEntity;
  @Column({ type: 'smallint' }) number!: number;
  @Column({ type: 'varchar', length: 500 }) text!: string;
  @OneToMany(() => OcnCriterionEntity, (c) => c.outcome) criteria?: OcnCriterionEntity[];
}

/** An assessment criterion (bedömningskriterium), numbered 1.1, 1.2 … under its outcome. */
@Entity('ocn_criterion')
@Unique('ocn_criterion_number', ['outcomeId', 'number'])
export class OcnCriterionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'outcome_id', type: 'uuid' }) outcomeId!: string;
  @ManyToOne(() => OcnOutcomeEntity, (o) => o.criteria, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'outcome_id' }) outcome?: OcnOutcomeEntity;
  @Column({ type: 'varchar', length: 8 }) number!: string;
  @Column({ type: 'varchar', length: 500 }) text!: string;
}

/** Evidence a helper or coordinator links to specific criteria. */
@Entity('evidence')
@Index('evidence_helper_module', ['helperId', 'moduleId'])
@Check('evidence_kind', `"kind" IN ('hours', 'visit-statistics', 'reflection', 'witness-statement', 'observation')`)
export class EvidenceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'helper_id', type: 'uuid' }) helperId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'helper_id' }) helper?: UserEntity;
  @Column({ name: 'module_id', type: 'uuid' }) moduleId!: string;
  @ManyToOne(() => OcnModuleEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'module_id' }) module?: OcnModuleEntity;
  @Column({ type: 'varchar', length: 20 }) kind!: EvidenceKind;
  @Column({ type: 'varchar', length: 4000, default: '' }) text!: string;
  /** For 'hours': the approved hours entries it points to. */
  @Column({ name: 'hours_entry_ids', type: 'uuid', array: true, default: () => `'{}'` }) hoursEntryIds!: string[];
  /** For 'visit-statistics': counts per category of the helper's own visits, frozen when linked (never help-seekers' data). */
  @Column({ type: 'jsonb', nullable: true }) statistics!: Record<string, number> | null;
  @Column({ name: 'author_id', type: 'uuid' }) authorId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'author_id' }) author?: UserEntity;
  @ManyToMany(() => OcnCriterionEntity)
  @JoinTable({ name: 'evidence_criterion', joinColumn: { name: 'evidence_id' }, inverseJoinColumn: { name: 'criterion_id' } })
  criteria?: OcnCriterionEntity[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** An assessor's judgement of one helper against one module, and the quality assurer's confirmation. */
@Entity('assessment')
@Unique('assessment_helper_module', ['helperId', 'moduleId'])
@Check('assessment_separation', `"quality_assurer_id" IS NULL OR ("assessor_id" IS NOT NULL AND "quality_assurer_id" <> "assessor_id")`)
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'helper_id', type: 'uuid' }) helperId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'helper_id' }) helper?: UserEntity;
  @Column({ name: 'module_id', type: 'uuid' }) moduleId!: string;
  @ManyToOne(() => OcnModuleEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'module_id' }) module?: OcnModuleEntity;
  @Column({ name: 'assessor_id', type: 'uuid', nullable: true }) assessorId!: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'assessor_id' }) assessor?: UserEntity;
  @Column({ name: 'assessed_at', type: 'timestamptz', nullable: true }) assessedAt!: Date | null;
  @Column({ name: 'quality_assurer_id', type: 'uuid', nullable: true }) qualityAssurerId!: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'quality_assurer_id' }) qualityAssurer?: UserEntity;
  @Column({ name: 'quality_assured_at', type: 'timestamptz', nullable: true }) qualityAssuredAt!: Date | null;
}

@Entity('assessment_decision')
export class AssessmentDecisionEntity {
  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' }) assessmentId!: string;
  @ManyToOne(() => AssessmentEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'assessment_id' }) assessment?: AssessmentEntity;
  @PrimaryColumn({ name: 'criterion_id', type: 'uuid' }) criterionId!: string;
  @ManyToOne(() => OcnCriterionEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'criterion_id' }) criterion?: OcnCriterionEntity;
  @Column({ type: 'boolean' }) met!: boolean;
  @Column({ type: 'varchar', length: 1000, nullable: true }) comment!: string | null;
}
