// Fixtures the publishing benchmarks share: organizations, X channels with sealed tokens of
// sandbox accounts, approved posts inserted in bulk, and the publish jobs approval would add.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Client } from 'pg';
import { contentHash, PostContent, publishJob, TokenCipher, tokenContext } from '@rounds/domain';
import type { SandboxControlClient } from '../../apps/sandbox/src/sandbox-control.client';

export interface Account {
  id: string;
  handle: string;
  accessToken: string;
  refreshToken: string;
}

export interface Fixtures {
  channels: { id: string; organizationId: string; account: Account }[];
  authors: Map<string, string>;
}

/** Runs `work` over `items`, `limit` at a time. */
export async function pool<T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  });
  await Promise.all(runners);
  return results;
}

/**
 * The secrets a worker started with NODE_ENV=production insists on, fresh for each run (the
 * production guards refuse the example values); `encryptionKey` seals the fixtures' tokens.
 */
export function benchSecrets(encryptionKey: string): Record<string, string> {
  const random = () => randomBytes(32).toString('base64');
  return {
    JWT_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: encryptionKey,
    AUDIT_SIGNING_KEY: `bench:${random()}`,
    X_CLIENT_SECRET: random(),
    GOOGLE_CLIENT_SECRET: random(),
  };
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Multi-row insert from column arrays (`unnest`), the way bulk fixtures go in. */
export async function insertRows(
  db: Client,
  table: string,
  columns: Record<string, [string, unknown[]]>,
) {
  const names = Object.keys(columns);
  const casts = names.map((name, i) => `$${i + 1}::${columns[name][0]}[]`);
  await db.query(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`,
    names.map((name) => columns[name][1]),
  );
}

/** Organizations, their admins and X channels with sealed tokens of the sandbox accounts. */
export async function insertFixtures(
  db: Client,
  accounts: Account[],
  encryptionKey: string,
  channelsPerOrganization: number,
): Promise<Fixtures> {
  const cipher = new TokenCipher(encryptionKey);
  const organizations = Array.from(
    { length: Math.ceil(accounts.length / channelsPerOrganization) },
    () => randomUUID(),
  );
  const authors = new Map(organizations.map((o) => [o, randomUUID()]));
  await insertRows(db, 'organizations', {
    id: ['uuid', organizations],
    name: ['text', organizations.map((_, i) => `Bench Health ${i + 1}`)],
    time_zone: ['text', organizations.map(() => 'America/Chicago')],
  });
  await insertRows(db, 'users', {
    id: ['uuid', [...authors.values()]],
    organization_id: ['uuid', organizations],
    email: ['text', organizations.map((o) => `admin-${o}@bench.test`)],
    name: ['text', organizations.map(() => 'Bench Admin')],
    role: ['user_role', organizations.map(() => 'admin')],
    password_hash: ['text', organizations.map(() => 'not-a-login')],
  });
  const channels = accounts.map((account, i) => ({
    id: randomUUID(),
    organizationId: organizations[Math.floor(i / channelsPerOrganization)],
    account,
  }));
  await insertRows(db, 'channels', {
    id: ['uuid', channels.map((c) => c.id)],
    organization_id: ['uuid', channels.map((c) => c.organizationId)],
    platform: ['text', channels.map(() => 'x')],
    external_account_id: ['text', channels.map((c) => c.account.id)],
    handle: ['text', channels.map((c) => c.account.handle)],
    display_name: ['text', channels.map((c) => c.account.handle)],
    status: ['text', channels.map(() => 'connected')],
    encrypted_access_token: [
      'text',
      channels.map((c) => cipher.encrypt(c.account.accessToken, tokenContext(c.id, 'access'))),
    ],
    encrypted_refresh_token: [
      'text',
      channels.map((c) => cipher.encrypt(c.account.refreshToken, tokenContext(c.id, 'refresh'))),
    ],
  });
  return { channels, authors };
}

export interface Scheduled {
  publicationId: string;
  organizationId: string;
  text: string;
  at: Date;
}

/** Approved X posts (post, revision, publication), one per `texts`, round-robin over channels. */
export async function insertPosts(
  db: Client,
  fixtures: Fixtures,
  texts: string[],
  at: (i: number) => Date,
): Promise<Scheduled[]> {
  const rows = texts.map((text, i) => {
    const channel = fixtures.channels[i % fixtures.channels.length];
    const content: PostContent = {
      channelIds: [channel.id],
      categories: [],
      x: { text, images: [] },
      youtube: null,
    };
    return {
      postId: randomUUID(),
      revisionId: randomUUID(),
      publicationId: randomUUID(),
      channel,
      author: fixtures.authors.get(channel.organizationId)!,
      content,
      hash: contentHash(content),
      at: at(i),
      text,
    };
  });
  const org = rows.map((r) => r.channel.organizationId);
  await insertRows(db, 'posts', {
    id: ['uuid', rows.map((r) => r.postId)],
    organization_id: ['uuid', org],
    status: ['post_status', rows.map(() => 'scheduled')],
    scheduled_at: ['timestamptz', rows.map((r) => r.at)],
    current_revision_id: ['uuid', rows.map((r) => r.revisionId)],
    approved_revision_id: ['uuid', rows.map((r) => r.revisionId)],
    author_id: ['uuid', rows.map((r) => r.author)],
    last_edited_by_id: ['uuid', rows.map((r) => r.author)],
  });
  await insertRows(db, 'post_revisions', {
    id: ['uuid', rows.map((r) => r.revisionId)],
    organization_id: ['uuid', org],
    post_id: ['uuid', rows.map((r) => r.postId)],
    number: ['int', rows.map(() => 1)],
    content: ['jsonb', rows.map((r) => JSON.stringify(r.content))],
    content_hash: ['text', rows.map((r) => r.hash)],
    edited_by_id: ['uuid', rows.map((r) => r.author)],
  });
  await insertRows(db, 'publications', {
    id: ['uuid', rows.map((r) => r.publicationId)],
    organization_id: ['uuid', org],
    post_id: ['uuid', rows.map((r) => r.postId)],
    channel_id: ['uuid', rows.map((r) => r.channel.id)],
    platform: ['text', rows.map(() => 'x')],
    status: ['publication_status', rows.map(() => 'scheduled')],
    approved_revision_id: ['uuid', rows.map((r) => r.revisionId)],
    approved_content_hash: ['text', rows.map((r) => r.hash)],
  });
  return rows.map((r) => ({
    publicationId: r.publicationId,
    organizationId: r.channel.organizationId,
    text: r.text,
    at: r.at,
  }));
}

/** The jobs approval would have added: one delayed publish job per publication, in bulk. */
export async function enqueue(queue: Queue, posts: Scheduled[]): Promise<void> {
  for (let i = 0; i < posts.length; i += 1_000) {
    const batch = posts.slice(i, i + 1_000).map((p) => publishJob(p, p.at));
    await queue.addBulk(batch.map((job) => ({ ...job, opts: { ...job.opts } })));
  }
}

/** Tweets per text in the sandbox: more than one for a text is a duplicate. */
export async function duplicates(control: SandboxControlClient, texts: string[]): Promise<number> {
  const counts = new Map<string, number>();
  for (const tweet of await control.xTweets())
    counts.set(tweet.text, (counts.get(tweet.text) ?? 0) + 1);
  return texts.reduce((sum, text) => sum + Math.max(0, (counts.get(text) ?? 0) - 1), 0);
}
