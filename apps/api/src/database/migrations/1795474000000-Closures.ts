import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Closures of a site (or every site), the holidays a site opens anyway, the site's country, and which closure cancelled a session. */
export class Closures1795474000000 implements MigrationInterface {
  name = 'Closures1795474000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "closure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "site_id" uuid, "from_date" date NOT NULL, "to_date" date NOT NULL, "reason" character varying(500) NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lifted_at" TIMESTAMP WITH TIME ZONE, "lifted_by" uuid, CONSTRAINT "closure_lifted" CHECK (("lifted_at" IS NULL) = ("lifted_by" IS NULL)), CONSTRAINT "closure_reason" CHECK (length(btrim("reason")) > 0), CONSTRAINT "closure_dates" CHECK ("to_date" >= "from_date" AND "to_date" < "from_date" + interval '1 year'), CONSTRAINT "PK_320f18692cc9062c46e6081d808" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "closure_same_all" ON "closure"  ("from_date", "to_date") WHERE "lifted_at" IS NULL AND "site_id" IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "closure_same_site" ON "closure"  ("site_id", "from_date", "to_date") WHERE "lifted_at" IS NULL AND "site_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "closure_site_to" ON "closure"  ("site_id", "to_date") `);
    await queryRunner.query(`CREATE TABLE "site_opened_date" ("site_id" uuid NOT NULL, "date" date NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b8b98986463f1cc32c98d17c156" PRIMARY KEY ("site_id", "date"))`);
    await queryRunner.query(`ALTER TABLE "site" ADD "country" character varying(2) NOT NULL DEFAULT 'SE'`);
    await queryRunner.query(`ALTER TABLE "session" ADD "closure_id" uuid`);
    await queryRunner.query(`CREATE INDEX "session_closure" ON "session"  ("closure_id") WHERE "closure_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "site" ADD CONSTRAINT "site_country" CHECK ("country" ~ '^[A-Z]{2}$')`);
    await queryRunner.query(`ALTER TABLE "closure" ADD CONSTRAINT "FK_2ab618be612b7fdb00be2979673" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "closure" ADD CONSTRAINT "FK_970ab3e1ae6b316e232eed6b49e" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "closure" ADD CONSTRAINT "FK_3f527e24665af363d179e8d6a6f" FOREIGN KEY ("lifted_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "site_opened_date" ADD CONSTRAINT "FK_ced079d8d7bedd14069f8f130aa" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "site_opened_date" ADD CONSTRAINT "FK_9d34471658cf5ae7ae864eef5a7" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "FK_29f93607278adb623d20d06966c" FOREIGN KEY ("closure_id") REFERENCES "closure"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_29f93607278adb623d20d06966c"`);
    await queryRunner.query(`ALTER TABLE "site_opened_date" DROP CONSTRAINT "FK_9d34471658cf5ae7ae864eef5a7"`);
    await queryRunner.query(`ALTER TABLE "site_opened_date" DROP CONSTRAINT "FK_ced079d8d7bedd14069f8f130aa"`);
    await queryRunner.query(`ALTER TABLE "closure" DROP CONSTRAINT "FK_3f527e24665af363d179e8d6a6f"`);
    await queryRunner.query(`ALTER TABLE "closure" DROP CONSTRAINT "FK_970ab3e1ae6b316e232eed6b49e"`);
    await queryRunner.query(`ALTER TABLE "closure" DROP CONSTRAINT "FK_2ab618be612b7fdb00be2979673"`);
    await queryRunner.query(`ALTER TABLE "site" DROP CONSTRAINT "site_country"`);
    await queryRunner.query(`DROP INDEX "public"."session_closure"`);
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "closure_id"`);
    await queryRunner.query(`ALTER TABLE "site" DROP COLUMN "country"`);
    await queryRunner.query(`DROP TABLE "site_opened_date"`);
    await queryRunner.query(`DROP INDEX "public"."closure_site_to"`);
    await queryRunner.query(`DROP INDEX "public"."closure_same_site"`);
    await queryRunner.query(`DROP INDEX "public"."closure_same_all"`);
    await queryRunner.query(`DROP TABLE "closure"`);
  }
}
