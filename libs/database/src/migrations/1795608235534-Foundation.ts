import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795608235534 implements MigrationInterface {
  name = 'Foundation1795608235534';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "seq" bigint NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "actor_id" uuid,
                "action" text NOT NULL,
                "subject_type" text NOT NULL,
                "subject_id" text,
                "data" jsonb NOT NULL DEFAULT '{}',
                "prev_hash" character(64) NOT NULL,
                "hash" character(64) NOT NULL,
                CONSTRAINT "pk_audit_events_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_events_organization_id_subject_type_subject_id" ON "audit_events" ("organization_id", "subject_type", "subject_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_events_organization_id_occurred_at" ON "audit_events" ("organization_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_audit_events_organization_id_seq" ON "audit_events" ("organization_id", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "family_id" uuid NOT NULL,
                "token_hash" text NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "rotated_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_refresh_tokens_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_refresh_tokens_family_id" ON "refresh_tokens" ("family_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_refresh_tokens_token_hash" ON "refresh_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."user_role" AS ENUM('admin', 'marketer', 'compliance', 'executive')
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "email" text NOT NULL,
                "name" text NOT NULL,
                "role" "public"."user_role" NOT NULL,
                "password_hash" text NOT NULL,
                "disabled_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "pk_users_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_users_organization_id" ON "users" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_users_email" ON "users" ("email")
        `);
    await queryRunner.query(`
            CREATE TABLE "organizations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "time_zone" text NOT NULL,
                "paused_at" TIMESTAMP WITH TIME ZONE,
                "pause_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_organizations_id" PRIMARY KEY ("id")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "organizations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_users_email"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_users_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."user_role"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_refresh_tokens_token_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_refresh_tokens_family_id"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_organization_id_seq"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_organization_id_occurred_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_organization_id_subject_type_subject_id"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
  }
}
