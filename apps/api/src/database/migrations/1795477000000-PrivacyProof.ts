import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-time codes that prove a person controls the e-mail address on a booking, and the short grant they
 * give one coordinator to see every booking with that address (issue 17, finding 4).
 */
export class PrivacyProof1795477000000 implements MigrationInterface {
  name = 'PrivacyProof1795477000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "privacy_proof" ("id" uuid NOT NULL, "booking_id" uuid NOT NULL, "coordinator_id" uuid NOT NULL, "channel" character varying(10) NOT NULL, "contact_key" character varying(64) NOT NULL, "code_hash" character varying(64), "attempts" smallint NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "code_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "verified_at" TIMESTAMP WITH TIME ZONE, "grant_expires_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "privacy_proof_verified" CHECK (("verified_at" IS NULL) = ("grant_expires_at" IS NULL) AND ("verified_at" IS NULL OR "code_hash" IS NULL)), CONSTRAINT "privacy_proof_attempts" CHECK ("attempts" BETWEEN 0 AND 5 AND ("attempts" < 5 OR "code_hash" IS NULL)), CONSTRAINT "privacy_proof_channel" CHECK ("channel" IN ('email', 'sms')), CONSTRAINT "privacy_proof_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "privacy_proof_booking_coordinator" ON "privacy_proof" ("booking_id", "coordinator_id") `);
    await queryRunner.query(
      `ALTER TABLE "privacy_proof" ADD CONSTRAINT "privacy_proof_booking" FOREIGN KEY ("booking_id") REFERENCES "booking"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "privacy_proof" ADD CONSTRAINT "privacy_proof_coordinator" FOREIGN KEY ("coordinator_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "privacy_proof" DROP CONSTRAINT "privacy_proof_coordinator"`);
    await queryRunner.query(`ALTER TABLE "privacy_proof" DROP CONSTRAINT "privacy_proof_booking"`);
    await queryRunner.query(`DROP INDEX "public"."privacy_proof_booking_coordinator"`);
    await queryRunner.query(`DROP TABLE "privacy_proof"`);
  }
}
