import { MigrationInterface, QueryRunner } from 'typeorm';

export class MediaText1796618750523 implements MigrationInterface {
  name = 'MediaText1796618750523';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "image_texts" (
                "sha256" character(64) NOT NULL,
                "status" text NOT NULL,
                "text" text NOT NULL DEFAULT '',
                "segments" jsonb NOT NULL DEFAULT '[]',
                "error" text,
                "duration_ms" integer,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_image_texts_sha256" PRIMARY KEY ("sha256")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "compliance_findings"
            ADD "media_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "compliance_findings"
            ADD "location" jsonb
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "compliance_findings" DROP COLUMN "location"
        `);
    await queryRunner.query(`
            ALTER TABLE "compliance_findings" DROP COLUMN "media_id"
        `);
    await queryRunner.query(`
            DROP TABLE "image_texts"
        `);
  }
}
