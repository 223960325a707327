import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('site')
@Check('site_slug_format', `"slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Check('site_name_not_blank', `length(btrim("name")) > 0`)
@Check('site_country', `"country" ~ '^[A-Z]{2}$'`)
export class SiteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 60, unique: true })
  slug!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 300 })
  address!: string;

  @Column({ type: 'text', default: '' })
  directions!: string;

  @Column({ name: 'accessibility_notes', type: 'text', default: '' })
  accessibilityNotes!: string;

  @Column({ name: 'contact_phone', type: 'varchar', length: 40, nullable: true })
  contactPhone!: string | null;

  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'Europe/Stockholm' })
  timeZone!: string;

  /** ISO 3166 country: its public holidays close the site (see the closures module). */
  @Column({ type: 'varchar', length: 2, default: 'SE' })
  country?: string;

  @Column({ type: 'varchar', length: 8, array: true, default: () => `'{sv}'` })
  languages!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
