import { MigrationInterface, QueryRunner } from 'typeorm';

export class FeedbackCategory1796646557611 implements MigrationInterface {
  name = 'FeedbackCategory1796646557611';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "conversation_messages"
            ADD "category" text
        `);
    await queryRunner.query(`
            ALTER TABLE "conversation_messages"
            ADD "category_reasons" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_conversation_messages_organization_id_category_received_at" ON "conversation_messages" ("organization_id", "category", "received_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_conversation_messages_organization_id_category_received_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "conversation_messages" DROP COLUMN "category_reasons"
        `);
    await queryRunner.query(`
            ALTER TABLE "conversation_messages" DROP COLUMN "category"
        `);
  }
}
