import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UsersSchedulesSessions1795428620985 implements MigrationInterface {
  name = 'UsersSchedulesSessions1795428620985';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(120) NOT NULL, "role" character varying(20) NOT NULL, "password_hash" character varying(200), "active" boolean NOT NULL DEFAULT true, "calendar_token_hash" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "app_user_email_lower" CHECK ("email" = lower("email")), CONSTRAINT "app_user_role" CHECK ("role" IN ('coordinator', 'helper', 'partner')), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "app_user_email_unique" ON "app_user"  ("email") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "app_user_calendar_token_unique" ON "app_user"  ("calendar_token_hash") `);
    await queryRunner.query(`CREATE TABLE "auth_session" ("token_hash" character varying(64) NOT NULL, "user_id" uuid NOT NULL, "csrf_token" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_dcf5c3ee6b3682ac4e724dc9496" PRIMARY KEY ("token_hash"))`);
    await queryRunner.query(`CREATE INDEX "auth_session_user" ON "auth_session"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "invitation" ("token_hash" character varying(64) NOT NULL, "user_id" uuid NOT NULL, "invited_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b827d3749ffbb3b5ab5099afd64" PRIMARY KEY ("token_hash"))`);
    await queryRunner.query(`CREATE TABLE "schedule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "site_id" uuid NOT NULL, "weekdays" smallint array NOT NULL, "start_time" TIME NOT NULL, "end_time" TIME NOT NULL, "valid_from" date NOT NULL, "valid_until" date, "slot_minutes" smallint NOT NULL, "seats_per_slot" smallint NOT NULL, "drop_in" boolean NOT NULL DEFAULT true, "helpers_needed" smallint NOT NULL DEFAULT '2', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "schedule_seats" CHECK ("seats_per_slot" BETWEEN 1 AND 50 AND "helpers_needed" BETWEEN 0 AND 20), CONSTRAINT "schedule_weekdays" CHECK (cardinality("weekdays") > 0 AND "weekdays" <@ ARRAY[1,2,3,4,5,6,7]::smallint[]), CONSTRAINT "schedule_slots" CHECK ("slot_minutes" > 0 AND (EXTRACT(EPOCH FROM ("end_time" - "start_time")) / 60)::int % "slot_minutes" = 0), CONSTRAINT "schedule_dates" CHECK ("valid_until" IS NULL OR "valid_until" >= "valid_from"), CONSTRAINT "schedule_times" CHECK ("end_time" > "start_time"), CONSTRAINT "PK_1c05e42aec7371641193e180046" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "schedule_site" ON "schedule"  ("site_id") `);
    await queryRunner.query(`CREATE TABLE "session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "site_id" uuid NOT NULL, "schedule_id" uuid, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'planned', "cancel_reason" character varying(500), "drop_in" boolean NOT NULL DEFAULT true, "helpers_needed" smallint NOT NULL DEFAULT '2', "sequence" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "session_site_start" UNIQUE ("site_id", "starts_at"), CONSTRAINT "session_cancel_reason" CHECK ("status" = 'planned' OR length(btrim("cancel_reason")) > 0), CONSTRAINT "session_status" CHECK ("status" IN ('planned', 'cancelled')), CONSTRAINT "session_times" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "session_schedule" ON "session"  ("schedule_id") `);
    await queryRunner.query(`CREATE TABLE "shift" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "helper_id" uuid NOT NULL, "assigned_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "shift_session_helper" UNIQUE ("session_id", "helper_id"), CONSTRAINT "PK_53071a6485a1e9dc75ec3db54b9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "shift_helper" ON "shift"  ("helper_id") `);
    await queryRunner.query(`CREATE TABLE "slot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "seats" smallint NOT NULL, "booked" smallint NOT NULL DEFAULT '0', CONSTRAINT "slot_times" CHECK ("ends_at" > "starts_at"), CONSTRAINT "slot_capacity" CHECK ("booked" >= 0 AND "booked" <= "seats"), CONSTRAINT "PK_5b1f733c4ba831a51f3c114607b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "slot_session" ON "slot"  ("session_id") `);
    await queryRunner.query(`ALTER TABLE "auth_session" ADD CONSTRAINT "FK_b8783d517fab10672700a39cb49" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invitation" ADD CONSTRAINT "FK_dbf801c80100c878509602456ff" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "schedule" ADD CONSTRAINT "FK_8991a5a88d932a192f61aff2418" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "FK_7139aa6ee3461706babf28887dc" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "FK_cf791909f6953812b71293cc4ad" FOREIGN KEY ("schedule_id") REFERENCES "schedule"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "shift" ADD CONSTRAINT "FK_b13f5a42696afb2c309e8fdeab3" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "shift" ADD CONSTRAINT "FK_783d3f791fbb4f1c4bcef74d476" FOREIGN KEY ("helper_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "slot" ADD CONSTRAINT "FK_a5bb757de0fb452d52d10705efe" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "slot" DROP CONSTRAINT "FK_a5bb757de0fb452d52d10705efe"`);
    await queryRunner.query(`ALTER TABLE "shift" DROP CONSTRAINT "FK_783d3f791fbb4f1c4bcef74d476"`);
    await queryRunner.query(`ALTER TABLE "shift" DROP CONSTRAINT "FK_b13f5a42696afb2c309e8fdeab3"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_cf791909f6953812b71293cc4ad"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_7139aa6ee3461706babf28887dc"`);
    await queryRunner.query(`ALTER TABLE "schedule" DROP CONSTRAINT "FK_8991a5a88d932a192f61aff2418"`);
    await queryRunner.query(`ALTER TABLE "invitation" DROP CONSTRAINT "FK_dbf801c80100c878509602456ff"`);
    await queryRunner.query(`ALTER TABLE "auth_session" DROP CONSTRAINT "FK_b8783d517fab10672700a39cb49"`);
    await queryRunner.query(`DROP INDEX "public"."slot_session"`);
    await queryRunner.query(`DROP TABLE "slot"`);
    await queryRunner.query(`DROP INDEX "public"."shift_helper"`);
    await queryRunner.query(`DROP TABLE "shift"`);
    await queryRunner.query(`DROP INDEX "public"."session_schedule"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP INDEX "public"."schedule_site"`);
    await queryRunner.query(`DROP TABLE "schedule"`);
    await queryRunner.query(`DROP TABLE "invitation"`);
    await queryRunner.query(`DROP INDEX "public"."auth_session_user"`);
    await queryRunner.query(`DROP TABLE "auth_session"`);
    await queryRunner.query(`DROP INDEX "public"."app_user_calendar_token_unique"`);
    await queryRunner.query(`DROP INDEX "public"."app_user_email_unique"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
  }
}
