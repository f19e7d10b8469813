import { MigrationInterface, QueryRunner } from 'typeorm';

export class TrackedLinks1796656153865 implements MigrationInterface {
  name = 'TrackedLinks1796656153865';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "link_click_flushes" (
                "id" uuid NOT NULL,
                "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_link_click_flushes_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "link_daily_clicks" (
                "link_id" uuid NOT NULL,
                "day" date NOT NULL,
                "organization_id" uuid NOT NULL,
                "clicks" integer NOT NULL DEFAULT '0',
                "previews" integer NOT NULL DEFAULT '0',
                CONSTRAINT "pk_link_daily_clicks_link_id_day" PRIMARY KEY ("link_id", "day")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_link_daily_clicks_organization_id_day" ON "link_daily_clicks" ("organization_id", "day")
        `);
    await queryRunner.query(`
            CREATE TABLE "tracked_links" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "code" text NOT NULL,
                "url" text NOT NULL,
                "post_id" uuid,
                "platform" text,
                "destination" text,
                "approved_at" TIMESTAMP WITH TIME ZONE,
                "created_by_id" uuid NOT NULL,
                CONSTRAINT "pk_tracked_links_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_tracked_links_organization_id" ON "tracked_links" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_tracked_links_code" ON "tracked_links" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_tracked_links_organization_id_post_id" ON "tracked_links" ("organization_id", "post_id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_tracked_links_organization_id_post_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_tracked_links_code"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_tracked_links_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "tracked_links"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_link_daily_clicks_organization_id_day"
        `);
    await queryRunner.query(`
            DROP TABLE "link_daily_clicks"
        `);
    await queryRunner.query(`
            DROP TABLE "link_click_flushes"
        `);
  }
}
