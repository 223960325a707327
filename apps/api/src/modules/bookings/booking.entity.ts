import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Attendance, BookingStatus, CancelledBy, Language, VisitCategory } from '@digihjalpen/domain';
import { UserEntity } from '../auth/user.entity';
import { PartnerEntity } from '../partners/partner.entities';
import { SlotEntity } from '../schedule/slot.entity';
import { SiteEntity } from '../sites/site.entity';

/**
 * A help-seeker's seat in a slot. A trigger (see the Bookings migration) keeps slot.booked equal to
 * the slot's confirmed bookings, and slot.booked <= slot.seats is a check constraint: the database
 * itself refuses an overbooking, whatever the application does.
 */
@Entity('booking')
@Check('booking_status', `"status" IN ('confirmed', 'cancelled')`)
@Check('booking_cancelled', `("status" = 'confirmed') = ("cancelled_at" IS NULL) AND ("cancelled_by" IS NULL OR "cancelled_by" IN ('visitor', 'session', 'staff'))`)
@Check('booking_scope_site', `"scope_site_id" IS NULL OR "booked_by" IS NOT NULL`)
@Check('booking_attendance', `"attendance" IS NULL OR "attendance" IN ('checked-in', 'no-show')`)
@Check('booking_language', `"language" IN ('sv', 'en', 'ar')`)
@Check('booking_topics', `cardinality("topics") BETWEEN 1 AND 5`)
@Check('booking_name', `length(btrim("name")) BETWEEN 1 AND 40`)
@Check('booking_origin_public', `"booked_by" IS NULL OR "origin_hash" IS NULL`)
@Check('booking_confirmed_keys', `"confirmed_keys" <@ "contact_keys" AND ("contact_confirmed_at" IS NULL) = (cardinality("confirmed_keys") = 0)`)
@Check('booking_flagged', `("suspicious_run" IS NULL) = ("flagged_at" IS NULL)`)
@Check('booking_origin_erased', `"erased_at" IS NULL OR ("origin_hash" IS NULL AND "contact_confirmed_at" IS NULL)`)
@Index('booking_origin_recent', ['originHash', 'bookedAt'], { where: '"origin_hash" IS NOT NULL' })
@Check('booking_erased', `"erased_at" IS NULL OR ("email" IS NULL AND "phone" IS NULL AND "needs" IS NULL AND cardinality("contact_keys") = 0)`)
export class BookingEntity {
  /** Chosen by the application: the manage link is derived from it. */
  @PrimaryColumn('uuid')
  id!: string;

  @Index('booking_slot')
  @Column({ name: 'slot_id', type: 'uuid' })
  slotId!: string;

  @ManyToOne(() => SlotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'slot_id' })
  slot?: SlotEntity;

  @Index('booking_reference', { unique: true })
  @Column({ type: 'varchar', length: 7 })
  reference!: string;

  /** sha256 of the manage token; the token itself is never stored. */
  @Index('booking_manage_token', { unique: true })
  @Column({ name: 'manage_token_hash', type: 'char', length: 64 })
  manageTokenHash!: string;

  /** Raised to revoke a manage link: the token is derived from id and version. */
  @Column({ name: 'token_version', type: 'smallint', default: 1 })
  tokenVersion!: number;

  @Column({ type: 'varchar', length: 12, default: 'confirmed' })
  status!: BookingStatus;

  @Column({ name: 'cancelled_by', type: 'varchar', length: 12, nullable: true })
  cancelledBy!: CancelledBy | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  /** Keyed hashes of the normalised e-mail and phone, for the limit on future bookings per person. */
  @Index('booking_contact_keys', { synchronize: false })
  @Column({ name: 'contact_keys', type: 'text', array: true, default: () => "'{}'" })
  contactKeys!: string[];

  @Column({ type: 'varchar', length: 2 })
  language!: Language;

  @Column({ type: 'text', array: true })
  topics!: VisitCategory[];

  @Column({ name: 'own_device', type: 'boolean', nullable: true })
  ownDevice!: boolean | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  needs!: string | null;

  /** Where the person came from: the ?ref= code of a referral link or slip. */
  @Index('booking_referral_code')
  @Column({ name: 'referral_code', type: 'varchar', length: 40, nullable: true })
  referralCode!: string | null;

  /** The partner the person came through: an active code of theirs, or their staff booked. */
  @Index('booking_partner', { where: '"partner_id" IS NOT NULL' })
  @Column({ name: 'partner_id', type: 'uuid', nullable: true })
  partnerId!: string | null;

  @ManyToOne(() => PartnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id' })
  partner?: PartnerEntity;

  /** Staff (coordinator, partner, library staff) who booked for the person; null when they booked themselves. */
  @Column({ name: 'booked_by', type: 'uuid', nullable: true })
  bookedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'booked_by' })
  booker?: UserEntity;

  /**
   * The site a booking made by library staff keeps to (their own): the person's manage link can move it
   * to another time there, not to another site. Null for every other booking.
   */
  @Column({ name: 'scope_site_id', type: 'uuid', nullable: true })
  scopeSiteId!: string | null;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scope_site_id' })
  scopeSite?: SiteEntity;

  /** iCalendar SEQUENCE of the booking's own calendar file: raised on a move or a cancellation. */
  @Column({ type: 'integer', default: 0 })
  sequence!: number;

  /** Set by the helpers at the session: came (checked in) or did not come. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  attendance!: Attendance | null;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  /**
   * When the person's details were erased (by the retention job N days after the session, or on
   * request): name, contact details, needs and the manage link are gone; what the statistics need stays.
   */
  @Index('booking_not_erased', { where: '"erased_at" IS NULL' })
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  /**
   * Keyed hash of the network a public booking came from (`clientNetwork`: an IPv6 /64, an IPv4 address);
   * null for staff bookings, and erased with the contact details.
   */
  @Column({ name: 'origin_hash', type: 'varchar', length: 43, nullable: true })
  originHash!: string | null;

  /** When it was booked, on the application's clock (created_at is the database's and is never compared). */
  @Column({ name: 'booked_at', type: 'timestamptz', nullable: true })
  bookedAt!: Date | null;

  /** The contact keys whose control was proved (the e-mail's link; staff spoke with the person). */
  @Column({ name: 'confirmed_keys', type: 'text', array: true, default: () => "'{}'" })
  confirmedKeys!: string[];

  /** When a contact was first confirmed; null = not confirmed. */
  @Column({ name: 'contact_confirmed_at', type: 'timestamptz', nullable: true })
  contactConfirmedAt!: Date | null;

  /** The suspicious run (many public bookings from one network in a short time) this booking belongs to. */
  @Index('booking_suspicious_run', { where: '"suspicious_run" IS NOT NULL' })
  @Column({ name: 'suspicious_run', type: 'uuid', nullable: true })
  suspiciousRun!: string | null;

  @Column({ name: 'flagged_at', type: 'timestamptz', nullable: true })
  flaggedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
