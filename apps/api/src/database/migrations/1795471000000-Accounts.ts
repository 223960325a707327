import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People and accounts: when an account was turned off, revoked invitations (one open link per person)
 * and one-time password-reset links (only the secret's hash; one open link per person).
 */
export class Accounts1795471000000 implements MigrationInterface {
  name = 'Accounts1795471000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE`);
    // Accounts turned off before this column existed: the time is not known, the creation time stands in.
    await queryRunner.query(`UPDATE "app_user" SET "deactivated_at" = "created_at" WHERE NOT "active"`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "app_user_deactivated" CHECK ("active" = ("deactivated_at" IS NULL))`);

    await queryRunner.query(`ALTER TABLE "invitation" ADD "revoked_at" TIMESTAMP WITH TIME ZONE`);
    // Older open links of someone invited twice are revoked by the newest, as resending does from now on.
    await queryRunner.query(
      `UPDATE "invitation" i SET "revoked_at" = i."created_at"
        WHERE i."used_at" IS NULL
          AND EXISTS (SELECT 1 FROM "invitation" j WHERE j."user_id" = i."user_id" AND j."used_at" IS NULL AND (j."created_at", j."token_hash") > (i."created_at", i."token_hash"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "invitation_one_open" ON "invitation" ("user_id") WHERE "used_at" IS NULL AND "revoked_at" IS NULL`);

    await queryRunner.query(
      `CREATE TABLE "password_reset" ("token_hash" character varying(64) NOT NULL, "user_id" uuid NOT NULL, "sent_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0309de62e0cb0960ebb2cb65c95" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "password_reset_user" ON "password_reset" ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "password_reset_one_open" ON "password_reset" ("user_id") WHERE "used_at" IS NULL AND "revoked_at" IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "password_reset" ADD CONSTRAINT "FK_ad88301fdc79593dd222268a8b6" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "password_reset" ADD CONSTRAINT "FK_96a4cc7f6094bfce40cad451897" FOREIGN KEY ("sent_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_reset" DROP CONSTRAINT "FK_96a4cc7f6094bfce40cad451897"`);
    await queryRunner.query(`ALTER TABLE "password_reset" DROP CONSTRAINT "FK_ad88301fdc79593dd222268a8b6"`);
    await queryRunner.query(`DROP INDEX "public"."password_reset_one_open"`);
    await queryRunner.query(`DROP INDEX "public"."password_reset_user"`);
    await queryRunner.query(`DROP TABLE "password_reset"`);
    await queryRunner.query(`DROP INDEX "public"."invitation_one_open"`);
    // A revoked invitation must not come back to life: it counts as run out.
    await queryRunner.query(`UPDATE "invitation" SET "expires_at" = LEAST("expires_at", "revoked_at") WHERE "revoked_at" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "invitation" DROP COLUMN "revoked_at"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "app_user_deactivated"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "deactivated_at"`);
  }
}
