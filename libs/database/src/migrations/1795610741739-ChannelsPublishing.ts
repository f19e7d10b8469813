import { MigrationInterface, QueryRunner } from 'typeorm';

/** Channel tokens and OAuth state, and the YouTube videos uploaded ahead of publications. */
export class ChannelsPublishing1795610741739 implements MigrationInterface {
  name = 'ChannelsPublishing1795610741739';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "channel_authorizations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "user_id" uuid NOT NULL,
                "platform" text NOT NULL,
                "state_hash" character(64) NOT NULL,
                "browser_hash" character(64) NOT NULL,
                "encrypted_code_verifier" text,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "pk_channel_authorizations_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_channel_authorizations_organization_id" ON "channel_authorizations" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_channel_authorizations_state_hash" ON "channel_authorizations" ("state_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_channel_authorizations_expires_at" ON "channel_authorizations" ("expires_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "youtube_uploads" (
                "publication_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "content_hash" character(64) NOT NULL,
                "video_id" text,
                "session_uri" text,
                "started_at" TIMESTAMP WITH TIME ZONE,
                "leased_until" TIMESTAMP WITH TIME ZONE,
                "lease_holder" text,
                "publish_at" TIMESTAMP WITH TIME ZONE,
                "thumbnail_set" boolean NOT NULL DEFAULT false,
                "captions_set" boolean NOT NULL DEFAULT false,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_youtube_uploads_publication_id" PRIMARY KEY ("publication_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "channels"
            ADD "status_reason" text
        `);
    await queryRunner.query(`
            ALTER TABLE "channels"
            ADD "encrypted_access_token" text
        `);
    await queryRunner.query(`
            ALTER TABLE "channels"
            ADD "encrypted_refresh_token" text
        `);
    await queryRunner.query(`
            ALTER TABLE "channels"
            ADD "token_expires_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "channels"
            ADD "scopes" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "channels"
            ADD "connected_by_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "channels"
            ADD "connected_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "channels"
            ADD "rate_limited_until" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "channels"
            ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "channels" DROP COLUMN "updated_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "channels" DROP COLUMN "rate_limited_until"
        `);
    await queryRunner.query(`
            ALTER TABLE "channels" DROP COLUMN "connected_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "channels" DROP COLUMN "connected_by_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "channels" DROP COLUMN "scopes"
        `);
    await queryRunner.query(`
            ALTER TABLE "channels" DROP COLUMN "token_expires_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "channels" DROP COLUMN "encrypted_refresh_token"
        `);
    await queryRunner.query(`
            ALTER TABLE "channels" DROP COLUMN "encrypted_access_token"
        `);
    await queryRunner.query(`
            ALTER TABLE "channels" DROP COLUMN "status_reason"
        `);
    await queryRunner.query(`
            DROP TABLE "youtube_uploads"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_channel_authorizations_expires_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_channel_authorizations_state_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_channel_authorizations_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "channel_authorizations"
        `);
  }
}
