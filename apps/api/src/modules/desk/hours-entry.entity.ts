import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { ShiftEntity } from '../helpers/shift.entity';

/** Time a helper spent. Shifts create one when they are closed; the hours issue adds the rest. */
@Entity('hours_entry')
@Check('hours_minutes', `"minutes" BETWEEN 0 AND 720`)
@Check('hours_status', `"status" IN ('pending', 'approved', 'rejected')`)
@Check('hours_decided', `("status" = 'pending') = ("decided_by" IS NULL) AND ("status" <> 'rejected' OR "reject_reason" IS NOT NULL) AND ("decided_by" IS NULL OR "decided_by" <> "helper_id")`)
@Check('hours_activity', `"activity" IN ('session', 'training', 'preparation', 'meeting', 'other')`)
export class HoursEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('hours_helper')
  @Column({ name: 'helper_id', type: 'uuid' })
  helperId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'helper_id' })
  helper?: UserEntity;

  /** One hours entry per shift. */
  @Index('hours_shift', { unique: true })
  @Column({ name: 'shift_id', type: 'uuid', nullable: true })
  shiftId!: string | null;

  @ManyToOne(() => ShiftEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'shift_id' })
  shift?: ShiftEntity;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'smallint' })
  minutes!: number;

  @Column({ type: 'varchar', length: 12 })
  activity!: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status!: string;

  /** Closed by the system (the helper forgot to check out): the coordinator should look. */
  @Column({ type: 'boolean', default: false })
  flagged!: boolean;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  reflection!: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by' })
  decider?: UserEntity;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
