import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HoursAndOcn1795439136346 implements MigrationInterface {
  name = 'HoursAndOcn1795439136346';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "fee_recipient" character varying(12) NOT NULL DEFAULT 'person', "hourly_rate" numeric(8,2), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "organisation_name" UNIQUE ("name"), CONSTRAINT "organisation_rate" CHECK ("hourly_rate" IS NULL OR "hourly_rate" >= 0), CONSTRAINT "organisation_fee_recipient" CHECK ("fee_recipient" IN ('person', 'organisation')), CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "ocn_module" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(160) NOT NULL, "level" smallint NOT NULL, "credits" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ocn_module_credits" CHECK ("credits" BETWEEN 1 AND 60), CONSTRAINT "ocn_module_level" CHECK ("level" BETWEEN 1 AND 3), CONSTRAINT "PK_bcca16361be5fd62ec7a81ee628" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "ocn_outcome" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "module_id" uuid NOT NULL, "number" smallint NOT NULL, "text" character varying(500) NOT NULL, CONSTRAINT "ocn_outcome_number" UNIQUE ("module_id", "number"), CONSTRAINT "PK_eb56ea8973b267ff0bb9a43e7c2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "ocn_criterion" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "outcome_id" uuid NOT NULL, "number" character varying(8) NOT NULL, "text" character varying(500) NOT NULL, CONSTRAINT "ocn_criterion_number" UNIQUE ("outcome_id", "number"), CONSTRAINT "PK_754d924e509694725ad1780bcac" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "helper_id" uuid NOT NULL, "module_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "text" character varying(4000) NOT NULL DEFAULT '', "hours_entry_ids" uuid array NOT NULL DEFAULT '{}', "statistics" jsonb, "author_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "evidence_kind" CHECK ("kind" IN ('hours', 'visit-statistics', 'reflection', 'witness-statement', 'observation')), CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "evidence_helper_module" ON "evidence"  ("helper_id", "module_id") `);
    await queryRunner.query(`CREATE TABLE "assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "helper_id" uuid NOT NULL, "module_id" uuid NOT NULL, "assessor_id" uuid, "assessed_at" TIMESTAMP WITH TIME ZONE, "quality_assurer_id" uuid, "quality_assured_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "assessment_helper_module" UNIQUE ("helper_id", "module_id"), CONSTRAINT "assessment_separation" CHECK ("quality_assurer_id" IS NULL OR ("assessor_id" IS NOT NULL AND "quality_assurer_id" <> "assessor_id")), CONSTRAINT "PK_c511a7dc128256876b6b1719401" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "assessment_decision" ("assessment_id" uuid NOT NULL, "criterion_id" uuid NOT NULL, "met" boolean NOT NULL, "comment" character varying(1000), CONSTRAINT "PK_71e5498b4fc18ec974d7a882298" PRIMARY KEY ("assessment_id", "criterion_id"))`);
    await queryRunner.query(`CREATE TABLE "evidence_criterion" ("evidence_id" uuid NOT NULL, "criterion_id" uuid NOT NULL, CONSTRAINT "PK_25b23d9ad805ef7f99c5bcdd3ab" PRIMARY KEY ("evidence_id", "criterion_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_6b1e1bc3c99ab59ef10b20b9e5" ON "evidence_criterion"  ("evidence_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_14184aceffeb8e936fb4dd35e1" ON "evidence_criterion"  ("criterion_id") `);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "organisation_id" uuid`);
    await queryRunner.query(`ALTER TABLE "hours_entry" ADD "reflection" character varying(2000)`);
    await queryRunner.query(`ALTER TABLE "hours_entry" ADD "decided_by" uuid`);
    await queryRunner.query(`ALTER TABLE "hours_entry" ADD "decided_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "hours_entry" ADD "reject_reason" character varying(500)`);
    await queryRunner.query(`ALTER TABLE "hours_entry" ADD CONSTRAINT "hours_decided" CHECK (("status" = 'pending') = ("decided_by" IS NULL) AND ("status" <> 'rejected' OR "reject_reason" IS NOT NULL) AND ("decided_by" IS NULL OR "decided_by" <> "helper_id"))`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_6fa42e978fa7d7adc32736e26fd" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "hours_entry" ADD CONSTRAINT "FK_ada7d6c723b3bbb79899e0065da" FOREIGN KEY ("decided_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ocn_outcome" ADD CONSTRAINT "FK_e8cd3f6a51f213cd82d9aa26bb2" FOREIGN KEY ("module_id") REFERENCES "ocn_module"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ocn_criterion" ADD CONSTRAINT "FK_0f453b32bd2a531c6eee0264708" FOREIGN KEY ("outcome_id") REFERENCES "ocn_outcome"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD CONSTRAINT "FK_b1dec5e619d940ff4a589653a30" FOREIGN KEY ("helper_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD CONSTRAINT "FK_93a7a005c9671e71c95feb28aeb" FOREIGN KEY ("module_id") REFERENCES "ocn_module"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD CONSTRAINT "FK_8cc245cf163d9856ba2b3ecf90c" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "assessment" ADD CONSTRAINT "FK_ea23029443ce10c6e5727eef726" FOREIGN KEY ("helper_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "assessment" ADD CONSTRAINT "FK_3a452aeec458c9adfbf54883856" FOREIGN KEY ("module_id") REFERENCES "ocn_module"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "assessment" ADD CONSTRAINT "FK_ae7c595acf4b78090b2d15c791e" FOREIGN KEY ("assessor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "assessment" ADD CONSTRAINT "FK_60cc62762e2743862da6d049ba5" FOREIGN KEY ("quality_assurer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "assessment_decision" ADD CONSTRAINT "FK_f939616751cc54d8c6e92c5efb7" FOREIGN KEY ("assessment_id") REFERENCES "assessment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "assessment_decision" ADD CONSTRAINT "FK_9e95bd5e725dfd344f36e807397" FOREIGN KEY ("criterion_id") REFERENCES "ocn_criterion"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence_criterion" ADD CONSTRAINT "FK_6b1e1bc3c99ab59ef10b20b9e5a" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "evidence_criterion" ADD CONSTRAINT "FK_14184aceffeb8e936fb4dd35e1c" FOREIGN KEY ("criterion_id") REFERENCES "ocn_criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    // The catalogue starts with two modules for peer digital guidance (coordinators can edit them).
    const modules: [string, string, number, number, [string, string[]][]][] = [
      ['0c000000-0000-4000-8000-000000000001', 'Digital vägledning för andra', 2, 3, [
        ['Kunna hjälpa en annan person att använda digitala tjänster', [
          'Ta reda på vad personen behöver hjälp med, genom att fråga och lyssna.',
          'Visa steg för steg hur man gör, så att personen själv kan göra det nästa gång.',
          'Anpassa hjälpen efter personens språk, vana och enhet.',
        ]],
        ['Kunna skydda personens uppgifter och säkerhet', [
          'Låta personen själv skriva koder och lösenord och hålla BankID själv.',
          'Förklara hur man känner igen försök till bedrägeri.',
          'Inte spara eller skriva ner personens uppgifter.',
        ]],
        ['Kunna hänvisa vidare', [
          'Känna igen när en fråga behöver en annan myndighet eller organisation.',
          'Berätta var personen kan få hjälp och hur man kontaktar dem.',
        ]],
      ]],
      ['0c000000-0000-4000-8000-000000000002', 'Bemötande och service', 1, 2, [
        ['Kunna ge ett bra bemötande', [
          'Hälsa välkommen och skapa en lugn stämning.',
          'Prata enkelt och tydligt och kontrollera att personen har förstått.',
          'Bemöta alla med respekt, oavsett bakgrund.',
        ]],
        ['Kunna ta hand om sig själv och gruppen', [
          'Be om stöd av en kollega eller samordnare när det behövs.',
          'Reflektera över en svår situation och vad du lärde dig av den.',
        ]],
      ]],

    ];
    for (const [id, title, level, credits, outcomes] of modules) {
      await queryRunner.query(`INSERT INTO ocn_module (id, title, level, credits) VALUES ($1, $2, $3, $4)`, [id, title, level, credits]);
      for (const [i, [text, criteria]] of outcomes.entries()) {
        const [outcome] = await queryRunner.query(`INSERT INTO ocn_outcome (module_id, number, text) VALUES ($1, $2, $3) RETURNING id`, [id, i + 1, text]);
        for (const [j, criterion] of criteria.entries()) {
          await queryRunner.query(`INSERT INTO ocn_criterion (outcome_id, number, text) VALUES ($1, $2, $3)`, [outcome.id, `${i + 1}.${j + 1}`, criterion]);
        }
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_criterion" DROP CONSTRAINT "FK_14184aceffeb8e936fb4dd35e1c"`);
    await queryRunner.query(`ALTER TABLE "evidence_criterion" DROP CONSTRAINT "FK_6b1e1bc3c99ab59ef10b20b9e5a"`);
    await queryRunner.query(`ALTER TABLE "assessment_decision" DROP CONSTRAINT "FK_9e95bd5e725dfd344f36e807397"`);
    await queryRunner.query(`ALTER TABLE "assessment_decision" DROP CONSTRAINT "FK_f939616751cc54d8c6e92c5efb7"`);
    await queryRunner.query(`ALTER TABLE "assessment" DROP CONSTRAINT "FK_60cc62762e2743862da6d049ba5"`);
    await queryRunner.query(`ALTER TABLE "assessment" DROP CONSTRAINT "FK_ae7c595acf4b78090b2d15c791e"`);
    await queryRunner.query(`ALTER TABLE "assessment" DROP CONSTRAINT "FK_3a452aeec458c9adfbf54883856"`);
    await queryRunner.query(`ALTER TABLE "assessment" DROP CONSTRAINT "FK_ea23029443ce10c6e5727eef726"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_8cc245cf163d9856ba2b3ecf90c"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_93a7a005c9671e71c95feb28aeb"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_b1dec5e619d940ff4a589653a30"`);
    await queryRunner.query(`ALTER TABLE "ocn_criterion" DROP CONSTRAINT "FK_0f453b32bd2a531c6eee0264708"`);
    await queryRunner.query(`ALTER TABLE "ocn_outcome" DROP CONSTRAINT "FK_e8cd3f6a51f213cd82d9aa26bb2"`);
    await queryRunner.query(`ALTER TABLE "hours_entry" DROP CONSTRAINT "FK_ada7d6c723b3bbb79899e0065da"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_6fa42e978fa7d7adc32736e26fd"`);
    await queryRunner.query(`ALTER TABLE "hours_entry" DROP CONSTRAINT "hours_decided"`);
    await queryRunner.query(`ALTER TABLE "hours_entry" DROP COLUMN "reject_reason"`);
    await queryRunner.query(`ALTER TABLE "hours_entry" DROP COLUMN "decided_at"`);
    await queryRunner.query(`ALTER TABLE "hours_entry" DROP COLUMN "decided_by"`);
    await queryRunner.query(`ALTER TABLE "hours_entry" DROP COLUMN "reflection"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "organisation_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_14184aceffeb8e936fb4dd35e1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6b1e1bc3c99ab59ef10b20b9e5"`);
    await queryRunner.query(`DROP TABLE "evidence_criterion"`);
    await queryRunner.query(`DROP TABLE "assessment_decision"`);
    await queryRunner.query(`DROP TABLE "assessment"`);
    await queryRunner.query(`DROP INDEX "public"."evidence_helper_module"`);
    await queryRunner.query(`DROP TABLE "evidence"`);
    await queryRunner.query(`DROP TABLE "ocn_criterion"`);
    await queryRunner.query(`DROP TABLE "ocn_outcome"`);
    await queryRunner.query(`DROP TABLE "ocn_module"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
  }
}
