import { MigrationInterface, QueryRunner } from 'typeorm';

export class PublicationSendingAt1796656176405 implements MigrationInterface {
  name = 'PublicationSendingAt1796656176405';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "publications"
            ADD "sending_at" TIMESTAMP WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "publications" DROP COLUMN "sending_at"
        `);
  }
}
