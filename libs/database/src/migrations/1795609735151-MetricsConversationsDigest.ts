import { MigrationInterface, QueryRunner } from 'typeorm';

export class MetricsConversationsDigest1795609735151 implements MigrationInterface {
  name = 'MetricsConversationsDigest1795609735151';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "conversation_cursors" (
                "channel_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "since_id" text,
                "since_time" TIMESTAMP WITH TIME ZONE,
                "pulled_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "pk_conversation_cursors_channel_id" PRIMARY KEY ("channel_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "conversation_messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "channel_id" uuid NOT NULL,
                "platform" text NOT NULL,
                "external_id" text NOT NULL,
                "in_reply_to_external_id" text NOT NULL,
                "in_reply_to_publication_id" uuid,
                "author_handle" text NOT NULL,
                "author_name" text NOT NULL,
                "text" text NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" text NOT NULL DEFAULT 'new',
                CONSTRAINT "pk_conversation_messages_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_conversation_messages_organization_id" ON "conversation_messages" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_conversation_messages_organization_id_received_at" ON "conversation_messages" ("organization_id", "received_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_conversation_messages_organization_id_status_received_at" ON "conversation_messages" ("organization_id", "status", "received_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_conversation_messages_channel_id_external_id" ON "conversation_messages" ("channel_id", "external_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "conversation_replies" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "message_id" uuid NOT NULL,
                "channel_id" uuid NOT NULL,
                "platform" text NOT NULL,
                "text" text NOT NULL,
                "template_id" uuid,
                "author_id" uuid NOT NULL,
                "status" text NOT NULL,
                "findings" jsonb NOT NULL DEFAULT '[]',
                "required_approvals" integer NOT NULL,
                "approved_at" TIMESTAMP WITH TIME ZONE,
                "external_id" text,
                "url" text,
                "error" text,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_conversation_replies_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_conversation_replies_organization_id" ON "conversation_replies" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_conversation_replies_message_id" ON "conversation_replies" ("message_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_conversation_replies_organization_id_status" ON "conversation_replies" ("organization_id", "status")
        `);
    await queryRunner.query(`
            CREATE TABLE "reply_approvals" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "reply_id" uuid NOT NULL,
                "approver_id" uuid NOT NULL,
                "decision" text NOT NULL,
                "comment" text,
                "overrides" jsonb NOT NULL DEFAULT '[]',
                CONSTRAINT "pk_reply_approvals_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_reply_approvals_organization_id" ON "reply_approvals" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_reply_approvals_reply_id" ON "reply_approvals" ("reply_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_reply_approvals_reply_id_approver_id" ON "reply_approvals" ("reply_id", "approver_id")
            WHERE decision = 'approve'
        `);
    await queryRunner.query(`
            CREATE TABLE "reply_templates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" text NOT NULL,
                "text" text NOT NULL,
                "created_by_id" uuid NOT NULL,
                "findings" jsonb NOT NULL DEFAULT '[]',
                CONSTRAINT "pk_reply_templates_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_reply_templates_organization_id" ON "reply_templates" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_reply_templates_organization_id_name" ON "reply_templates" ("organization_id", "name")
        `);
    await queryRunner.query(`
            CREATE TABLE "digest_sends" (
                "organization_id" uuid NOT NULL,
                "week_start" date NOT NULL,
                "claimed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "recipients" integer NOT NULL DEFAULT '0',
                CONSTRAINT "pk_digest_sends_organization_id_week_start" PRIMARY KEY ("organization_id", "week_start")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "channel_audiences" (
                "channel_id" uuid NOT NULL,
                "day" date NOT NULL,
                "organization_id" uuid NOT NULL,
                "followers" integer NOT NULL,
                "collected_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "pk_channel_audiences_channel_id_day" PRIMARY KEY ("channel_id", "day")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_channel_audiences_organization_id_day" ON "channel_audiences" ("organization_id", "day")
        `);
    await queryRunner.query(`
            CREATE TABLE "channel_daily_metrics" (
                "impressions" bigint NOT NULL DEFAULT '0',
                "views" bigint NOT NULL DEFAULT '0',
                "likes" bigint NOT NULL DEFAULT '0',
                "reposts" bigint NOT NULL DEFAULT '0',
                "replies" bigint NOT NULL DEFAULT '0',
                "quotes" bigint NOT NULL DEFAULT '0',
                "bookmarks" bigint NOT NULL DEFAULT '0',
                "comments" bigint NOT NULL DEFAULT '0',
                "channel_id" uuid NOT NULL,
                "day" date NOT NULL,
                "organization_id" uuid NOT NULL,
                "posts_published" integer NOT NULL DEFAULT '0',
                CONSTRAINT "pk_channel_daily_metrics_channel_id_day" PRIMARY KEY ("channel_id", "day")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_channel_daily_metrics_organization_id_day" ON "channel_daily_metrics" ("organization_id", "day")
        `);
    await queryRunner.query(`
            CREATE TABLE "metric_snapshots" (
                "publication_id" uuid NOT NULL,
                "collected_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "organization_id" uuid NOT NULL,
                "channel_id" uuid NOT NULL,
                "impressions" bigint,
                "views" bigint,
                "likes" bigint,
                "reposts" bigint,
                "replies" bigint,
                "quotes" bigint,
                "bookmarks" bigint,
                "comments" bigint,
                CONSTRAINT "pk_metric_snapshots_publication_id_collected_at" PRIMARY KEY ("publication_id", "collected_at")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "platform_usage" (
                "day" date NOT NULL,
                "platform" text NOT NULL,
                "operation" text NOT NULL,
                "requests" bigint NOT NULL DEFAULT '0',
                "units" bigint NOT NULL DEFAULT '0',
                CONSTRAINT "pk_platform_usage_day_platform_operation" PRIMARY KEY ("day", "platform", "operation")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "publication_daily_metrics" (
                "impressions" bigint NOT NULL DEFAULT '0',
                "views" bigint NOT NULL DEFAULT '0',
                "likes" bigint NOT NULL DEFAULT '0',
                "reposts" bigint NOT NULL DEFAULT '0',
                "replies" bigint NOT NULL DEFAULT '0',
                "quotes" bigint NOT NULL DEFAULT '0',
                "bookmarks" bigint NOT NULL DEFAULT '0',
                "comments" bigint NOT NULL DEFAULT '0',
                "publication_id" uuid NOT NULL,
                "day" date NOT NULL,
                "organization_id" uuid NOT NULL,
                "channel_id" uuid NOT NULL,
                CONSTRAINT "pk_publication_daily_metrics_publication_id_day" PRIMARY KEY ("publication_id", "day")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "publication_metrics" (
                "impressions" bigint NOT NULL DEFAULT '0',
                "views" bigint NOT NULL DEFAULT '0',
                "likes" bigint NOT NULL DEFAULT '0',
                "reposts" bigint NOT NULL DEFAULT '0',
                "replies" bigint NOT NULL DEFAULT '0',
                "quotes" bigint NOT NULL DEFAULT '0',
                "bookmarks" bigint NOT NULL DEFAULT '0',
                "comments" bigint NOT NULL DEFAULT '0',
                "publication_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "post_id" uuid NOT NULL,
                "channel_id" uuid NOT NULL,
                "platform" text NOT NULL,
                "external_id" text NOT NULL,
                "url" text,
                "preview" text NOT NULL,
                "published_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "next_metrics_at" TIMESTAMP WITH TIME ZONE,
                "lease_until" TIMESTAMP WITH TIME ZONE,
                "last_collected_at" TIMESTAMP WITH TIME ZONE,
                "gone_at" TIMESTAMP WITH TIME ZONE,
                "engagements" bigint NOT NULL DEFAULT '0',
                "reach" bigint NOT NULL DEFAULT '0',
                CONSTRAINT "pk_publication_metrics_publication_id" PRIMARY KEY ("publication_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_publication_metrics_organization_id_engagements" ON "publication_metrics" ("organization_id", "engagements")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_publication_metrics_organization_id_published_at" ON "publication_metrics" ("organization_id", "published_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_publication_metrics_channel_id_external_id" ON "publication_metrics" ("channel_id", "external_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_publication_metrics_next_metrics_at" ON "publication_metrics" ("next_metrics_at")
            WHERE next_metrics_at IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_publication_metrics_next_metrics_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_publication_metrics_channel_id_external_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_publication_metrics_organization_id_published_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_publication_metrics_organization_id_engagements"
        `);
    await queryRunner.query(`
            DROP TABLE "publication_metrics"
        `);
    await queryRunner.query(`
            DROP TABLE "publication_daily_metrics"
        `);
    await queryRunner.query(`
            DROP TABLE "platform_usage"
        `);
    await queryRunner.query(`
            DROP TABLE "metric_snapshots"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_channel_daily_metrics_organization_id_day"
        `);
    await queryRunner.query(`
            DROP TABLE "channel_daily_metrics"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_channel_audiences_organization_id_day"
        `);
    await queryRunner.query(`
            DROP TABLE "channel_audiences"
        `);
    await queryRunner.query(`
            DROP TABLE "digest_sends"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_reply_templates_organization_id_name"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_reply_templates_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "reply_templates"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_reply_approvals_reply_id_approver_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_reply_approvals_reply_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_reply_approvals_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "reply_approvals"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_conversation_replies_organization_id_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_conversation_replies_message_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_conversation_replies_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "conversation_replies"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_conversation_messages_channel_id_external_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_conversation_messages_organization_id_status_received_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_conversation_messages_organization_id_received_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_conversation_messages_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "conversation_messages"
        `);
    await queryRunner.query(`
            DROP TABLE "conversation_cursors"
        `);
  }
}
