import { escapeIdentifier, escapeLiteral } from 'pg';
import type { DataSource } from 'typeorm';

/** Tables whose rows are history: the runtime role may add rows, never change or remove them. */
export const INSERT_ONLY_TABLES = [
  'audit_events',
  'post_revisions',
  'approvals',
  'consent_records',
  'reply_approvals',
];

/** The few state columns of history rows the app does set later (voiding, revocation). */
const UPDATABLE_COLUMNS: Record<string, string[]> = {
  approvals: ['voided_at', 'void_reason'],
  consent_records: ['revoked_at', 'revoked_by_id', 'revocation_reason'],
};

export function loginOf(url: string): { user: string; password: string } {
  const parsed = new URL(url);
  return {
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

/**
 * Creates the runtime login if it is missing (roles are cluster-wide: a concurrent creator is not
 * an error) and gives it DML on this database's tables, now and for every table the owner
 * creates later (default privileges), minus TRUNCATE everywhere and UPDATE/DELETE on history.
 * Run by the owner after migrating; idempotent. Returns false when both URLs are one login.
 */
export async function grantRuntimeRole(owner: DataSource, runtimeUrl: string): Promise<boolean> {
  const runtime = loginOf(runtimeUrl);
  const [{ current_user: ownerName }] = (await owner.query('SELECT current_user')) as {
    current_user: string;
  }[];
  if (runtime.user === ownerName) return false;
  const role = escapeIdentifier(runtime.user);
  const password = runtime.password ? `PASSWORD ${escapeLiteral(runtime.password)}` : '';
  await owner.query(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${escapeLiteral(runtime.user)}) THEN
        CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS ${password};
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
  const history = INSERT_ONLY_TABLES.join(', ');
  const statements = [
    // Nothing of its own: no tables in public (PostgreSQL before 15 lets everyone create there).
    'REVOKE CREATE ON SCHEMA public FROM PUBLIC',
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`,
    `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${role}`,
    `REVOKE UPDATE, DELETE ON ${history} FROM ${role}`,
    ...Object.entries(UPDATABLE_COLUMNS).map(
      ([table, columns]) => `GRANT UPDATE (${columns.join(', ')}) ON ${table} TO ${role}`,
    ),
    `REVOKE INSERT, UPDATE, DELETE ON migrations FROM ${role}`,
    // The retention cut is the one way old history leaves (it checks age and legal holds).
    `GRANT EXECUTE ON FUNCTION apply_retention(uuid, integer) TO ${role}`,
  ];
  for (const statement of statements) await owner.query(statement);
  return true;
}

/** The pool's timeouts (AppConfig's DB_* settings), in milliseconds. */
export interface SessionTimeouts {
  DB_STATEMENT_TIMEOUT_MS: number;
  DB_LOCK_TIMEOUT_MS: number;
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: number;
}

/**
 * Makes the pool's timeouts the runtime login's defaults in this database, so they hold on
 * connections PgBouncer opens too: in transaction pooling it refuses them as startup parameters
 * (its `ignore_startup_parameters` drops them) and a `SET` would stay on a shared connection.
 * Run by the owner after migrating (it needs CREATEROLE, as creating the login does).
 */
export async function setRuntimeTimeouts(
  owner: { query(sql: string): Promise<unknown> },
  runtimeUrl: string,
  timeouts: SessionTimeouts,
): Promise<void> {
  const settings = {
    statement_timeout: timeouts.DB_STATEMENT_TIMEOUT_MS,
    lock_timeout: timeouts.DB_LOCK_TIMEOUT_MS,
    idle_in_transaction_session_timeout: timeouts.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
  const role = escapeLiteral(loginOf(runtimeUrl).user);
  for (const [name, ms] of Object.entries(settings)) {
    await owner.query(
      `DO $$ BEGIN EXECUTE format('ALTER ROLE %I IN DATABASE %I SET ${name} = %L', ${role}, current_database(), '${Math.trunc(ms)}'); END $$`,
    );
  }
}
