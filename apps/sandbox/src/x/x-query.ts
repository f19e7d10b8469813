import type { Request } from 'express';

const words = (list: string) => list.split(/\s+/).filter(Boolean);

// The allowed values of X's field and expansion parameters, from the OpenAPI document.
const ALLOWED: Record<string, string[]> = {
  'tweet.fields': words(`article attachments author_id card_uri community_id context_annotations
    conversation_id created_at display_text_range edit_controls edit_history_tweet_ids entities geo
    id in_reply_to_user_id lang media_metadata non_public_metrics note_tweet organic_metrics
    possibly_sensitive promoted_metrics public_metrics referenced_tweets reply_settings scopes source
    suggested_source_links suggested_source_links_with_counts text withheld`),
  'user.fields': words(`affiliation confirmed_email connection_status created_at description
    entities id is_identity_verified location most_recent_tweet_id name parody pinned_tweet_id
    profile_banner_url profile_image_url protected public_metrics receives_your_dm subscription
    subscription_type url username verified verified_followers_count verified_type withheld`),
  expansions: words(`article.cover_media article.media_entities attachments.media_keys
    attachments.media_source_tweet attachments.poll_ids author_id edit_history_tweet_ids
    entities.mentions.username geo.place_id in_reply_to_user_id entities.note.mentions.username
    referenced_tweets.id referenced_tweets.id.attachments.media_keys referenced_tweets.id.author_id
    affiliation.user_id most_recent_tweet_id pinned_tweet_id`),
};

/** Thrown for a query parameter X would refuse; the router turns it into X's 400 problem. */
export class XQueryError extends Error {
  constructor(
    readonly parameter: string,
    readonly values: string[],
    message: string,
  ) {
    super(message);
  }
}

export function queryString(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A comma-separated list parameter (`tweet.fields=a,b`), checked against X's allowed values. */
export function queryList(req: Request, name: string): Set<string> {
  const raw = queryString(req, name);
  const values = raw ? raw.split(',').filter(Boolean) : [];
  const allowed = ALLOWED[name];
  const bad = allowed ? values.filter((v) => !allowed.includes(v)) : [];
  if (bad.length) {
    throw new XQueryError(
      name,
      bad,
      `The \`${name}\` query parameter value [${bad.join(',')}] is not one of [${allowed.join(',')}]`,
    );
  }
  return new Set(values);
}

export function queryInt(req: Request, name: string, min: number, max: number, fallback: number) {
  const raw = queryString(req, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new XQueryError(
      name,
      [raw],
      `The \`${name}\` query parameter value [${raw}] is not between ${min} and ${max}`,
    );
  }
  return value;
}

export function queryDate(req: Request, name: string): Date | undefined {
  const raw = queryString(req, name);
  if (raw === undefined) return undefined;
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) {
    throw new XQueryError(name, [raw], `Invalid ${name}: ${raw} is not an ISO 8601 date`);
  }
  return date;
}
