import { MigrationInterface, QueryRunner } from 'typeorm';

export class MetricsClaimOrder1795615742994 implements MigrationInterface {
  name = 'MetricsClaimOrder1795615742994';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_publication_metrics_next_metrics_at"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_publication_metrics_next_metrics_at_channel_id" ON "publication_metrics" ("next_metrics_at", "channel_id")
            WHERE next_metrics_at IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_publication_metrics_next_metrics_at_channel_id"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_publication_metrics_next_metrics_at" ON "publication_metrics" USING btree ("next_metrics_at")
            WHERE (next_metrics_at IS NOT NULL)
        `);
  }
}
