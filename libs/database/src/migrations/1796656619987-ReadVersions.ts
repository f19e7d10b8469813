import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose writes change what a read area shows, and the columns that matter. */
const WATCHED: { table: string; areas: string[]; columns?: string[]; events?: string }[] = [
  { table: 'posts', areas: ['posts'] },
  { table: 'approvals', areas: ['posts'] },
  { table: 'compliance_findings', areas: ['posts'] },
  // The queue's platforms and the report's channel list; not tokens or status.
  {
    table: 'channels',
    areas: ['posts', 'reports'],
    columns: ['platform', 'handle', 'display_name'],
  },
  // Time zone and approval policy; a new organization has nothing cached yet.
  { table: 'organizations', areas: ['posts', 'reports'], events: 'UPDATE' },
  { table: 'conversation_messages', areas: ['inbox'] },
  { table: 'conversation_replies', areas: ['inbox'] },
  { table: 'reply_approvals', areas: ['inbox'] },
  { table: 'channel_daily_metrics', areas: ['reports'] },
  { table: 'channel_audiences', areas: ['reports'] },
  // The figures, not the collector's bookkeeping (next_metrics_at, lease_until, ...).
  {
    table: 'publication_metrics',
    areas: ['reports'],
    columns: ['reach', 'engagements', 'preview', 'url', 'published_at', 'channel_id'],
  },
];

/**
 * Per-organization change counters for the read paths (ReadArea): a trigger in the writing
 * transaction adds one to a slot of the counter no other transaction holds, so a cached answer
 * keyed on the sum is never served after a committed change, and writers never wait on each other.
 */
export class ReadVersions1796656619987 implements MigrationInterface {
  name = 'ReadVersions1796656619987';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "read_versions" (
                "organization_id" uuid NOT NULL,
                "area" text NOT NULL,
                "slot" bigint NOT NULL,
                "version" bigint NOT NULL DEFAULT '0',
                CONSTRAINT "pk_read_versions_organization_id_area_slot" PRIMARY KEY ("organization_id", "area", "slot")
            )
        `);
    await queryRunner.query('CREATE SEQUENCE read_version_slots');
    // Once per organization and area in a transaction (noted in a transaction-local setting).
    await queryRunner.query(`
      CREATE FUNCTION bump_read_version(org uuid, area_name text) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        noted text := coalesce(current_setting('rounds.read_versions_bumped', true), '');
        mark text := org::text || ':' || area_name || ' ';
      BEGIN
        IF position(mark IN noted) > 0 THEN
          RETURN;
        END IF;
        UPDATE read_versions v SET version = v.version + 1
         WHERE (v.organization_id, v.area, v.slot) = (
           SELECT s.organization_id, s.area, s.slot FROM read_versions s
            WHERE s.organization_id = org AND s.area = area_name
            ORDER BY s.slot LIMIT 1 FOR UPDATE SKIP LOCKED);
        IF NOT FOUND THEN
          INSERT INTO read_versions (organization_id, area, slot, version)
          VALUES (org, area_name, nextval('read_version_slots'), 1);
        END IF;
        PERFORM set_config('rounds.read_versions_bumped', noted || mark, true);
      END $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION note_read_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        org uuid;
        area_name text;
      BEGIN
        IF TG_TABLE_NAME = 'organizations' THEN
          org := NEW.id;
        ELSIF TG_OP = 'DELETE' THEN
          org := OLD.organization_id;
        ELSE
          org := NEW.organization_id;
        END IF;
        FOREACH area_name IN ARRAY TG_ARGV LOOP
          PERFORM bump_read_version(org, area_name);
        END LOOP;
        RETURN NULL;
      END $$
    `);
    for (const { table, areas, columns, events } of WATCHED) {
      const update = columns ? `UPDATE OF ${columns.join(', ')}` : 'UPDATE';
      await queryRunner.query(`
        CREATE TRIGGER ${table}_read_version
        AFTER ${events ?? `INSERT OR ${update} OR DELETE`} ON ${table}
        FOR EACH ROW EXECUTE FUNCTION note_read_change(${areas.map((a) => `'${a}'`).join(', ')})
      `);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of WATCHED) {
      await queryRunner.query(`DROP TRIGGER ${table}_read_version ON ${table}`);
    }
    await queryRunner.query('DROP FUNCTION note_read_change()');
    await queryRunner.query('DROP FUNCTION bump_read_version(uuid, text)');
    await queryRunner.query('DROP SEQUENCE read_version_slots');
    await queryRunner.query(`
            DROP TABLE "read_versions"
        `);
  }
}
