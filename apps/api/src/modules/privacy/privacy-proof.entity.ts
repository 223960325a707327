import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ProofChannel } from '@digihjalpen/domain';
import { UserEntity } from '../auth/user.entity';
import { BookingEntity } from '../bookings/booking.entity';

/**
 * A one-time code sent to the contact on a booking, and once typed right the grant it gives the coordinator
 * who sent it (issue 17). One row per booking and coordinator: a new code replaces the row (with a new id,
 * so a mail job for the old code sends nothing). The code itself is never stored in clear.
 */
@Entity('privacy_proof')
@Index('privacy_proof_booking_coordinator', ['bookingId', 'coordinatorId'], { unique: true })
@Check('privacy_proof_channel', `"channel" IN ('email', 'sms')`)
@Check('privacy_proof_attempts', `"attempts" BETWEEN 0 AND 5 AND ("attempts" < 5 OR "code_hash" IS NULL)`)
@Check('privacy_proof_verified', `("verified_at" IS NULL) = ("grant_expires_at" IS NULL) AND ("verified_at" IS NULL OR "code_hash" IS NULL)`)
export class PrivacyProofEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'privacy_proof_pkey' })
  id!: string;

  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  @ManyToOne(() => BookingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'privacy_proof_booking' })
  booking?: BookingEntity;

  @Column({ name: 'coordinator_id', type: 'uuid' })
  coordinatorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coordinator_id', foreignKeyConstraintName: 'privacy_proof_coordinator' })
  coordinator?: UserEntity;

  @Column({ type: 'varchar', length: 10 })
  channel!: ProofChannel;

  /** The keyed hash of the contact the code went to, as in `booking.contact_keys`: the grant opens bookings with it. */
  @Column({ name: 'contact_key', type: 'varchar', length: 64 })
  contactKey!: string;

  /** HMAC of the code under the server key; null once the code is used or burnt by five wrong tries. */
  @Column({ name: 'code_hash', type: 'varchar', length: 64, nullable: true })
  codeHash!: string | null;

  @Column({ type: 'smallint', default: 0 })
  attempts!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'code_expires_at', type: 'timestamptz' })
  codeExpiresAt!: Date;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'grant_expires_at', type: 'timestamptz', nullable: true })
  grantExpiresAt!: Date | null;
}
