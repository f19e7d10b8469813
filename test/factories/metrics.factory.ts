import { randomBytes } from 'node:crypto';
import { INestApplicationContext, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { Client } from 'pg';
import { ConfigModule } from '@rounds/config';
import { DatabaseModule } from '@rounds/database';
import {
  AuditModule,
  ConversationsModule,
  CryptoModule,
  DigestModule,
  LinksModule,
  MetricsModule,
  RetentionModule,
  TokenCipher,
  tokenContext,
} from '@rounds/domain';
import { QueueModule } from '@rounds/queue';
import { startSandbox, type RunningSandbox } from '@rounds/sandbox';
import { startTestApi, type TestApi } from '../support/test-api';
import { addUser, signupOrganization } from './identity.factory';
import { as, inHours } from './posts.factory';

/** The sandbox, and the API pointed at it for both platforms. */
export async function startApiOnSandbox(
  overrides: Record<string, string> = {},
  customize?: Parameters<typeof startTestApi>[1],
) {
  const sandbox: RunningSandbox = await startSandbox();
  const api: TestApi = await startTestApi(
    {
      X_API_BASE_URL: sandbox.url,
      X_AUTHORIZE_URL: `${sandbox.url}/i/oauth2/authorize`,
      GOOGLE_API_BASE_URL: sandbox.url,
      GOOGLE_AUTHORIZE_URL: `${sandbox.url}/google/o/oauth2/v2/auth`,
      GOOGLE_TOKEN_URL: `${sandbox.url}/google/token`,
      ...overrides,
    },
    customize,
  );
  return {
    sandbox,
    api,
    async close() {
      await api.close();
      await sandbox.close();
    },
  };
}

/**
 * The worker's processors given here (the real classes) over the suite's database and queues,
 * with the domain modules the worker imports; the full WorkerModule also runs every other queue.
 */
export function startProcessors(...processors: Provider[]): Promise<INestApplicationContext> {
  return startCustomizedProcessors((builder) => builder, ...processors);
}

/** The same, with providers overridden first (e.g. the push agent that trusts a test endpoint). */
export async function startCustomizedProcessors(
  customize: (builder: TestingModuleBuilder) => TestingModuleBuilder,
  ...processors: Provider[]
): Promise<INestApplicationContext> {
  const moduleRef = await customize(
    Test.createTestingModule({
      imports: [
        ConfigModule,
        DatabaseModule,
        QueueModule,
        DiscoveryModule,
        AuditModule,
        CryptoModule,
        MetricsModule,
        LinksModule,
        ConversationsModule,
        DigestModule,
        RetentionModule,
      ],
      providers: processors,
    }),
  ).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

async function withDatabase<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface SandboxAccount {
  platform: 'x' | 'youtube';
  externalAccountId: string;
  handle: string;
  accessToken: string;
  refreshToken: string;
}

/**
 * A channel connected to a sandbox account, its tokens sealed as the channels feature seals them
 * (the OAuth flow itself is the channels suite's subject).
 */
export async function connectChannel(
  api: TestApi,
  organizationId: string,
  account: SandboxAccount,
) {
  const cipher = new TokenCipher(api.env.ENCRYPTION_KEY);
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO channels (organization_id, platform, external_account_id, handle, display_name, status)
       VALUES ($1, $2, $3, $4, $5, 'connected') RETURNING id`,
      [
        organizationId,
        account.platform,
        account.externalAccountId,
        account.handle,
        `Mercy ${account.platform}`,
      ],
    );
    const id = rows[0].id;
    await client.query(
      'UPDATE channels SET encrypted_access_token = $2, encrypted_refresh_token = $3 WHERE id = $1',
      [
        id,
        cipher.encrypt(account.accessToken, tokenContext(id, 'access')),
        cipher.encrypt(account.refreshToken, tokenContext(id, 'refresh')),
      ],
    );
    return id;
  });
}

/** An organization with a marketer and a compliance officer (who approves their posts). */
export async function newsroom(url: string, timeZone = 'America/Chicago') {
  const org = await signupOrganization(url, timeZone);
  const [marketer, compliance, executive] = await Promise.all([
    addUser(url, org.admin, 'marketer'),
    addUser(url, org.admin, 'compliance'),
    addUser(url, org.admin, 'executive'),
  ]);
  return { id: org.id, admin: org.admin, marketer, compliance, executive };
}
export type Newsroom = Awaited<ReturnType<typeof newsroom>>;

export interface Published {
  externalId: string;
  url: string;
  publishedAt: Date;
}

/**
 * A post created by the marketer and approved by compliance, then marked published as
 * `externalId` at `publishedAt`, as the publisher would after posting it (the publishing suite
 * covers that part).
 */
export async function publishedPost(
  url: string,
  team: Newsroom,
  body: Record<string, unknown>,
  published: Published,
): Promise<{ postId: string; publicationId: string }> {
  const created = await as(url, team.marketer).post('/posts', {
    scheduledAt: inHours(48),
    ...body,
  });
  if (created.status !== 201) throw new Error(`create post: ${created.status} ${created.text}`);
  const postId: string = created.body.id;
  const submitted = await as(url, team.marketer).post(`/posts/${postId}/submit`).expect(200);
  await as(url, team.compliance)
    .post(`/posts/${postId}/approve`, { revisionId: submitted.body.revision.id })
    .expect(200);
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `UPDATE publications SET status = 'published', external_id = $2, url = $3, published_at = $4
       WHERE post_id = $1 RETURNING id`,
      [postId, published.externalId, published.url, published.publishedAt],
    );
    return { postId, publicationId: rows[0].id };
  });
}

/** publishedPost of a plain X post. */
export function publishedXPost(
  url: string,
  team: Newsroom,
  channelId: string,
  published: Published & { text?: string },
) {
  const text =
    published.text ?? `Our flu clinic is open this week ${randomBytes(3).toString('hex')}`;
  return publishedPost(url, team, { channelIds: [channelId], text }, published);
}

/** Runs SQL on the suite's database (assertions on rows the API does not show). */
export const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  withDatabase(async (client) => (await client.query(sql, params)).rows as T[]);
