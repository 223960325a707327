import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { OrganisationEntity } from '../hours/organisation.entity';
import { PartnerEntity } from '../partners/partner.entities';
import { SiteEntity } from '../sites/site.entity';
import type { Language, Role } from '@digihjalpen/domain';

@Entity('app_user')
@Check('app_user_role', `"role" IN ('coordinator', 'helper', 'partner', 'library-staff')`)
@Check('app_user_partner', `("role" = 'partner') = ("partner_id" IS NOT NULL)`)
@Check('app_user_site', `("role" = 'library-staff') = ("site_id" IS NOT NULL)`)
@Check('app_user_email_lower', `"email" = lower("email")`)
@Check('app_user_deactivated', `"active" = ("deactivated_at" IS NULL)`)
@Check('app_user_language', `"language" IN ('sv', 'en', 'ar')`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('app_user_email_unique', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  /** argon2id; null until an invited person has chosen a password. */
  @Column({ name: 'password_hash', type: 'varchar', length: 200, nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** When a coordinator turned the account off (accounts module); null while it is on. */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  /** sha256 of the secret in the helper's private calendar-feed URL; regenerating it revokes the old URL. */
  @Index('app_user_calendar_token_unique', { unique: true })
  @Column({ name: 'calendar_token_hash', type: 'varchar', length: 64, nullable: true })
  calendarTokenHash!: string | null;

  /** The user organisation a helper belongs to (fees, reports). */
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  /** Partners: the organisation they refer for. */
  @Column({ name: 'partner_id', type: 'uuid', nullable: true })
  partnerId!: string | null;

  @ManyToOne(() => PartnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id' })
  partner?: Relation<PartnerEntity>;

  /** Library staff: the site they work at. */
  @Column({ name: 'site_id', type: 'uuid', nullable: true })
  siteId!: string | null;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id' })
  site?: SiteEntity;

  /** Coordinators: the Monday e-mail with last week's numbers and next week's staffing gaps (opt-in). */
  @Column({ name: 'weekly_summary', type: 'boolean', default: false })
  weeklySummary!: boolean;

  /** The language of the e-mails the person gets about their shifts (helpers choose it under Inställningar). */
  @Column({ type: 'varchar', length: 2, default: 'sv' })
  language!: Language;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
