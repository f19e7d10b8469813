import { MigrationInterface, QueryRunner } from 'typeorm';

export class PublicationClaimHeartbeat1796618378154 implements MigrationInterface {
  name = 'PublicationClaimHeartbeat1796618378154';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "publications"
            ADD "claimed_by" text
        `);
    await queryRunner.query(`
            ALTER TABLE "publications"
            ADD "heartbeat_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_publications_heartbeat_at" ON "publications" ("heartbeat_at")
            WHERE status = 'publishing'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_publications_heartbeat_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "publications" DROP COLUMN "heartbeat_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "publications" DROP COLUMN "claimed_by"
        `);
  }
}
