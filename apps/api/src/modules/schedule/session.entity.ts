import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { SessionStatus } from '@digihjalpen/domain';
import { ClosureEntity } from '../closures/closure.entities';
import { SiteEntity } from '../sites/site.entity';
import { ScheduleEntity } from './schedule.entity';

/** One dated drop-in: an occurrence of a schedule, or a one-off (schedule_id null). */
@Entity('session')
@Unique('session_site_start', ['siteId', 'startsAt'])
// A site's sessions that have not ended (the public list of free slots): EXPLAIN at national scale read 88
// index entries and 44 heap pages through session_site_start, 24 and 12 through this.
@Index('session_site_end', ['siteId', 'endsAt'])
@Check('session_times', `"ends_at" > "starts_at"`)
@Check('session_status', `"status" IN ('planned', 'cancelled')`)
@Check('session_cancel_reason', `"status" = 'planned' OR length(btrim("cancel_reason")) > 0`)
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id' })
  site?: SiteEntity;

  @Index('session_schedule')
  @Column({ name: 'schedule_id', type: 'uuid', nullable: true })
  scheduleId!: string | null;

  @ManyToOne(() => ScheduleEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'schedule_id' })
  schedule?: ScheduleEntity;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'varchar', length: 12, default: 'planned' })
  status!: SessionStatus;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason!: string | null;

  /** The closure that cancelled it, if one did. */
  @Index('session_closure', { where: '"closure_id" IS NOT NULL' })
  @Column({ name: 'closure_id', type: 'uuid', nullable: true })
  closureId!: string | null;

  @ManyToOne(() => ClosureEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'closure_id' })
  closure?: ClosureEntity;

  @Column({ name: 'drop_in', type: 'boolean', default: true })
  dropIn!: boolean;

  @Column({ name: 'helpers_needed', type: 'smallint', default: 2 })
  helpersNeeded!: number;

  /** iCalendar SEQUENCE: raised on every change calendar apps should pick up. */
  @Column({ type: 'integer', default: 0 })
  sequence!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
