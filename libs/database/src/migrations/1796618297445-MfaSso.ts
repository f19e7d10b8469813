import { MigrationInterface, QueryRunner } from 'typeorm';

/** Second factors (TOTP, recovery codes), the MFA policy, and OpenID Connect sign-in. */
export class MfaSso1796618297445 implements MigrationInterface {
  name = 'MfaSso1796618297445';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "mfa_recovery_codes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "user_id" uuid NOT NULL,
                "code_hash" character(64) NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "pk_mfa_recovery_codes_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_mfa_recovery_codes_organization_id" ON "mfa_recovery_codes" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_mfa_recovery_codes_user_id_code_hash" ON "mfa_recovery_codes" ("user_id", "code_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "user_mfa" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "user_id" uuid NOT NULL,
                "sealed_secret" text,
                "sealed_pending_secret" text,
                "enrolled_at" TIMESTAMP WITH TIME ZONE,
                "last_used_step" integer,
                "failed_attempts" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "pk_user_mfa_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_user_mfa_organization_id" ON "user_mfa" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_user_mfa_user_id" ON "user_mfa" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "sso_connections" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "slug" text NOT NULL,
                "issuer" text NOT NULL,
                "client_id" text NOT NULL,
                "sealed_client_secret" text NOT NULL,
                "email_domains" text array NOT NULL DEFAULT '{}',
                "groups_claim" text NOT NULL DEFAULT 'groups',
                "role_mapping" jsonb NOT NULL DEFAULT '{}',
                "default_role" text,
                "sso_only" boolean NOT NULL DEFAULT false,
                "enabled" boolean NOT NULL DEFAULT true,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_sso_connections_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_sso_connections_organization_id" ON "sso_connections" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_sso_connections_slug" ON "sso_connections" ("slug")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_sso_connections_organization_id" ON "sso_connections" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "sso_logins" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "connection_id" uuid NOT NULL,
                "state_hash" character(64) NOT NULL,
                "browser_hash" character(64) NOT NULL,
                "nonce" text NOT NULL,
                "sealed_code_verifier" text NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "user_id" uuid,
                "handoff_hash" character(64),
                "handoff_used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "pk_sso_logins_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_sso_logins_organization_id" ON "sso_logins" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_sso_logins_state_hash" ON "sso_logins" ("state_hash")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_sso_logins_handoff_hash" ON "sso_logins" ("handoff_hash")
            WHERE handoff_hash IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_sso_logins_expires_at" ON "sso_logins" ("expires_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD "auth_method" text NOT NULL DEFAULT 'password'
        `);
    // Existing organizations keep their policy off (an admin turns it on); new ones start with it on.
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "mfa_required_since" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ALTER COLUMN "mfa_required_since" SET DEFAULT now()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "mfa_required_since"
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP COLUMN "auth_method"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_sso_logins_expires_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_sso_logins_handoff_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_sso_logins_state_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_sso_logins_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "sso_logins"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_sso_connections_organization_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_sso_connections_slug"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_sso_connections_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "sso_connections"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_user_mfa_user_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_user_mfa_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "user_mfa"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_mfa_recovery_codes_user_id_code_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_mfa_recovery_codes_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "mfa_recovery_codes"
        `);
  }
}
