import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StatisticsIndexes1795447890457 implements MigrationInterface {
  name = 'StatisticsIndexes1795447890457';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "visit_booking" ON "visit"  ("booking_id") WHERE "booking_id" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."visit_booking"`);
  }
}
