import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSites1795426841466 implements MigrationInterface {
  name = 'CreateSites1795426841466';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "site" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(60) NOT NULL, "name" character varying(200) NOT NULL, "address" character varying(300) NOT NULL, "directions" text NOT NULL DEFAULT '', "accessibility_notes" text NOT NULL DEFAULT '', "contact_phone" character varying(40), "time_zone" character varying(64) NOT NULL DEFAULT 'Europe/Stockholm', "languages" character varying(8) array NOT NULL DEFAULT '{sv}', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_5a6595eb819d99507fc9817c7c1" UNIQUE ("slug"), CONSTRAINT "site_name_not_blank" CHECK (length(btrim("name")) > 0), CONSTRAINT "site_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'), CONSTRAINT "PK_635c0eeabda8862d5b0237b42b4" PRIMARY KEY ("id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "site"`);
  }
}
