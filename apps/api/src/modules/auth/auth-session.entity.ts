import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/** A signed-in browser. The cookie holds a random token; only its sha256 is stored. */
@Entity('auth_session')
export class AuthSessionEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Index('auth_session_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** Double-submit value for the XSRF-TOKEN cookie and the X-XSRF-TOKEN header. */
  @Column({ name: 'csrf_token', type: 'varchar', length: 64 })
  csrfToken!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** Last request: a sign-in unused for IDLE_SIGN_OUT_MINUTES ends (shared library laptops). */
  // The default only fills rows written before this column existed; sign-ins set it from currentTime().
  // eslint-disable-next-line no-restricted-syntax
  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt!: Date;

  /** Key of this sign-in's encrypted offline visit queue in the browser (base64, 256 bits). */
  @Column({ name: 'queue_key', type: 'varchar', length: 44 })
  queueKey!: string;
}
