import type { PublishedItem } from '@rounds/platforms';
import type { PublishContext } from './publish-context';

/**
 * Opens one create call: announces it under the claim, and throws when nothing may be sent. Called
 * right before each call that makes something public (each tweet of a thread).
 */
export type SendGate = () => Promise<void>;

/**
 * What an in-doubt lookup found: the whole post, nothing (it may yet be absent), or `resume`: the
 * part of a thread that was in flight is there and kept, nothing else is in flight, and the rest
 * is to be sent.
 */
export type Lookup = PublishedItem | null | 'resume';

/** One platform's way to put an approved publication out. */
export interface PlatformPublisher<Prepared = string[]> {
  /** Work that creates nothing visible, or is idempotent (uploads), before the post is created. */
  prepare(ctx: PublishContext, accessToken: string): Promise<Prepared>;
  /** The calls that make the post public, each opened by `gate`; any outcome can be unknown. */
  create(
    ctx: PublishContext,
    accessToken: string,
    prepared: Prepared,
    gate: SendGate,
  ): Promise<PublishedItem>;
  /** For an in-doubt publication: what of it is on the platform. */
  find(ctx: PublishContext, accessToken: string): Promise<Lookup>;
}

/** A platform may show a post a little before the time we asked (clock skew, our early start). */
export const LOOKBACK_MS = 60_000;
