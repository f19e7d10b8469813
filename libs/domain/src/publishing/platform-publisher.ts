import type { PublishedItem } from '@rounds/platforms';
import type { PublishContext } from './publish-context';

/** One platform's way to put an approved publication out. */
export interface PlatformPublisher {
  /** Work that creates nothing visible, or is idempotent (uploads), before the post is created. */
  prepare(ctx: PublishContext, accessToken: string): Promise<string[]>;
  /** The one call that makes the post public; its outcome can be unknown. */
  create(ctx: PublishContext, accessToken: string, prepared: string[]): Promise<PublishedItem>;
  /** For an in-doubt publication: the post on the platform if it went out, else null. */
  find(ctx: PublishContext, accessToken: string): Promise<PublishedItem | null>;
}

/** A platform may show a post a little before the time we asked (clock skew, our early start). */
export const LOOKBACK_MS = 60_000;
