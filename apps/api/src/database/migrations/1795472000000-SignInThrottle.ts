import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sign-in throttling per client address and account replaces the account lock (issue 16). */
export class SignInThrottle1795472000000 implements MigrationInterface {
  name = 'SignInThrottle1795472000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sign_in_throttle" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(20) NOT NULL, "key" character varying(200) NOT NULL, "address" character varying(64), "user_id" uuid, "failures" integer NOT NULL DEFAULT '0', "blocked_until" TIMESTAMP WITH TIME ZONE, "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "sign_in_throttle_person" CHECK ("kind" <> 'password-change' OR "user_id" IS NOT NULL), CONSTRAINT "sign_in_throttle_address" CHECK (("kind" = 'password-change') = ("address" IS NULL)), CONSTRAINT "sign_in_throttle_failures" CHECK ("failures" >= 0), CONSTRAINT "sign_in_throttle_kind" CHECK ("kind" IN ('account', 'address', 'password-change')), CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "sign_in_throttle_key" ON "sign_in_throttle" ("kind", "key") `);
    await queryRunner.query(`CREATE INDEX "sign_in_throttle_expires" ON "sign_in_throttle" ("expires_at") `);
    await queryRunner.query(
      `ALTER TABLE "sign_in_throttle" ADD CONSTRAINT "sign_in_throttle_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "locked_until"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "failed_logins"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "failed_logins" smallint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "sign_in_throttle" DROP CONSTRAINT "sign_in_throttle_user"`);
    await queryRunner.query(`DROP INDEX "public"."sign_in_throttle_expires"`);
    await queryRunner.query(`DROP INDEX "public"."sign_in_throttle_key"`);
    await queryRunner.query(`DROP TABLE "sign_in_throttle"`);
  }
}
