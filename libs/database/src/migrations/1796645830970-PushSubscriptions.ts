import { MigrationInterface, QueryRunner } from 'typeorm';

export class PushSubscriptions1796645830970 implements MigrationInterface {
  name = 'PushSubscriptions1796645830970';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "push_subscriptions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "endpoint" text NOT NULL,
                "p256dh" text NOT NULL,
                "auth" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_push_subscriptions_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_push_subscriptions_endpoint" ON "push_subscriptions" ("endpoint")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_push_subscriptions_organization_id_user_id" ON "push_subscriptions" ("organization_id", "user_id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_push_subscriptions_organization_id_user_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_push_subscriptions_endpoint"
        `);
    await queryRunner.query(`
            DROP TABLE "push_subscriptions"
        `);
  }
}
