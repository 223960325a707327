import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';

/**
 * One e-mail to a helper, recorded in the same transaction as the change it is about. The unique
 * `dedupe_key` makes a second record of the same notice a no-op (ON CONFLICT DO NOTHING: the job is queued
 * only when the row was inserted), and the sending job claims the row (`sent_at`) before it sends, so a
 * retry or a second instance never sends it twice.
 */
@Entity('helper_notice')
@Check('helper_notice_kind', `"kind" IN ('session-cancelled', 'shift-assigned', 'shift-removed', 'shift-time-changed', 'open-shifts-digest')`)
export class HelperNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('helper_notice_helper')
  @Column({ name: 'helper_id', type: 'uuid' })
  helperId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'helper_id' })
  helper?: UserEntity;

  @Column({ type: 'varchar', length: 30 })
  kind!: string;

  @Index('helper_notice_dedupe_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200 })
  dedupeKey!: string;

  /** The sessions the notice is about (a closure's notice lists every cancelled shift of the helper). */
  @Column({ name: 'session_ids', type: 'uuid', array: true, default: () => "'{}'" })
  sessionIds!: string[];

  /** What cannot be read later: the reason, the times before a change. Ids and texts staff typed, no help-seeker data. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Set by the job that sends it, before sending (cleared again if the mail server refused). */
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}

/** A kind of e-mail a helper turned off (no row: they get it). */
@Entity('helper_notice_opt_out')
@Check('helper_notice_opt_out_topic', `"topic" IN ('cancelled', 'shiftChanges', 'timeChanges', 'digest')`)
export class HelperNoticeOptOutEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  topic!: string;
}

/** The coordinators' switch for the weekly open-shifts e-mail to helpers: one row (id 1); none means off. */
@Entity('open_shifts_digest')
@Check('open_shifts_digest_single', `"id" = 1`)
export class OpenShiftsDigestEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id!: number;

  @Column({ type: 'boolean', default: false })
  enabled!: boolean;

  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'changed_by' })
  changer?: UserEntity;

  @Column({ name: 'changed_at', type: 'timestamptz', nullable: true })
  changedAt!: Date | null;
}
