import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Bookings1795436238258 implements MigrationInterface {
  name = 'Bookings1795436238258';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "booking" ("id" uuid NOT NULL, "slot_id" uuid NOT NULL, "reference" character varying(7) NOT NULL, "manage_token_hash" character(64) NOT NULL, "token_version" smallint NOT NULL DEFAULT '1', "status" character varying(12) NOT NULL DEFAULT 'confirmed', "cancelled_by" character varying(12), "cancelled_at" TIMESTAMP WITH TIME ZONE, "name" character varying(40) NOT NULL, "email" character varying(254), "phone" character varying(20), "contact_keys" text array NOT NULL DEFAULT '{}', "language" character varying(2) NOT NULL, "topics" text array NOT NULL, "own_device" boolean, "needs" character varying(300), "referral_code" character varying(40), "sequence" integer NOT NULL DEFAULT '0', "reminded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "booking_name" CHECK (length(btrim("name")) BETWEEN 1 AND 40), CONSTRAINT "booking_topics" CHECK (cardinality("topics") BETWEEN 1 AND 5), CONSTRAINT "booking_language" CHECK ("language" IN ('sv', 'en', 'ar')), CONSTRAINT "booking_cancelled" CHECK (("status" = 'confirmed') = ("cancelled_at" IS NULL) AND ("cancelled_by" IS NULL OR "cancelled_by" IN ('visitor', 'session'))), CONSTRAINT "booking_status" CHECK ("status" IN ('confirmed', 'cancelled')), CONSTRAINT "PK_49171efc69702ed84c812f33540" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "booking_slot" ON "booking"  ("slot_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "booking_reference" ON "booking"  ("reference") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "booking_manage_token" ON "booking"  ("manage_token_hash") `);
    await queryRunner.query(`CREATE INDEX "booking_referral_code" ON "booking"  ("referral_code") `);
    await queryRunner.query(`ALTER TABLE "booking" ADD CONSTRAINT "FK_1c13179356130d8ec2fe00bb49f" FOREIGN KEY ("slot_id") REFERENCES "slot"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Written by hand (TypeORM does not model these).
    await queryRunner.query(`CREATE INDEX "booking_contact_keys" ON "booking" USING gin ("contact_keys")`);
    // The capacity guarantee: slot.booked follows the confirmed bookings in the same transaction, and
    // slot_capacity (booked <= seats) refuses the booking that would overfill the slot. Concurrent
    // bookings of one slot queue on its row lock. Bookings are cancelled, never deleted, by the app.
    await queryRunner.query(`CREATE FUNCTION booking_count_seat() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.status = 'confirmed' THEN
          UPDATE slot SET booked = booked - 1 WHERE id = OLD.slot_id;
        END IF;
        IF NEW.status = 'confirmed' THEN
          UPDATE slot SET booked = booked + 1 WHERE id = NEW.slot_id;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER booking_count_seat AFTER INSERT OR UPDATE OF status, slot_id ON booking FOR EACH ROW EXECUTE FUNCTION booking_count_seat()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER booking_count_seat ON booking`);
    await queryRunner.query(`DROP FUNCTION booking_count_seat()`);
    await queryRunner.query(`DROP INDEX "public"."booking_contact_keys"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "FK_1c13179356130d8ec2fe00bb49f"`);
    await queryRunner.query(`DROP INDEX "public"."booking_referral_code"`);
    await queryRunner.query(`DROP INDEX "public"."booking_manage_token"`);
    await queryRunner.query(`DROP INDEX "public"."booking_reference"`);
    await queryRunner.query(`DROP INDEX "public"."booking_slot"`);
    await queryRunner.query(`DROP TABLE "booking"`);
  }
}
