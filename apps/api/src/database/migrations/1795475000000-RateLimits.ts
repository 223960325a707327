import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Request limits counted in PostgreSQL, shared by every API instance (issue 17): one row per bucket, keyed
 * hash and fixed window. Replaces the in-memory, per-instance counting of @nestjs/throttler.
 */
export class RateLimits1795475000000 implements MigrationInterface {
  name = 'RateLimits1795475000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rate_limit" ("bucket" character varying(40) NOT NULL, "key" character varying(64) NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "window_end" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL DEFAULT '1', CONSTRAINT "rate_limit_hits" CHECK ("hits" > 0), CONSTRAINT "rate_limit_window" CHECK ("window_end" > "window_start"), CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("bucket", "key", "window_start"))`,
    );
    await queryRunner.query(`CREATE INDEX "rate_limit_window_end" ON "rate_limit" ("window_end") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."rate_limit_window_end"`);
    await queryRunner.query(`DROP TABLE "rate_limit"`);
  }
}
