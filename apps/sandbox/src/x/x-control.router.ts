import { type Response, Router } from 'express';
import { X_DEMO_SCOPES } from '../demo-accounts';
import type { XAccount, XStore, XTweet } from './x-store';

const badRequest = (res: Response, error: string) => res.status(400).json({ error });
const notFound = (res: Response, id: string) =>
  res.status(404).json({ error: `No X account ${id}` });
const nonEmpty = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

/** `/_sandbox/x/*`: what tests see and steer behind the fake X's back. */
export function createXControlRouter(store: XStore, now: () => Date): Router {
  const router = Router();

  router.get('/tweets', (req, res) => {
    const accountId = typeof req.query.accountId === 'string' ? req.query.accountId : undefined;
    const tweets = [...store.tweets.values()].filter((t) => !accountId || t.authorId === accountId);
    res.json({ tweets: tweets.map((t) => describeTweet(store, t)) });
  });

  router.get('/duplicate-rule', (_req, res) => {
    res.json({ enabled: store.duplicateRule });
  });

  router.put('/duplicate-rule', (req, res) => {
    const enabled = req.body?.enabled;
    if (typeof enabled !== 'boolean') return badRequest(res, 'enabled must be true or false');
    store.duplicateRule = enabled;
    res.json({ enabled });
  });

  router.get('/accounts', (_req, res) => {
    res.json({ accounts: [...store.accounts.values()].map(describeAccount) });
  });

  router.post('/accounts', (req, res) => {
    const { handle, name, followers } = req.body ?? {};
    if (handle !== undefined && !/^[A-Za-z0-9_]{1,15}$/.test(String(handle))) {
      return badRequest(res, 'handle must be 1-15 letters, digits or _');
    }
    if (handle && store.findAccount(handle)) return badRequest(res, `handle ${handle} is taken`);
    const n = store.accounts.size + 1;
    const account = store.addAccount({
      handle: handle ?? `SandboxHospital${n}`,
      name: nonEmpty(name) ? name : `Sandbox Hospital ${n}`,
      baseFollowers: Number.isInteger(followers) ? followers : 1_000,
      kind: 'managed',
    });
    res.status(201).json({ ...describeAccount(account), ...grantTokens(store, account) });
  });

  router.post('/accounts/:id/expire-tokens', (req, res) => {
    if (!store.accounts.has(req.params.id)) return notFound(res, req.params.id);
    const expired = tokensOf(store.accessTokens, req.params.id);
    const past = new Date(now().getTime() - 1000);
    expired.forEach((t) => (t.expiresAt = past));
    res.json({ expired: expired.length });
  });

  router.post('/accounts/:id/revoke', (req, res) => {
    if (!store.accounts.has(req.params.id)) return notFound(res, req.params.id);
    const revoked = [
      ...tokensOf(store.accessTokens, req.params.id),
      ...tokensOf(store.refreshTokens, req.params.id),
    ];
    revoked.forEach((t) => (t.revoked = true));
    res.json({ revoked: revoked.length });
  });

  router.post('/mentions', (req, res) => {
    const { accountId, inReplyToTweetId, text, authorHandle, authorName } = req.body ?? {};
    const account = nonEmpty(accountId) ? store.accounts.get(accountId) : undefined;
    if (!account) return badRequest(res, 'accountId must name an X account');
    if (!nonEmpty(text) || !nonEmpty(authorHandle)) {
      return badRequest(res, 'text and authorHandle are required');
    }
    const parent = nonEmpty(inReplyToTweetId) ? store.liveTweet(inReplyToTweetId) : undefined;
    if (inReplyToTweetId !== undefined && parent?.authorId !== account.id) {
      return badRequest(res, 'inReplyToTweetId must be a live tweet of accountId');
    }
    if (!parent && !text.toLowerCase().includes(`@${account.handle.toLowerCase()}`)) {
      return badRequest(res, `a mention that is not a reply must contain @${account.handle}`);
    }
    const author =
      store.findAccount(authorHandle) ??
      store.addAccount({
        handle: authorHandle.replace(/^@/, ''),
        name: nonEmpty(authorName) ? authorName : authorHandle.replace(/^@/, ''),
        baseFollowers: 42,
        kind: 'public',
      });
    const id = store.nextId();
    const tweet: XTweet = {
      id,
      authorId: author.id,
      text,
      mediaIds: [],
      mediaKeys: [],
      createdAt: now(),
      conversationId: parent?.conversationId ?? id,
      inReplyToTweetId: parent?.id,
      inReplyToUserId: parent ? account.id : undefined,
    };
    store.addTweet(tweet);
    res.status(201).json(describeTweet(store, tweet));
  });

  return router;
}

function tokensOf<T extends { accountId: string }>(tokens: Map<string, T>, accountId: string) {
  return [...tokens.values()].filter((t) => t.accountId === accountId);
}

/** Tokens that live until expired or revoked through this API, like the demo accounts' tokens. */
function grantTokens(store: XStore, account: XAccount) {
  const accessToken = store.randomToken();
  const refreshToken = store.randomToken();
  const common = { accountId: account.id, scopes: [...X_DEMO_SCOPES], revoked: false };
  store.accessTokens.set(accessToken, { token: accessToken, ...common });
  store.refreshTokens.set(refreshToken, { token: refreshToken, ...common, used: false });
  return { accessToken, refreshToken };
}

function describeAccount(account: XAccount) {
  const { id, handle, name, kind } = account;
  return { id, handle, name, kind };
}

function describeTweet(store: XStore, tweet: XTweet) {
  return {
    id: tweet.id,
    authorId: tweet.authorId,
    authorHandle: store.accounts.get(tweet.authorId)?.handle,
    text: tweet.text,
    mediaIds: tweet.mediaIds,
    altTexts: tweet.mediaIds.map((m) => store.media.get(m)?.altText ?? null),
    createdAt: tweet.createdAt.toISOString(),
    inReplyToTweetId: tweet.inReplyToTweetId ?? null,
    deletedAt: tweet.deletedAt?.toISOString() ?? null,
  };
}
