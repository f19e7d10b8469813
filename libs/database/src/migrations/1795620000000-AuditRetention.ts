import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Legal holds, and the retention cut as the one way rows older than the retention period leave:
 * a SECURITY DEFINER function owned by the owner role. The runtime role has no DELETE on these
 * tables at all (see database-roles.ts); it may only call this function, which refuses
 * organizations under a legal hold and anything younger than six years.
 */
export class AuditRetention1795620000000 implements MigrationInterface {
  name = 'AuditRetention1795620000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "legal_hold_since" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "legal_hold_reason" text
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "legal_hold_by_id" uuid
        `);
    await queryRunner.query(`
      CREATE FUNCTION apply_retention(org uuid, years integer)
      RETURNS TABLE (through_seq bigint, through_hash text, events bigint, revisions bigint,
                     approvals bigint, consent_records bigint)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        cutoff timestamptz;
        head bigint;
      BEGIN
        IF years < 6 THEN
          RAISE EXCEPTION 'records are kept at least six years' USING ERRCODE = 'check_violation';
        END IF;
        IF EXISTS (SELECT 1 FROM organizations o WHERE o.id = org AND o.legal_hold_since IS NOT NULL) THEN
          RAISE EXCEPTION 'organization % is under a legal hold', org USING ERRCODE = 'check_violation';
        END IF;
        cutoff := now() - make_interval(years => years);
        PERFORM set_config('rounds.retention', 'on', true);
        -- The newest event always stays: the chain goes on from it.
        SELECT max(e.seq) INTO head FROM audit_events e WHERE e.organization_id = org;
        SELECT e.seq, e.hash INTO through_seq, through_hash FROM audit_events e
         WHERE e.organization_id = org AND e.seq < head AND e.occurred_at < cutoff
         ORDER BY e.seq DESC LIMIT 1;
        DELETE FROM audit_events e WHERE e.organization_id = org AND e.seq <= through_seq;
        GET DIAGNOSTICS events = ROW_COUNT;
        DELETE FROM approvals a WHERE a.organization_id = org AND a.created_at < cutoff;
        GET DIAGNOSTICS approvals = ROW_COUNT;
        CREATE TEMP TABLE expired_revisions ON COMMIT DROP AS
          SELECT r.id FROM post_revisions r
           WHERE r.organization_id = org AND r.created_at < cutoff
             AND NOT EXISTS (SELECT 1 FROM posts p
                              WHERE p.current_revision_id = r.id OR p.approved_revision_id = r.id)
             AND NOT EXISTS (SELECT 1 FROM publications p WHERE p.approved_revision_id = r.id)
             AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.revision_id = r.id);
        DELETE FROM compliance_findings f WHERE f.revision_id IN (SELECT id FROM expired_revisions);
        DELETE FROM post_revisions r WHERE r.id IN (SELECT id FROM expired_revisions);
        GET DIAGNOSTICS revisions = ROW_COUNT;
        DROP TABLE expired_revisions;
        DELETE FROM consent_records c WHERE c.organization_id = org AND c.created_at < cutoff;
        GET DIAGNOSTICS consent_records = ROW_COUNT;
        PERFORM set_config('rounds.retention', 'off', true);
        RETURN NEXT;
      END $$
    `);
    await queryRunner.query('REVOKE ALL ON FUNCTION apply_retention(uuid, integer) FROM PUBLIC');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION apply_retention(uuid, integer)');
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "legal_hold_by_id"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "legal_hold_reason"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "legal_hold_since"`);
  }
}
