import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PublicReadIndexes1795461000000 implements MigrationInterface {
  name = 'PublicReadIndexes1795461000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "session_site_end" ON "session" ("site_id", "ends_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."session_site_end"`);
  }
}
