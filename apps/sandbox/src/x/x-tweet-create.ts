import { parseTweet } from 'twitter-text';
import { xInvalidRequest, xProblem } from './x-problems';
import { isMediaReady, type XAccount, type XStore, type XTweet } from './x-store';

const ALLOWED_KEYS = new Set(
  'card_uri community_id direct_message_deep_link edit_options for_super_followers_only geo media nullcast poll quote_tweet_id reply reply_settings share_with_followers text'.split(
    ' ',
  ),
);
const MAX_MEDIA = 4;

/** What `POST /2/tweets` answers: the new tweet, or X's refusal. */
export type CreateOutcome =
  { status: 201; tweet: XTweet } | { status: 400 | 403; body: Record<string, unknown> };

/** Applies X's checks in X's order: shape, media, reply target, length, duplicate content. */
export function createTweet(
  store: XStore,
  author: XAccount,
  body: unknown,
  now: Date,
): CreateOutcome {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalid('Request body must be a JSON object.', {});
  }
  const input = body as Record<string, unknown>;
  const unknown = Object.keys(input).filter((k) => !ALLOWED_KEYS.has(k));
  if (unknown.length) {
    return invalid(
      `$.${unknown[0]}: is not defined in the schema and the schema does not allow additional properties`,
      {},
    );
  }
  const text = typeof input.text === 'string' ? input.text : '';
  const media = checkMedia(store, author, input.media, now);
  if ('error' in media) return media.error;
  if (!text.trim() && media.ids.length === 0) {
    return invalid('Tweet text is empty.', { text: [text] });
  }
  const parent = replyTarget(store, input.reply);
  if (parent === 'invalid')
    return invalid('$.reply.in_reply_to_tweet_id: is missing but it is required', {});
  if (parent === 'gone') {
    return forbidden('You attempted to reply to a Tweet that is deleted or not visible to you.');
  }
  if (parseTweet(text).weightedLength > 280) {
    return forbidden(
      'Your Tweet text is too long. For more information on how X determines text length see https://github.com/twitter/twitter-text.',
    );
  }
  if (store.duplicateRule && text.trim() && isDuplicate(store, author.id, text)) {
    return forbidden('You are not allowed to create a Tweet with duplicate content.');
  }
  const id = store.nextId();
  const tweet: XTweet = {
    id,
    authorId: author.id,
    text,
    mediaIds: media.ids,
    mediaKeys: media.ids.map((m) => store.media.get(m)?.mediaKey ?? ''),
    createdAt: now,
    conversationId: parent ? parent.conversationId : id,
    inReplyToTweetId: parent ? parent.id : undefined,
    inReplyToUserId: parent ? parent.authorId : undefined,
  };
  store.addTweet(tweet);
  return { status: 201, tweet };
}

function invalid(message: string, parameters: Record<string, string[]>): CreateOutcome {
  return { status: 400, body: xInvalidRequest(message, parameters) };
}

function forbidden(detail: string): CreateOutcome {
  return { status: 403, body: { ...xProblem(403, detail) } };
}

function checkMedia(
  store: XStore,
  author: XAccount,
  media: unknown,
  now: Date,
): { ids: string[] } | { error: CreateOutcome } {
  if (media === undefined) return { ids: [] };
  const ids = (media as { media_ids?: unknown })?.media_ids;
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > MAX_MEDIA) {
    return { error: invalid(`$.media.media_ids: must have 1 to ${MAX_MEDIA} items`, {}) };
  }
  const usable = ids.every((id) => {
    const item = typeof id === 'string' ? store.media.get(id) : undefined;
    return item && item.ownerIds.includes(author.id) && isMediaReady(item, now);
  });
  if (!usable) {
    return {
      error: invalid('Your media IDs are invalid.', { 'media.media_ids': ids.map(String) }),
    };
  }
  const videos = ids.filter((id) => !store.media.get(id)?.mediaType.startsWith('image/'));
  if (videos.length && ids.length > 1) {
    return { error: invalid('Your media IDs are invalid.', { 'media.media_ids': ids }) };
  }
  return { ids };
}

function replyTarget(store: XStore, reply: unknown): XTweet | undefined | 'invalid' | 'gone' {
  if (reply === undefined) return undefined;
  const id = (reply as { in_reply_to_tweet_id?: unknown })?.in_reply_to_tweet_id;
  if (typeof id !== 'string') return 'invalid';
  return store.liveTweet(id) ?? 'gone';
}

function isDuplicate(store: XStore, authorId: string, text: string): boolean {
  return (store.tweetsByAuthor.get(authorId) ?? []).some((t) => !t.deletedAt && t.text === text);
}
