import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';

/**
 * A one-time link (1 hour) with which a person chooses a new password; a coordinator sends it. Only the
 * secret's sha256 is stored. At most one open link per person: a newer one revokes the older.
 */
@Entity('password_reset')
@Index('password_reset_one_open', ['userId'], { unique: true, where: '"used_at" IS NULL AND "revoked_at" IS NULL' })
export class PasswordResetEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Index('password_reset_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** The coordinator who sent it. */
  @Column({ name: 'sent_by', type: 'uuid', nullable: true })
  sentBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sent_by' })
  sender?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  /** Set when a newer link is sent, or the account is turned off. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
