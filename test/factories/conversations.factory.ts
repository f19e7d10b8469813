import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createChannel } from './posts.factory';

/**
 * A mention in the organization's inbox, written straight into the suite's database (startTestApi
 * sets DATABASE_URL): messages arrive from the platforms, not through a route.
 */
export async function createConversationMessage(
  organizationId: string,
  message: { text?: string; category?: string; categoryReasons?: string[] } = {},
): Promise<string> {
  const channelId = await createChannel(organizationId, 'x');
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO conversation_messages (organization_id, channel_id, platform, external_id,
         in_reply_to_external_id, author_handle, author_name, text, received_at, category,
         category_reasons)
       VALUES ($1, $2, 'x', $3, $3, 'neighbor', 'A Neighbor', $4, now(), $5, $6)
       RETURNING id`,
      [
        organizationId,
        channelId,
        randomBytes(8).readBigUInt64BE().toString(),
        message.text ?? 'When does the clinic open?',
        message.category ?? null,
        message.categoryReasons ?? [],
      ],
    );
    return rows[0].id;
  } finally {
    await client.end();
  }
}
