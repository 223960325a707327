import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { SiteEntity } from '../sites/site.entity';

/**
 * A site (or every site: site_id null) closed for a range of local dates, inclusive, with a reason. Lifting
 * keeps the row (lifted_at): the sessions it cancelled still point at it, and the generator then plans
 * those sessions again.
 */
@Entity('closure')
@Index('closure_site_to', ['siteId', 'toDate'])
// The same closure twice (a double click, or one request sent to two instances) is refused, not made twice.
@Index('closure_same_site', ['siteId', 'fromDate', 'toDate'], { unique: true, where: '"lifted_at" IS NULL AND "site_id" IS NOT NULL' })
@Index('closure_same_all', ['fromDate', 'toDate'], { unique: true, where: '"lifted_at" IS NULL AND "site_id" IS NULL' })
@Check('closure_dates', `"to_date" >= "from_date" AND "to_date" < "from_date" + interval '1 year'`)
@Check('closure_reason', `length(btrim("reason")) > 0`)
@Check('closure_lifted', `("lifted_at" IS NULL) = ("lifted_by" IS NULL)`)
export class ClosureEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'site_id', type: 'uuid', nullable: true })
  siteId!: string | null;

  @ManyToOne(() => SiteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id' })
  site?: Relation<SiteEntity>;

  @Column({ name: 'from_date', type: 'date' })
  fromDate!: string;

  @Column({ name: 'to_date', type: 'date' })
  toDate!: string;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'lifted_at', type: 'timestamptz', nullable: true })
  liftedAt!: Date | null;

  @Column({ name: 'lifted_by', type: 'uuid', nullable: true })
  liftedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lifted_by' })
  lifter?: Relation<UserEntity>;
}

/** A public holiday on which a coordinator keeps the site open: the generator makes its sessions as usual. */
@Entity('site_opened_date')
export class SiteOpenedDateEntity {
  @PrimaryColumn({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id' })
  site?: Relation<SiteEntity>;

  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
