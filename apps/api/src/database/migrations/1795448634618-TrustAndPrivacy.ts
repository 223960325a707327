import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TrustAndPrivacy1795448634618 implements MigrationInterface {
  name = 'TrustAndPrivacy1795448634618';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "failed_logins" smallint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "booking" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "booking_not_erased" ON "booking"  ("erased_at") WHERE "erased_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "audit_at" ON "audit_log" ("at") `);
    await queryRunner.query(`ALTER TABLE "booking" ADD CONSTRAINT "booking_erased" CHECK ("erased_at" IS NULL OR ("email" IS NULL AND "phone" IS NULL AND "needs" IS NULL AND cardinality("contact_keys") = 0))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."audit_at"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "booking_erased"`);
    await queryRunner.query(`DROP INDEX "public"."booking_not_erased"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP COLUMN "erased_at"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "locked_until"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "failed_logins"`);
  }
}
