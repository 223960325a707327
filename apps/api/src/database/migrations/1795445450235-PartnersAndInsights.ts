import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnersAndInsights1795445450235 implements MigrationInterface {
  name = 'PartnersAndInsights1795445450235';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "partner" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "partner_name" UNIQUE ("name"), CONSTRAINT "PK_8f34ff11ddd5459eacbfacd48ca" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "referral_code" ("code" character varying(9) NOT NULL, "partner_id" uuid NOT NULL, "site_id" uuid NOT NULL, "label" character varying(80) NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "referral_code_shape" CHECK ("code" ~ '^[2-9A-Z]{4}-[2-9A-Z]{4}$'), CONSTRAINT "PK_e2228930b1cc8b983445357b1b8" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE INDEX "referral_code_partner" ON "referral_code"  ("partner_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "referral_open" ("code" character varying(9) NOT NULL, "week_start" date NOT NULL, "opens" integer NOT NULL, CONSTRAINT "referral_open_count" CHECK ("opens" > 0), CONSTRAINT "PK_a86ab6f8a47692c5ec60589e56d" PRIMARY KEY ("code", "week_start"))`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "partner_id" uuid`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "site_id" uuid`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "weekly_summary" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "booking" ADD "partner_id" uuid`);
    await queryRunner.query(`ALTER TABLE "booking" ADD "booked_by" uuid`);
    await queryRunner.query(`CREATE INDEX "booking_partner" ON "booking"  ("partner_id") WHERE "partner_id" IS NOT NULL`);
    // Hand-added: the new role. Partner users from before partners existed each get an organisation of
    // their own (named after them, for a coordinator to rename or merge): none sees another's figures.
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "app_user_role"`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "app_user_role" CHECK ("role" IN ('coordinator', 'helper', 'partner', 'library-staff'))`);
    await queryRunner.query(`INSERT INTO "partner" ("name") SELECT left('Partner – ' || "name", 100) || ' · ' || left("id"::text, 8) FROM "app_user" WHERE "role" = 'partner'`);
    await queryRunner.query(`UPDATE "app_user" u SET "partner_id" = p."id" FROM "partner" p WHERE u."role" = 'partner' AND p."name" = left('Partner – ' || u."name", 100) || ' · ' || left(u."id"::text, 8)`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "app_user_site" CHECK (("role" = 'library-staff') = ("site_id" IS NOT NULL))`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "app_user_partner" CHECK (("role" = 'partner') = ("partner_id" IS NOT NULL))`);
    await queryRunner.query(`ALTER TABLE "referral_code" ADD CONSTRAINT "FK_76dd43ca3f26e6451264ad7d530" FOREIGN KEY ("partner_id") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referral_code" ADD CONSTRAINT "FK_dcb4baa34c4b269bd38006a2727" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referral_code" ADD CONSTRAINT "FK_77e71eece4009b5b3f87509ed71" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referral_open" ADD CONSTRAINT "FK_f9aaf35fbe49114258b66724f0c" FOREIGN KEY ("code") REFERENCES "referral_code"("code") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_0184bb477a21dce3da3985bc06d" FOREIGN KEY ("partner_id") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_d5315045a1ea551edeeace9146e" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "booking" ADD CONSTRAINT "FK_eaa27a3e0635e06c065051a4a86" FOREIGN KEY ("partner_id") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "booking" ADD CONSTRAINT "FK_b45ffbe19069c7595265ad8beda" FOREIGN KEY ("booked_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "FK_b45ffbe19069c7595265ad8beda"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "FK_eaa27a3e0635e06c065051a4a86"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_d5315045a1ea551edeeace9146e"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_0184bb477a21dce3da3985bc06d"`);
    await queryRunner.query(`ALTER TABLE "referral_open" DROP CONSTRAINT "FK_f9aaf35fbe49114258b66724f0c"`);
    await queryRunner.query(`ALTER TABLE "referral_code" DROP CONSTRAINT "FK_77e71eece4009b5b3f87509ed71"`);
    await queryRunner.query(`ALTER TABLE "referral_code" DROP CONSTRAINT "FK_dcb4baa34c4b269bd38006a2727"`);
    await queryRunner.query(`ALTER TABLE "referral_code" DROP CONSTRAINT "FK_76dd43ca3f26e6451264ad7d530"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "app_user_partner"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "app_user_site"`);
    await queryRunner.query(`DELETE FROM "app_user" WHERE "role" = 'library-staff'`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "app_user_role"`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "app_user_role" CHECK ("role" IN ('coordinator', 'helper', 'partner'))`);
    await queryRunner.query(`DROP INDEX "public"."booking_partner"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP COLUMN "booked_by"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP COLUMN "partner_id"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "weekly_summary"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "site_id"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "partner_id"`);
    await queryRunner.query(`DROP TABLE "referral_open"`);
    await queryRunner.query(`DROP INDEX "public"."referral_code_partner"`);
    await queryRunner.query(`DROP TABLE "referral_code"`);
    await queryRunner.query(`DROP TABLE "partner"`);
  }
}
