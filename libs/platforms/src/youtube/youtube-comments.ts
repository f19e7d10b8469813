import type { youtube_v3 } from 'googleapis';
import type { IncomingMessage, PublishedItem } from '../platform-client';
import { isRefusal } from './youtube-errors';
import { watchUrl } from './youtube-media';
import { YoutubeTransport } from './youtube-transport';

const COMMENT_PAGE = 100;
/** Newest comments first; older pages were read by earlier sweeps. */
const COMMENT_PAGES_PER_VIDEO = 5;
/** A thread's replies read when looking for ours: newest threads rarely have more. */
const REPLY_PAGES = 5;

/** Top-level comments by others on these videos, newest first; videos deleted or with comments off are skipped. */
export async function readComments(
  transport: YoutubeTransport,
  accessToken: string,
  videoIds: string[],
): Promise<IncomingMessage[]> {
  const messages: IncomingMessage[] = [];
  for (const videoId of videoIds) {
    try {
      messages.push(...(await videoComments(transport, accessToken, videoId)));
    } catch (error) {
      if (!isRefusal(error, 404) && !isRefusal(error, 403)) throw error;
    }
  }
  return messages;
}

export async function postReply(
  transport: YoutubeTransport,
  accessToken: string,
  parentId: string,
  text: string,
): Promise<PublishedItem> {
  const res = await transport.call('youtube.comment_reply', () =>
    transport.youtube.comments.insert(
      {
        auth: transport.authFor(accessToken),
        part: ['snippet'],
        requestBody: { snippet: { parentId, textOriginal: text } },
      },
      transport.createOptions(),
    ),
  );
  return replyItem(res.data);
}

function replyItem(comment: youtube_v3.Schema$Comment): PublishedItem {
  const id = comment.id ?? '';
  const videoId = comment.snippet?.videoId;
  return {
    externalId: id,
    url: videoId ? `${watchUrl(videoId)}&lc=${id}` : `https://www.youtube.com/comment?lc=${id}`,
  };
}

/**
 * For an in-doubt reply: our channel's reply with exactly `text` under the comment `parentId`
 * (comments.list, the thread's replies), if YouTube has it.
 */
export async function findReply(
  transport: YoutubeTransport,
  accessToken: string,
  input: { parentId: string; channelId: string; text: string },
): Promise<PublishedItem | null> {
  const auth = transport.authFor(accessToken);
  let pageToken: string | undefined;
  for (let page = 0; page < REPLY_PAGES; page += 1) {
    const res = await transport.call('idempotent', () =>
      transport.youtube.comments.list(
        {
          auth,
          part: ['snippet'],
          parentId: input.parentId,
          maxResults: COMMENT_PAGE,
          textFormat: 'plainText',
          pageToken,
        },
        transport.options(),
      ),
    );
    const match = res.data.items?.find(
      ({ snippet }) =>
        snippet?.authorChannelId?.value === input.channelId && snippet.textOriginal === input.text,
    );
    if (match) return replyItem(match);
    pageToken = res.data.nextPageToken ?? undefined;
    if (!pageToken) return null;
  }
  return null;
}

async function videoComments(transport: YoutubeTransport, accessToken: string, videoId: string) {
  const auth = transport.authFor(accessToken);
  const messages: IncomingMessage[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < COMMENT_PAGES_PER_VIDEO; page += 1) {
    const res = await transport.call('idempotent', () =>
      transport.youtube.commentThreads.list(
        {
          auth,
          part: ['snippet'],
          videoId,
          maxResults: COMMENT_PAGE,
          order: 'time',
          textFormat: 'plainText',
          pageToken,
        },
        transport.options(),
      ),
    );
    messages.push(...(res.data.items ?? []).flatMap((thread) => toIncoming(thread) ?? []));
    pageToken = res.data.nextPageToken ?? undefined;
    if (!pageToken) break;
  }
  return messages;
}

/** A comment by someone other than the channel, as an inbox message. */
function toIncoming(thread: youtube_v3.Schema$CommentThread): IncomingMessage | undefined {
  const top = thread.snippet?.topLevelComment;
  const s = top?.snippet;
  if (!top?.id || !s || s.authorChannelId?.value === thread.snippet?.channelId) return undefined;
  const handle = /\/(@[^/?]+)$/.exec(s.authorChannelUrl ?? '')?.[1];
  return {
    externalId: top.id,
    inReplyToExternalId: thread.snippet?.videoId ?? s.videoId ?? '',
    authorHandle: handle ?? s.authorChannelId?.value ?? '',
    authorName: s.authorDisplayName ?? '',
    text: s.textOriginal ?? s.textDisplay ?? '',
    createdAt: new Date(s.publishedAt ?? 0),
  };
}
