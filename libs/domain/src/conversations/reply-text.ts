import { parseTweet } from 'twitter-text';
import type { ChannelPlatform } from '../channels/channel.entity';
import { InvalidInputError } from '../common/domain-error';
import { X_MAX_WEIGHTED_LENGTH } from '../posts/post-composer';

/** YouTube's limit for a comment. */
export const YOUTUBE_MAX_COMMENT = 10_000;

/** A reply's text as the platform will take it: not blank, within X's weighted 280 or YouTube's limit. */
export function checkReplyText(
  text: string,
  platform: ChannelPlatform | null,
  field = 'text',
): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new InvalidInputError(field, `${field} must not be empty`);
  if (platform !== 'youtube') {
    const { weightedLength } = parseTweet(trimmed);
    if (weightedLength > X_MAX_WEIGHTED_LENGTH) {
      throw new InvalidInputError(
        field,
        `${field} is ${weightedLength} weighted characters; X allows ${X_MAX_WEIGHTED_LENGTH}`,
      );
    }
  }
  if (trimmed.length > YOUTUBE_MAX_COMMENT) {
    throw new InvalidInputError(field, `${field} allows at most ${YOUTUBE_MAX_COMMENT} characters`);
  }
  return trimmed;
}
