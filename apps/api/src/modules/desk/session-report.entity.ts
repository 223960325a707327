import { Check, Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { SessionEntity } from '../schedule/session.entity';

/** The helpers' confirmed end-of-session report: one per session. */
@Entity('session_report')
@Check('session_report_counts', `"booked" >= 0 AND "checked_in" >= 0 AND "no_shows" >= 0 AND "drop_ins" >= 0 AND "visits" >= 0`)
export class SessionReportEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @OneToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  @Column({ type: 'smallint' }) booked!: number;
  @Column({ name: 'checked_in', type: 'smallint' }) checkedIn!: number;
  @Column({ name: 'no_shows', type: 'smallint' }) noShows!: number;
  @Column({ name: 'drop_ins', type: 'smallint' }) dropIns!: number;
  @Column({ type: 'smallint' }) visits!: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes!: string | null;

  @Column({ name: 'confirmed_by', type: 'uuid' })
  confirmedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'confirmed_by' })
  confirmer?: UserEntity;

  @Column({ name: 'confirmed_at', type: 'timestamptz' })
  confirmedAt!: Date;
}
