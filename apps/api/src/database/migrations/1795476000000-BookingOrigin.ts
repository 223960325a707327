import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bookings cost the booker, not a real person (issue 17): the network a public booking came from (a keyed
 * hash), which of its contacts were confirmed, when it was booked on the application's clock, and the
 * suspicious run it belongs to.
 */
export class BookingOrigin1795476000000 implements MigrationInterface {
  name = 'BookingOrigin1795476000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "booking" ADD "origin_hash" character varying(43)`);
    await queryRunner.query(`ALTER TABLE "booking" ADD "booked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "booking" ADD "contact_confirmed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "booking" ADD "confirmed_keys" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "booking" ADD "suspicious_run" uuid`);
    await queryRunner.query(`ALTER TABLE "booking" ADD "flagged_at" TIMESTAMP WITH TIME ZONE`);
    // Bookings staff made before: they spoke with the person, so their contacts count as confirmed.
    await queryRunner.query(
      `UPDATE "booking" SET "confirmed_keys" = "contact_keys", "contact_confirmed_at" = "created_at" WHERE "booked_by" IS NOT NULL AND cardinality("contact_keys") > 0`,
    );
    await queryRunner.query(`CREATE INDEX "booking_origin_recent" ON "booking"  ("origin_hash", "booked_at") WHERE "origin_hash" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "booking_suspicious_run" ON "booking"  ("suspicious_run") WHERE "suspicious_run" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "booking" ADD CONSTRAINT "booking_origin_public" CHECK ("booked_by" IS NULL OR "origin_hash" IS NULL)`);
    await queryRunner.query(
      `ALTER TABLE "booking" ADD CONSTRAINT "booking_confirmed_keys" CHECK ("confirmed_keys" <@ "contact_keys" AND ("contact_confirmed_at" IS NULL) = (cardinality("confirmed_keys") = 0))`,
    );
    await queryRunner.query(`ALTER TABLE "booking" ADD CONSTRAINT "booking_flagged" CHECK (("suspicious_run" IS NULL) = ("flagged_at" IS NULL))`);
    await queryRunner.query(`ALTER TABLE "booking" ADD CONSTRAINT "booking_origin_erased" CHECK ("erased_at" IS NULL OR ("origin_hash" IS NULL AND "contact_confirmed_at" IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "booking_origin_erased"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "booking_flagged"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "booking_confirmed_keys"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "booking_origin_public"`);
    await queryRunner.query(`DROP INDEX "public"."booking_suspicious_run"`);
    await queryRunner.query(`DROP INDEX "public"."booking_origin_recent"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP COLUMN "flagged_at"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP COLUMN "suspicious_run"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP COLUMN "confirmed_keys"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP COLUMN "contact_confirmed_at"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP COLUMN "booked_at"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP COLUMN "origin_hash"`);
  }
}
