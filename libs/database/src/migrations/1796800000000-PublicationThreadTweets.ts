import { MigrationInterface, QueryRunner } from 'typeorm';

export class PublicationThreadTweets1796800000000 implements MigrationInterface {
  name = 'PublicationThreadTweets1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "publications"
            ADD "thread_tweet_ids" jsonb NOT NULL DEFAULT '[]'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "publications" DROP COLUMN "thread_tweet_ids"
        `);
  }
}
