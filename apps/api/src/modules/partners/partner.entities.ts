import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { SiteEntity } from '../sites/site.entity';

/** A referring organisation (Kompetenscenter, social services …); its staff have the partner role. */
@Entity('partner')
@Unique('partner_name', ['name'])
export class PartnerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A partner's referral code: printed on slips and carried in ?ref= links to one site's booking page. Not a secret. */
@Entity('referral_code')
@Index('referral_code_partner', ['partnerId', 'createdAt'])
@Check('referral_code_shape', `"code" ~ '^[2-9A-Z]{4}-[2-9A-Z]{4}$'`)
export class ReferralCodeEntity {
  @PrimaryColumn({ type: 'varchar', length: 9 })
  code!: string;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id' })
  partner?: PartnerEntity;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id' })
  site?: SiteEntity;

  @Column({ type: 'varchar', length: 80 })
  label!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}

/** How many times a code's booking page was opened, per ISO week: a counter, nothing about who. */
@Entity('referral_open')
@Check('referral_open_count', `"opens" > 0`)
export class ReferralOpenEntity {
  @PrimaryColumn({ type: 'varchar', length: 9 })
  code!: string;

  @ManyToOne(() => ReferralCodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'code' })
  referralCode?: ReferralCodeEntity;

  /** Monday of the ISO week (Stockholm). */
  @PrimaryColumn({ name: 'week_start', type: 'date' })
  weekStart!: string;

  @Column({ type: 'integer' })
  opens!: number;
}
