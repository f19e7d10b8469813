import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A revision is what an approval was given for, so the database refuses to change it: UPDATE is
 * always refused, DELETE only by the retention job (rounds.retention) after six years.
 */
export class PostRevisionsImmutable1795608868567 implements MigrationInterface {
  name = 'PostRevisionsImmutable1795608868567';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION post_revisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('rounds.retention', true) = 'on' THEN
          IF OLD.created_at < now() - interval '6 years' THEN
            RETURN OLD;
          END IF;
        END IF;
        RAISE EXCEPTION 'post_revisions are immutable (% refused)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER post_revisions_immutable
      BEFORE UPDATE OR DELETE ON post_revisions
      FOR EACH ROW EXECUTE FUNCTION post_revisions_immutable()
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER post_revisions_immutable ON post_revisions');
    await queryRunner.query('DROP FUNCTION post_revisions_immutable()');
  }
}
