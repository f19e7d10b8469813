import { randomBytes } from 'node:crypto';
import { extractMentions } from 'twitter-text';
import { X_DEMO_ACCOUNTS, X_DEMO_SCOPES } from '../demo-accounts';

export interface XAccount {
  id: string;
  handle: string;
  name: string;
  createdAt: Date;
  /** Followers at `createdAt`; the count grows slowly from there. */
  baseFollowers: number;
  /** Accounts Rounds manages sign in through OAuth; public ones only write mentions. */
  kind: 'managed' | 'public';
}

export interface XAccessToken {
  token: string;
  accountId: string;
  scopes: string[];
  /** undefined: valid until the sandbox restarts (demo tokens). */
  expiresAt?: Date;
  revoked: boolean;
}

export interface XRefreshToken {
  token: string;
  accountId: string;
  scopes: string[];
  /** undefined: any client may use it (demo tokens). */
  clientId?: string;
  used: boolean;
  revoked: boolean;
}

export interface XAuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  accountId: string;
  expiresAt: Date;
}

export interface XTweet {
  id: string;
  authorId: string;
  text: string;
  mediaIds: string[];
  mediaKeys: string[];
  createdAt: Date;
  conversationId: string;
  inReplyToTweetId?: string;
  inReplyToUserId?: string;
  deletedAt?: Date;
}

export interface XMedia {
  id: string;
  mediaKey: string;
  ownerIds: string[];
  mediaType: string;
  category: string;
  totalBytes: number;
  /** Bytes received per segment index; the bytes themselves are not kept. */
  segments: Map<number, number>;
  finalizedAt?: Date;
  /** Videos and GIFs: when processing is over. */
  readyAt?: Date;
  expiresAt: Date;
  altText?: string;
}

/** Finalized, processed and not expired: it can go on a tweet. */
export function isMediaReady(media: XMedia, now: Date): boolean {
  return (
    media.finalizedAt !== undefined &&
    (media.readyAt === undefined || media.readyAt <= now) &&
    media.expiresAt > now
  );
}

// X's snowflake epoch: ids carry their creation time, so they sort by time like the real ones.
const X_EPOCH = 1288834974657n;

/** Everything the fake X holds. Routers read and write it; `reset` brings back the boot state. */
export class XStore {
  accounts = new Map<string, XAccount>();
  accessTokens = new Map<string, XAccessToken>();
  refreshTokens = new Map<string, XRefreshToken>();
  authCodes = new Map<string, XAuthCode>();
  tweets = new Map<string, XTweet>();
  tweetsByAuthor = new Map<string, XTweet[]>();
  /** Replies to an account's tweets and tweets naming its @handle, oldest first. */
  mentionsByAccount = new Map<string, XTweet[]>();
  media = new Map<string, XMedia>();
  rateWindows = new Map<string, { count: number; resetAt: number }>();
  /** X refuses a text the account already has live; off, a double send shows as a second tweet. */
  duplicateRule = true;
  private idByHandle = new Map<string, string>();
  private lastId = 0n;

  constructor(private readonly now: () => Date) {
    this.seed();
  }

  reset(): void {
    for (const map of [
      this.accounts,
      this.accessTokens,
      this.refreshTokens,
      this.authCodes,
      this.tweets,
      this.tweetsByAuthor,
      this.mentionsByAccount,
      this.idByHandle,
      this.media,
      this.rateWindows,
    ]) {
      map.clear();
    }
    this.duplicateRule = true;
    this.seed();
  }

  /** A snowflake id: strictly increasing, time-ordered. */
  nextId(): string {
    const fromTime = (BigInt(this.now().getTime()) - X_EPOCH) << 22n;
    this.lastId = fromTime > this.lastId ? fromTime : this.lastId + 1n;
    return this.lastId.toString();
  }

  randomToken(): string {
    return randomBytes(32).toString('base64url');
  }

  addAccount(input: Omit<XAccount, 'id' | 'createdAt'> & { id?: string }): XAccount {
    const account: XAccount = { ...input, id: input.id ?? this.nextId(), createdAt: this.now() };
    this.accounts.set(account.id, account);
    this.idByHandle.set(account.handle.toLowerCase(), account.id);
    return account;
  }

  findAccount(idOrHandle: string): XAccount | undefined {
    const id = this.idByHandle.get(idOrHandle.replace(/^@/, '').toLowerCase()) ?? idOrHandle;
    return this.accounts.get(id);
  }

  addTweet(tweet: XTweet): void {
    this.tweets.set(tweet.id, tweet);
    pushTo(this.tweetsByAuthor, tweet.authorId, tweet);
    const mentioned = new Set(extractMentions(tweet.text).map((h) => this.findAccount(h)?.id));
    if (tweet.inReplyToUserId) mentioned.add(tweet.inReplyToUserId);
    mentioned.delete(tweet.authorId);
    for (const accountId of mentioned) {
      if (accountId) pushTo(this.mentionsByAccount, accountId, tweet);
    }
  }

  liveTweet(id: string): XTweet | undefined {
    const tweet = this.tweets.get(id);
    return tweet && !tweet.deletedAt ? tweet : undefined;
  }

  private seed(): void {
    for (const demo of X_DEMO_ACCOUNTS) {
      this.addAccount({
        id: demo.id,
        handle: demo.handle,
        name: demo.name,
        baseFollowers: demo.followers,
        kind: 'managed',
      });
      const common = { accountId: demo.id, scopes: [...X_DEMO_SCOPES], revoked: false };
      this.accessTokens.set(demo.accessToken, { token: demo.accessToken, ...common });
      this.refreshTokens.set(demo.refreshToken, {
        token: demo.refreshToken,
        ...common,
        used: false,
      });
    }
  }
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
