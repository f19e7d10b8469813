import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/**
 * A notification for one user, written straight into the suite's database (startTestApi sets
 * DATABASE_URL): notifications are created by posts and channels, not by a route of their own.
 */
export async function createNotification(organizationId: string, userId: string): Promise<string> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO notifications (organization_id, user_id, kind, subject_id, title, body)
       VALUES ($1, $2, 'post_submitted', $3, 'A post awaits review', 'Flu clinic hours') RETURNING id`,
      [organizationId, userId, randomUUID()],
    );
    return rows[0].id;
  } finally {
    await client.end();
  }
}
