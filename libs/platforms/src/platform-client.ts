/** What Rounds needs from a social platform; X and YouTube implement it with their real clients. */
export type Platform = 'x' | 'youtube';

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  /** When the access token stops working; undefined when the platform did not say. */
  expiresAt?: Date;
  scopes: string[];
}

export interface PlatformAccount {
  externalId: string;
  handle: string;
  displayName: string;
}

export interface AuthorizationRequest {
  url: string;
  /** PKCE verifier to keep server-side until the callback (X only). */
  codeVerifier?: string;
}

export interface PublishedItem {
  externalId: string;
  url: string;
}

/** Counters as the platform reports them; absent ones are undefined. */
export interface MetricCounters {
  impressions?: number;
  views?: number;
  likes: number;
  reposts?: number;
  replies?: number;
  quotes?: number;
  bookmarks?: number;
  comments?: number;
}

export interface IncomingMessage {
  externalId: string;
  /** The post, tweet or video it answers. */
  inReplyToExternalId: string;
  authorHandle: string;
  authorName: string;
  text: string;
  createdAt: Date;
}
