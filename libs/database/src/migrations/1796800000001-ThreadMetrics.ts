import { MigrationInterface, QueryRunner } from 'typeorm';

export class ThreadMetrics1796800000001 implements MigrationInterface {
  name = 'ThreadMetrics1796800000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "publication_metrics"
            ADD "thread_tweet_ids" jsonb NOT NULL DEFAULT '[]',
            ADD "tweet_metrics" jsonb
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "publication_metrics" DROP COLUMN "tweet_metrics", DROP COLUMN "thread_tweet_ids"
        `);
  }
}
