import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables added after ReadVersions whose writes change what a read area shows: an internal note,
 * a category's owner or a group's name and members change the inbox; a link's clicks and its
 * campaign change the report.
 */
const WATCHED: { table: string; areas: string[] }[] = [
  { table: 'conversation_notes', areas: ['inbox'] },
  { table: 'feedback_routes', areas: ['inbox'] },
  { table: 'feedback_groups', areas: ['inbox'] },
  { table: 'link_daily_clicks', areas: ['reports'] },
  { table: 'tracked_links', areas: ['reports'] },
];

export class ReadVersionsFeedbackLinks1796700000000 implements MigrationInterface {
  name = 'ReadVersionsFeedbackLinks1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, areas } of WATCHED) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_read_version
        AFTER INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION note_read_change(${areas.map((a) => `'${a}'`).join(', ')})
      `);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of WATCHED) {
      await queryRunner.query(`DROP TRIGGER ${table}_read_version ON ${table}`);
    }
  }
}
