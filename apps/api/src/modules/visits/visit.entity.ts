import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CameVia, Device, Outcome, ReferredTo, Returning } from '@digihjalpen/domain';
import { UserEntity } from '../auth/user.entity';
import { BookingEntity } from '../bookings/booking.entity';
import { SessionEntity } from '../schedule/session.entity';
import { SiteEntity } from '../sites/site.entity';

/** One help given, logged by a helper: categories, not stories, and no names. */
@Entity('visit')
@Index('visit_site_date', ['siteId', 'date'])
@Check('visit_duration', `"duration_minutes" BETWEEN 1 AND 240`)
@Check('visit_categories', `cardinality("categories") BETWEEN 1 AND 8`)
@Check('visit_device', `"device" IN ('own-phone', 'own-laptop', 'library-computer', 'none')`)
@Check('visit_outcome', `"outcome" IN ('solved', 'partly', 'follow-up', 'referred')`)
@Check('visit_referred', `("outcome" = 'referred') = ("referred_to" IS NOT NULL) AND ("referred_to" IS NULL OR "referred_to" IN ('amf', 'social-services', 'skatteverket', 'healthcare', 'other-organisation', 'other'))`)
@Check('visit_came_via', `"came_via" IN ('booked', 'drop-in', 'skills-centre', 'social-services', 'library-staff', 'friend', 'other')`)
@Check('visit_returning', `"returning_visitor" IN ('yes', 'no', 'unknown')`)
export class VisitEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Made by the helper's browser: a retried or queued POST finds the visit it already made. */
  @Index('visit_client_id', { unique: true })
  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @Index('visit_session')
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id' })
  site?: SiteEntity;

  /** The session's local date at its site (filters and weekly statistics). */
  @Column({ type: 'date' })
  date!: string;

  @Index('visit_helper')
  @Column({ name: 'helper_id', type: 'uuid' })
  helperId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'helper_id' })
  helper?: UserEntity;

  /** Partial index: the partner funnel asks "was a visit logged for this booking?". */
  @Index('visit_booking', { where: '"booking_id" IS NOT NULL' })
  @Column({ name: 'booking_id', type: 'uuid', nullable: true })
  bookingId!: string | null;

  @ManyToOne(() => BookingEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'booking_id' })
  booking?: BookingEntity;

  @Column({ type: 'text', array: true })
  categories!: string[];

  @Column({ name: 'civic_information', type: 'boolean' })
  civicInformation!: boolean;

  @Column({ type: 'varchar', length: 20 })
  device!: Device;

  @Column({ type: 'varchar', length: 3 })
  language!: string;

  @Column({ name: 'duration_minutes', type: 'smallint' })
  durationMinutes!: number;

  @Column({ type: 'varchar', length: 12 })
  outcome!: Outcome;

  @Column({ name: 'referred_to', type: 'varchar', length: 20, nullable: true })
  referredTo!: ReferredTo | null;

  @Column({ name: 'came_via', type: 'varchar', length: 20 })
  cameVia!: CameVia;

  /** "returning" is an SQL keyword: the column is returning_visitor. */
  @Column({ name: 'returning_visitor', type: 'varchar', length: 8 })
  returning!: Returning;

  @Column({ type: 'varchar', length: 280, nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
