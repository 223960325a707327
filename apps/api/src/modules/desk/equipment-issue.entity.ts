import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { EquipmentKind } from '@digihjalpen/domain';
import { UserEntity } from '../auth/user.entity';
import { SessionEntity } from '../schedule/session.entity';
import { SiteEntity } from '../sites/site.entity';

/** A laptop, wifi, printer or charger problem reported at a session; open until a coordinator marks it fixed. */
@Entity('equipment_issue')
@Index('equipment_open', ['siteId'], { where: `"fixed_at" IS NULL` })
@Check('equipment_kind', `"kind" IN ('laptop', 'wifi', 'printer', 'charger', 'other')`)
@Check('equipment_fixed', `("fixed_at" IS NULL) = ("fixed_by" IS NULL)`)
export class EquipmentIssueEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id' })
  site?: SiteEntity;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  @Column({ type: 'varchar', length: 10 })
  kind!: EquipmentKind;

  @Column({ type: 'varchar', length: 300, default: '' })
  note!: string;

  @Column({ name: 'reported_by', type: 'uuid' })
  reportedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reported_by' })
  reporter?: UserEntity;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt!: Date;

  @Column({ name: 'fixed_at', type: 'timestamptz', nullable: true })
  fixedAt!: Date | null;

  @Column({ name: 'fixed_by', type: 'uuid', nullable: true })
  fixedBy!: string | null;
}
