import { MigrationInterface, QueryRunner } from 'typeorm';

export class MediaConsentNotifications1795608757259 implements MigrationInterface {
  name = 'MediaConsentNotifications1795608757259';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "consent_records" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "media_id" uuid NOT NULL,
                "person_name" text NOT NULL,
                "form_id" text NOT NULL,
                "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_by_id" uuid,
                "revocation_reason" text,
                "recorded_by_id" uuid NOT NULL,
                CONSTRAINT "pk_consent_records_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_consent_records_organization_id" ON "consent_records" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_consent_records_organization_id_media_id" ON "consent_records" ("organization_id", "media_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "media" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "kind" text NOT NULL,
                "mime_type" text NOT NULL,
                "size_bytes" bigint NOT NULL,
                "sha256" character(64) NOT NULL,
                "storage_key" text NOT NULL,
                "original_name" text NOT NULL,
                "width" integer,
                "height" integer,
                "duration_seconds" double precision,
                "shows_patient" boolean NOT NULL DEFAULT false,
                "created_by_id" uuid NOT NULL,
                CONSTRAINT "uq_media_storage_key" UNIQUE ("storage_key"),
                CONSTRAINT "pk_media_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_media_organization_id" ON "media" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_media_organization_id_created_at" ON "media" ("organization_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "subject_id" uuid NOT NULL,
                "title" text NOT NULL,
                "body" text NOT NULL,
                "read_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_notifications_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notifications_user_id_created_at" ON "notifications" ("user_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notifications_user_id_read_at" ON "notifications" ("user_id", "read_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_user_id_read_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_user_id_created_at"
        `);
    await queryRunner.query(`
            DROP TABLE "notifications"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_media_organization_id_created_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_media_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "media"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_consent_records_organization_id_media_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_consent_records_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "consent_records"
        `);
  }
}
