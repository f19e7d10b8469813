import { MigrationInterface, QueryRunner } from 'typeorm';

export class RestrictedTerms1796620485192 implements MigrationInterface {
  name = 'RestrictedTerms1796620485192';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "restricted_terms" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "term" text NOT NULL,
                "severity" text NOT NULL,
                "created_by_id" uuid NOT NULL,
                CONSTRAINT "pk_restricted_terms_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_restricted_terms_organization_id" ON "restricted_terms" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_restricted_terms_organization_id_term" ON "restricted_terms" ("organization_id", "term")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_restricted_terms_organization_id_term"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_restricted_terms_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "restricted_terms"
        `);
  }
}
