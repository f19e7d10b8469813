import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityLifecycle1796618376704 implements MigrationInterface {
  name = 'IdentityLifecycle1796618376704';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."account_token_purpose" AS ENUM('invitation', 'password_reset')
        `);
    await queryRunner.query(`
            CREATE TABLE "account_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "user_id" uuid NOT NULL,
                "purpose" "public"."account_token_purpose" NOT NULL,
                "token_hash" text NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "pk_account_tokens_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_account_tokens_organization_id" ON "account_tokens" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_account_tokens_token_hash" ON "account_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_account_tokens_organization_id_user_id_purpose" ON "account_tokens" ("organization_id", "user_id", "purpose")
        `);
    await queryRunner.query(`
            ALTER TABLE "reply_templates"
            ADD "approved_by_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "reply_templates"
            ADD "approved_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD "family_started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "role_granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
        `);
    // Roles held before this migration were not just granted: no cooling-off for them.
    await queryRunner.query(`UPDATE "users" SET "role_granted_at" = "created_at"`);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "role_granted_by_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "disabled_reason" text
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ALTER COLUMN "password_hash" DROP NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users"
            ALTER COLUMN "password_hash"
            SET NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "disabled_reason"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "role_granted_by_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "role_granted_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP COLUMN "family_started_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "reply_templates" DROP COLUMN "approved_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "reply_templates" DROP COLUMN "approved_by_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_account_tokens_organization_id_user_id_purpose"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_account_tokens_token_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_account_tokens_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "account_tokens"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."account_token_purpose"
        `);
  }
}
