import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bookings for staff: staff can cancel one booking ('staff' in cancelled_by), and a booking made by
 * library staff keeps to their site (scope_site_id, written at creation; only on staff bookings).
 */
export class StaffBookings1795470000000 implements MigrationInterface {
  name = 'StaffBookings1795470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "booking_cancelled"`);
    await queryRunner.query(
      `ALTER TABLE "booking" ADD CONSTRAINT "booking_cancelled" CHECK (("status" = 'confirmed') = ("cancelled_at" IS NULL) AND ("cancelled_by" IS NULL OR "cancelled_by" IN ('visitor', 'session', 'staff')))`,
    );
    await queryRunner.query(`ALTER TABLE "booking" ADD "scope_site_id" uuid`);
    await queryRunner.query(`ALTER TABLE "booking" ADD CONSTRAINT "booking_scope_site" CHECK ("scope_site_id" IS NULL OR "booked_by" IS NOT NULL)`);
    await queryRunner.query(
      `ALTER TABLE "booking" ADD CONSTRAINT "FK_b8d5e4da7c1853eb2680ca9549c" FOREIGN KEY ("scope_site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Bookings library staff made before this change keep to their site too.
    await queryRunner.query(`UPDATE "booking" b SET "scope_site_id" = u."site_id" FROM "app_user" u WHERE u."id" = b."booked_by" AND u."role" = 'library-staff'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "FK_b8d5e4da7c1853eb2680ca9549c"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "booking_scope_site"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP COLUMN "scope_site_id"`);
    // A booking staff cancelled reads as cancelled by the person afterwards (the older schema knows no 'staff').
    await queryRunner.query(`UPDATE "booking" SET "cancelled_by" = 'visitor' WHERE "cancelled_by" = 'staff'`);
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "booking_cancelled"`);
    await queryRunner.query(
      `ALTER TABLE "booking" ADD CONSTRAINT "booking_cancelled" CHECK (("status" = 'confirmed') = ("cancelled_at" IS NULL) AND ("cancelled_by" IS NULL OR "cancelled_by" IN ('visitor', 'session')))`,
    );
  }
}
