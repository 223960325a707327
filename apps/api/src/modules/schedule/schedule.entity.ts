import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SiteEntity } from '../sites/site.entity';

@Entity('schedule')
@Check('schedule_times', `"end_time" > "start_time"`)
@Check('schedule_dates', `"valid_until" IS NULL OR "valid_until" >= "valid_from"`)
@Check('schedule_slots', `"slot_minutes" > 0 AND (EXTRACT(EPOCH FROM ("end_time" - "start_time")) / 60)::int % "slot_minutes" = 0`)
@Check('schedule_weekdays', `cardinality("weekdays") > 0 AND "weekdays" <@ ARRAY[1,2,3,4,5,6,7]::smallint[]`)
@Check('schedule_seats', `"seats_per_slot" BETWEEN 1 AND 50 AND "helpers_needed" BETWEEN 0 AND 20`)
export class ScheduleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('schedule_site')
  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id' })
  site?: SiteEntity;

  @Column({ type: 'smallint', array: true })
  weekdays!: number[];

  /** Local wall time in the site's zone. */
  @Column({ name: 'start_time', type: 'time' })
  startTime!: string;

  @Column({ name: 'end_time', type: 'time' })
  endTime!: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  @Column({ name: 'slot_minutes', type: 'smallint' })
  slotMinutes!: number;

  @Column({ name: 'seats_per_slot', type: 'smallint' })
  seatsPerSlot!: number;

  @Column({ name: 'drop_in', type: 'boolean', default: true })
  dropIn!: boolean;

  @Column({ name: 'helpers_needed', type: 'smallint', default: 2 })
  helpersNeeded!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
