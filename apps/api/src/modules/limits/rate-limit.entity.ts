import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Hits per bucket, key and fixed window (issue 17), counted in PostgreSQL so every API instance sees the
 * same count. `key` is a keyed hash (never a client address, account or organisation in clear). Rows are
 * deleted once their window has ended (RateLimits.sweep).
 */
@Entity('rate_limit')
@Index('rate_limit_window_end', ['windowEnd'])
@Check('rate_limit_hits', `"hits" > 0`)
@Check('rate_limit_window', `"window_end" > "window_start"`)
export class RateLimitEntity {
  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'rate_limit_pkey' })
  bucket!: string;

  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'rate_limit_pkey' })
  key!: string;

  @PrimaryColumn({ name: 'window_start', type: 'timestamptz', primaryKeyConstraintName: 'rate_limit_pkey' })
  windowStart!: Date;

  @Column({ name: 'window_end', type: 'timestamptz' })
  windowEnd!: Date;

  @Column({ type: 'integer', default: 1 })
  hits!: number;
}
