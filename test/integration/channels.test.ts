import request from 'supertest';
import { startSandbox, type RunningSandbox } from '../../apps/sandbox/src/sandbox';
import { GOOGLE_DEMO_ACCOUNTS } from '../../apps/sandbox/src/google/google-demo-accounts';
import {
  connectThroughOAuth,
  consent,
  followCallback,
  listChannels,
  startConnection,
} from '../factories/channels.factory';
import { addUser, signupOrganization, TestOrganization } from '../factories/identity.factory';
import { approvedPost, as, hospital, Hospital, inHours } from '../factories/posts.factory';
import { startTestApi, TestApi } from '../support/test-api';

describe('channels: connecting X and YouTube through OAuth', () => {
  let sandbox: RunningSandbox;
  let api: TestApi;
  let org: TestOrganization;

  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await startTestApi({
      X_API_BASE_URL: sandbox.url,
      X_AUTHORIZE_URL: `${sandbox.url}/i/oauth2/authorize`,
      GOOGLE_API_BASE_URL: sandbox.url,
      GOOGLE_AUTHORIZE_URL: `${sandbox.url}/google/o/oauth2/v2/auth`,
      GOOGLE_TOKEN_URL: `${sandbox.url}/google/token`,
    });
    org = await signupOrganization(api.url);
  });
  afterAll(async () => {
    await api.close();
    await sandbox.close();
  });

  it('connects an X account with PKCE and offline access, tokens sealed at rest', async () => {
    const started = await startConnection(api.url, org.admin, 'x');
    const authorize = new URL(started.authorizeUrl);
    expect(authorize.origin + authorize.pathname).toBe(`${sandbox.url}/i/oauth2/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('s256');
    expect(authorize.searchParams.get('scope')).toContain('offline.access');
    expect(started.cookie).toMatch(/^rounds_oauth_x=/);

    const landing = await followCallback(
      api.url,
      await consent(started.authorizeUrl),
      started.cookie,
    );
    expect(landing).toMatchObject({ status: 303, path: '/channels', error: null });

    const [channel] = await listChannels(api.url, org.admin);
    expect(channel).toMatchObject({
      id: landing.connected,
      platform: 'x',
      status: 'connected',
      handle: expect.stringMatching(/^SandboxHospital\d+$/),
      scopes: expect.arrayContaining(['tweet.write', 'offline.access', 'media.write']),
    });
    expect(JSON.stringify(channel)).not.toMatch(/token/i);
    const [row] = await api.dataSource.query(
      'SELECT encrypted_access_token, encrypted_refresh_token FROM channels WHERE id = $1',
      [channel.id],
    );
    expect(row.encrypted_access_token).toMatch(/^v1\.test\./);
    expect(row.encrypted_refresh_token).toMatch(/^v1\.test\./);
  });

  it('connects a YouTube channel with offline access and audits the connection', async () => {
    const demo = GOOGLE_DEMO_ACCOUNTS[1];
    const started = await startConnection(api.url, org.admin, 'youtube');
    const authorize = new URL(started.authorizeUrl);
    expect(authorize.searchParams.get('access_type')).toBe('offline');
    const id = await connectThroughOAuth(api.url, org.admin, 'youtube', demo.channelId);
    const channels = await listChannels(api.url, org.admin);
    expect(channels.find((c) => c.id === id)).toMatchObject({
      platform: 'youtube',
      externalAccountId: demo.channelId,
      displayName: demo.title,
    });
    const audit = await request(api.url)
      .get(`/api/v1/audit?subjectType=channel&subjectId=${id}`)
      .auth(org.admin.accessToken, { type: 'bearer' })
      .expect(200);
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual(['channel.connected']);
  });

  it('uses a state once: replaying the callback is refused', async () => {
    const started = await startConnection(api.url, org.admin, 'x');
    const callback = await consent(started.authorizeUrl);
    expect((await followCallback(api.url, callback, started.cookie)).connected).toBeTruthy();
    const replay = await followCallback(api.url, callback, started.cookie);
    expect(replay).toMatchObject({ path: '/channels', connected: null });
    expect(replay.error).toContain('already used');
  });

  it('refuses a callback in a browser other than the one that started it', async () => {
    const started = await startConnection(api.url, org.admin, 'x');
    const callback = await consent(started.authorizeUrl);
    const other = await followCallback(api.url, callback, 'rounds_oauth_x=someone-else');
    expect(other.error).toContain('another browser');
    // Spent by that attempt: the right browser cannot use it afterwards either.
    expect((await followCallback(api.url, callback, started.cookie)).error).toContain(
      'already used',
    );
  });

  it('refuses a state that expired', async () => {
    const started = await startConnection(api.url, org.admin, 'x');
    await api.dataSource.query(
      `UPDATE channel_authorizations SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`,
    );
    const landing = await followCallback(
      api.url,
      await consent(started.authorizeUrl),
      started.cookie,
    );
    expect(landing.error).toContain('longer than 10 minutes');
  });

  it('refuses a state made up by someone else, and the admin’s refusal on the consent page', async () => {
    const made = await followCallback(
      api.url,
      `${api.url}/api/v1/channels/x/callback?code=c&state=forged`,
      '',
    );
    expect(made.error).toContain('unknown');
    const started = await startConnection(api.url, org.admin, 'x');
    const state = new URL(started.authorizeUrl).searchParams.get('state');
    const denied = await followCallback(
      api.url,
      `${api.url}/api/v1/channels/x/callback?error=access_denied&state=${state}`,
      started.cookie,
    );
    expect(denied.error).toContain('access_denied');
  });

  it('lets only admins connect and disconnect; every role that reads content lists', async () => {
    const marketer = await addUser(api.url, org.admin, 'marketer');
    const executive = await addUser(api.url, org.admin, 'executive');
    await request(api.url)
      .post('/api/v1/channels/x/connect')
      .auth(marketer.accessToken, { type: 'bearer' })
      .expect(403);
    expect((await listChannels(api.url, executive)).length).toBeGreaterThan(0);
  });
});

describe('channels: disconnecting', () => {
  let sandbox: RunningSandbox;
  let api: TestApi;
  let h: Hospital;

  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await startTestApi({
      X_API_BASE_URL: sandbox.url,
      X_AUTHORIZE_URL: `${sandbox.url}/i/oauth2/authorize`,
    });
    h = await hospital(api.url);
  });
  afterAll(async () => {
    await api.close();
    await sandbox.close();
  });

  it('erases the tokens, holds the posts that would use it, and records who did it', async () => {
    const channelId = await connectThroughOAuth(api.url, h.admin, 'x');
    const post = await approvedPost(api.url, h, {
      channelIds: [channelId],
      scheduledAt: inHours(24),
      text: 'Our new pediatric wing opens Monday.',
    });
    expect(post.status).toBe('scheduled');

    const gone = await request(api.url)
      .delete(`/api/v1/channels/${channelId}`)
      .auth(h.admin.accessToken, { type: 'bearer' })
      .expect(200);
    expect(gone.body).toMatchObject({ id: channelId, status: 'disconnected' });
    expect((await listChannels(api.url, h.admin)).map((c) => c.id)).not.toContain(channelId);
    expect(
      (await listChannels(api.url, h.admin, '?includeDisconnected=true')).map((c) => c.id),
    ).toContain(channelId);

    const [row] = await api.dataSource.query(
      'SELECT encrypted_access_token, encrypted_refresh_token FROM channels WHERE id = $1',
      [channelId],
    );
    expect(row).toEqual({ encrypted_access_token: null, encrypted_refresh_token: null });
    const held = await as(api.url, h.marketer).get(`/posts/${post.id}`).expect(200);
    expect(held.body.status).toBe('held');
    expect(held.body.publications.map((p: { status: string }) => p.status)).toEqual(['held']);

    const audit = await as(api.url, h.admin).get(
      `/audit?subjectType=channel&subjectId=${channelId}`,
    );
    expect(audit.body[0]).toMatchObject({
      action: 'channel.disconnected',
      actorId: h.admin.userId,
      data: expect.objectContaining({ heldPostIds: [post.id] }),
    });
  });

  it('answers 404 for another organization’s channel', async () => {
    const channelId = await connectThroughOAuth(api.url, h.admin, 'x');
    const other = await signupOrganization(api.url);
    await request(api.url)
      .delete(`/api/v1/channels/${channelId}`)
      .auth(other.admin.accessToken, { type: 'bearer' })
      .expect(404);
  });
});
