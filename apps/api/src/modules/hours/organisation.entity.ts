import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A user organisation helpers belong to; it decides where fees (arvode) go. */
@Entity('organisation')
@Unique('organisation_name', ['name'])
@Check('organisation_fee_recipient', `"fee_recipient" IN ('person', 'organisation')`)
@Check('organisation_rate', `"hourly_rate" IS NULL OR "hourly_rate" >= 0`)
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** 'person': fees are paid to each helper (the report lists hours per helper); 'organisation': paid to the organisation (totals only). */
  @Column({ name: 'fee_recipient', type: 'varchar', length: 12, default: 'person' })
  feeRecipient!: 'person' | 'organisation';

  /** SEK per approved hour, when the organisation pays one. */
  @Column({ name: 'hourly_rate', type: 'numeric', precision: 8, scale: 2, nullable: true })
  hourlyRate!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
