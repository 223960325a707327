import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SessionEntity } from './session.entity';

/** A bookable time in a session. `booked` is the capacity counter: the database refuses booked > seats. */
@Entity('slot')
@Check('slot_capacity', `"booked" >= 0 AND "booked" <= "seats"`)
@Check('slot_times', `"ends_at" > "starts_at"`)
export class SlotEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('slot_session')
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'smallint' })
  seats!: number;

  @Column({ type: 'smallint', default: 0 })
  booked!: number;
}
