import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Categories coordinators add to the built-in list (VISIT_CATEGORIES in the domain). */
@Entity('visit_category')
@Check('visit_category_key', `"key" ~ '^custom-[a-z0-9-]{1,40}$'`)
export class VisitCategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 50 })
  key!: string;

  @Column({ type: 'varchar', length: 60 })
  label!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
