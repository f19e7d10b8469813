import { Client } from 'pg';
import { POSTGRES_ADMIN_URL } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${process.env.ROUNDS_TEMPLATE_DB} WITH (FORCE)`);
  await client.end();
}
