import { MigrationInterface, QueryRunner } from 'typeorm';

export class PostsApprovalsCompliance1795608868566 implements MigrationInterface {
  name = 'PostsApprovalsCompliance1795608868566';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."post_status" AS ENUM(
                'draft',
                'in_review',
                'changes_requested',
                'scheduled',
                'publishing',
                'published',
                'failed',
                'in_doubt',
                'cancelled',
                'held',
                'expired'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "posts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "status" "public"."post_status" NOT NULL,
                "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "current_revision_id" uuid NOT NULL,
                "approved_revision_id" uuid,
                "author_id" uuid NOT NULL,
                "last_edited_by_id" uuid NOT NULL,
                "campaign" text,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_posts_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_posts_organization_id" ON "posts" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_posts_status_scheduled_at" ON "posts" ("status", "scheduled_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_posts_organization_id_scheduled_at" ON "posts" ("organization_id", "scheduled_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "post_revisions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "post_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "content" jsonb NOT NULL,
                "content_hash" character(64) NOT NULL,
                "media_ids" uuid array NOT NULL DEFAULT '{}',
                "detected_categories" text array NOT NULL DEFAULT '{}',
                "edited_by_id" uuid NOT NULL,
                CONSTRAINT "pk_post_revisions_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_post_revisions_organization_id" ON "post_revisions" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_post_revisions_post_id_number" ON "post_revisions" ("post_id", "number")
        `);
    await queryRunner.query(`
            CREATE TABLE "approvals" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "post_id" uuid NOT NULL,
                "revision_id" uuid NOT NULL,
                "approver_id" uuid NOT NULL,
                "decision" text NOT NULL,
                "comment" text,
                "overrides" jsonb NOT NULL DEFAULT '[]',
                "content_hash" character(64) NOT NULL,
                "voided_at" TIMESTAMP WITH TIME ZONE,
                "void_reason" text,
                CONSTRAINT "pk_approvals_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_approvals_organization_id" ON "approvals" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_approvals_revision_id_approver_id" ON "approvals" ("revision_id", "approver_id")
            WHERE voided_at IS NULL
                AND decision = 'approve'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_approvals_post_id_created_at" ON "approvals" ("post_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "channels" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "platform" text NOT NULL,
                "external_account_id" text NOT NULL,
                "handle" text NOT NULL,
                "display_name" text NOT NULL,
                "status" text NOT NULL DEFAULT 'connected',
                "color" text NOT NULL DEFAULT '#1d9bf0',
                CONSTRAINT "pk_channels_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_channels_organization_id" ON "channels" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_channels_organization_id_platform_external_account_id" ON "channels" (
                "organization_id",
                "platform",
                "external_account_id"
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "compliance_findings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "post_id" uuid NOT NULL,
                "revision_id" uuid NOT NULL,
                "source" text NOT NULL,
                "field" text NOT NULL,
                "kind" text NOT NULL,
                "severity" text NOT NULL,
                "span_start" integer NOT NULL,
                "span_end" integer NOT NULL,
                "text" text NOT NULL,
                "reason" text NOT NULL,
                "cleared_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "pk_compliance_findings_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_compliance_findings_organization_id" ON "compliance_findings" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_compliance_findings_revision_id_field_kind_span_start_span_e" ON "compliance_findings" (
                "revision_id",
                "field",
                "kind",
                "span_start",
                "span_end"
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."publication_status" AS ENUM(
                'scheduled',
                'publishing',
                'published',
                'failed',
                'in_doubt',
                'held',
                'cancelled',
                'expired'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "publications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "post_id" uuid NOT NULL,
                "channel_id" uuid NOT NULL,
                "platform" text NOT NULL,
                "status" "public"."publication_status" NOT NULL,
                "approved_revision_id" uuid NOT NULL,
                "approved_content_hash" character(64) NOT NULL,
                "external_id" text,
                "url" text,
                "error" text,
                "attempts" integer NOT NULL DEFAULT '0',
                "published_at" TIMESTAMP WITH TIME ZONE,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_publications_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_publications_organization_id" ON "publications" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_publications_post_id" ON "publications" ("post_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_publications_status_post_id" ON "publications" ("status", "post_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_publications_post_id_channel_id" ON "publications" ("post_id", "channel_id")
            WHERE status <> 'cancelled'
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "paused_by_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "approval_policy" jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "allow_list" jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "accessibility_severity" text NOT NULL DEFAULT 'warn'
        `);
    await queryRunner.query(`
            ALTER TABLE "post_revisions"
            ADD CONSTRAINT "fk_post_revisions_post_id" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "approvals"
            ADD CONSTRAINT "fk_approvals_revision_id" FOREIGN KEY ("revision_id") REFERENCES "post_revisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "compliance_findings"
            ADD CONSTRAINT "fk_compliance_findings_revision_id" FOREIGN KEY ("revision_id") REFERENCES "post_revisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "publications"
            ADD CONSTRAINT "fk_publications_post_id" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "publications"
            ADD CONSTRAINT "fk_publications_channel_id" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "publications" DROP CONSTRAINT "fk_publications_channel_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "publications" DROP CONSTRAINT "fk_publications_post_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "compliance_findings" DROP CONSTRAINT "fk_compliance_findings_revision_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "approvals" DROP CONSTRAINT "fk_approvals_revision_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "post_revisions" DROP CONSTRAINT "fk_post_revisions_post_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "accessibility_severity"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "allow_list"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "approval_policy"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "paused_by_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_publications_post_id_channel_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_publications_status_post_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_publications_post_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_publications_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "publications"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."publication_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_compliance_findings_revision_id_field_kind_span_start_span_e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_compliance_findings_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "compliance_findings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_channels_organization_id_platform_external_account_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_channels_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "channels"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_approvals_post_id_created_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_approvals_revision_id_approver_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_approvals_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "approvals"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_post_revisions_post_id_number"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_post_revisions_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "post_revisions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_posts_organization_id_scheduled_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_posts_status_scheduled_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_posts_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "posts"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."post_status"
        `);
  }
}
