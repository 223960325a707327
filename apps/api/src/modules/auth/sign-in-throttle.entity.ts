import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ThrottleKind } from '@digihjalpen/domain';
import { UserEntity } from './user.entity';

/**
 * Wrong-password counts for sign-in throttling (issue 16), in PostgreSQL so that every API instance sees
 * the same counts. One row per key: (client address, e-mail), one client address, or one person's
 * password-change page. Rows are forgotten at `expires_at` and removed on a later write.
 */
@Entity('sign_in_throttle')
@Index('sign_in_throttle_key', ['kind', 'key'], { unique: true })
@Index('sign_in_throttle_expires', ['expiresAt'])
@Check('sign_in_throttle_kind', `"kind" IN ('account', 'address', 'password-change')`)
@Check('sign_in_throttle_failures', `"failures" >= 0`)
@Check('sign_in_throttle_address', `("kind" = 'password-change') = ("address" IS NULL)`)
@Check('sign_in_throttle_person', `"kind" <> 'password-change' OR "user_id" IS NOT NULL`)
export class SignInThrottleEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'sign_in_throttle_pkey' })
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: ThrottleKind;

  /** The client address, the address with a digest of the e-mail, or the person's id (never an e-mail in clear). */
  @Column({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  address!: string | null;

  /** The account the key names, when the e-mail belonged to an active account at the attempt. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'sign_in_throttle_user' })
  user?: UserEntity;

  @Column({ type: 'integer', default: 0 })
  failures!: number;

  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;

  @Column({ name: 'last_failure_at', type: 'timestamptz' })
  lastFailureAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
