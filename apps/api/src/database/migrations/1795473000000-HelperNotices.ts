import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Helpers told by e-mail: each helper's language, the kinds they turned off, every notice recorded once
 * (unique dedupe key, claimed by `sent_at` when sent), and the coordinators' weekly open-shifts switch.
 */
export class HelperNotices1795473000000 implements MigrationInterface {
  name = 'HelperNotices1795473000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "language" character varying(2) NOT NULL DEFAULT 'sv'`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "app_user_language" CHECK ("language" IN ('sv', 'en', 'ar'))`);
    await queryRunner.query(
      `CREATE TABLE "helper_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "helper_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "dedupe_key" character varying(200) NOT NULL, "session_ids" uuid array NOT NULL DEFAULT '{}', "details" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "helper_notice_kind" CHECK ("kind" IN ('session-cancelled', 'shift-assigned', 'shift-removed', 'shift-time-changed', 'open-shifts-digest')), CONSTRAINT "PK_6fdfda7335078822be6e1ecca88" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "helper_notice_helper" ON "helper_notice"  ("helper_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "helper_notice_dedupe_key" ON "helper_notice"  ("dedupe_key") `);
    await queryRunner.query(
      `CREATE TABLE "helper_notice_opt_out" ("user_id" uuid NOT NULL, "topic" character varying(20) NOT NULL, CONSTRAINT "helper_notice_opt_out_topic" CHECK ("topic" IN ('cancelled', 'shiftChanges', 'timeChanges', 'digest')), CONSTRAINT "PK_f46072a7e814c71ebf73ec27895" PRIMARY KEY ("user_id", "topic"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "open_shifts_digest" ("id" smallint NOT NULL DEFAULT '1', "enabled" boolean NOT NULL DEFAULT false, "changed_by" uuid, "changed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "open_shifts_digest_single" CHECK ("id" = 1), CONSTRAINT "PK_efcabf9f2eed1a6c2aa317f7dd4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "helper_notice" ADD CONSTRAINT "FK_f885b7d3835f0d6ec813b1bbd3c" FOREIGN KEY ("helper_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "helper_notice_opt_out" ADD CONSTRAINT "FK_cda2cfda61e4f414caaf66fabff" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "open_shifts_digest" ADD CONSTRAINT "FK_51faf00cc64db1b8d585a3136c3" FOREIGN KEY ("changed_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "open_shifts_digest" DROP CONSTRAINT "FK_51faf00cc64db1b8d585a3136c3"`);
    await queryRunner.query(`ALTER TABLE "helper_notice_opt_out" DROP CONSTRAINT "FK_cda2cfda61e4f414caaf66fabff"`);
    await queryRunner.query(`ALTER TABLE "helper_notice" DROP CONSTRAINT "FK_f885b7d3835f0d6ec813b1bbd3c"`);
    await queryRunner.query(`DROP TABLE "open_shifts_digest"`);
    await queryRunner.query(`DROP TABLE "helper_notice_opt_out"`);
    await queryRunner.query(`DROP INDEX "public"."helper_notice_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "public"."helper_notice_helper"`);
    await queryRunner.query(`DROP TABLE "helper_notice"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "app_user_language"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "language"`);
  }
}
