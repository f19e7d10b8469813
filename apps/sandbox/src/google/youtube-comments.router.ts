import { Request, Router } from 'express';
import type { youtube_v3 } from 'googleapis';
import {
  apiCall,
  Caller,
  listParam,
  maxResultsParam,
  optionalParam,
  paginate,
  partsParam,
} from './google-api-call';
import { GoogleApiError, googleErrors } from './google-api-error';
import { GoogleState, StoredComment } from './google-state';
import { listResponse, renderComment, renderCommentThread } from './youtube-resources';

const THREAD_PARTS = ['id', 'snippet', 'replies'];
const FILTERS = ['videoId', 'allThreadsRelatedToChannelId', 'channelId', 'id'];
const MAX_TEXT = 10_000;

const newestFirst = (a: StoredComment, b: StoredComment) =>
  b.publishedAt.getTime() - a.publishedAt.getTime();

/** commentThreads.list/insert and comments.list/insert (replies) at /youtube/v3. */
export function createYoutubeCommentsRouter(state: GoogleState): Router {
  const router = Router();

  router.get(
    '/youtube/v3/commentThreads',
    apiCall(state, 'commentThreads.list', (req, res, caller) => {
      const parts = partsParam(req, THREAD_PARTS);
      const textFormat = optionalParam(req, 'textFormat') ?? 'html';
      const threads = threadsMatching(state, req, caller).sort(newestFirst);
      const { page, ...paging } = paginate(req, threads, maxResultsParam(req, 20, 100));
      const items = page.map((top) => renderCommentThread(state, top, parts, textFormat));
      res.json(listResponse('commentThread', items, paging));
    }),
  );

  router.post(
    '/youtube/v3/commentThreads',
    apiCall(state, 'commentThreads.insert', (req, res, caller) => {
      const parts = partsParam(req, THREAD_PARTS);
      const { snippet = {} } = (req.body ?? {}) as youtube_v3.Schema$CommentThread;
      const video = commentableVideo(state, caller, snippet.videoId);
      const text = commentText(snippet.topLevelComment?.snippet?.textOriginal);
      const comment = state.addComment(video, { ...authorOf(caller), text });
      res.json(renderCommentThread(state, comment, parts, 'html'));
    }),
  );

  router.get(
    '/youtube/v3/comments',
    apiCall(state, 'comments.list', (req, res, caller) => {
      partsParam(req, ['id', 'snippet']);
      const textFormat = optionalParam(req, 'textFormat') ?? 'html';
      const comments = commentsMatching(state, req, caller).sort(newestFirst);
      const { page, ...paging } = paginate(req, comments, maxResultsParam(req, 20, 100));
      const items = page.map((comment) => renderComment(state, comment, textFormat));
      res.json(listResponse('comment', items, paging));
    }),
  );

  router.post(
    '/youtube/v3/comments',
    apiCall(state, 'comments.insert', (req, res, caller) => {
      partsParam(req, ['id', 'snippet']);
      const { snippet = {} } = (req.body ?? {}) as youtube_v3.Schema$Comment;
      const parent = state.comments.get(snippet.parentId ?? '');
      const video = parent && state.video(parent.videoId);
      if (!parent || parent.parentId || !video) {
        throw googleErrors.notFound(
          'parentCommentNotFound',
          'The specified parent comment could not be found.',
          'youtube.comment',
        );
      }
      const text = commentText(snippet.textOriginal);
      const reply = state.addComment(video, { ...authorOf(caller), text, parentId: parent.id });
      res.json(renderComment(state, reply, 'html'));
    }),
  );

  return router;
}

function threadsMatching(state: GoogleState, req: Request, caller: Caller): StoredComment[] {
  const given = FILTERS.filter((name) => optionalParam(req, name) !== undefined);
  if (given.length !== 1) {
    throw new GoogleApiError(
      400,
      'missingRequiredParameter',
      `No filter selected. Expected one of: ${FILTERS.join(', ')}`,
      { domain: 'youtube.parameter' },
    );
  }
  const tops = [...state.comments.values()].filter((c) => !c.parentId && state.video(c.videoId));
  switch (given[0]) {
    case 'videoId': {
      const video = commentableVideo(state, caller, optionalParam(req, 'videoId'));
      return tops.filter((c) => c.videoId === video.id);
    }
    case 'id': {
      const ids = listParam(req, 'id');
      return tops.filter((c) => ids.includes(c.id));
    }
    default: {
      const channelId = optionalParam(req, given[0]);
      if (!channelId || !state.accounts.has(channelId)) {
        throw googleErrors.notFound(
          'channelNotFound',
          'The channel could not be found.',
          'youtube.commentThread',
        );
      }
      return tops.filter((c) => c.channelId === channelId && visible(state, c.videoId, caller));
    }
  }
}

/** comments.list takes exactly one of `id` and `parentId` (a thread's replies). */
function commentsMatching(state: GoogleState, req: Request, caller: Caller): StoredComment[] {
  const parentId = optionalParam(req, 'parentId');
  const ids = optionalParam(req, 'id') === undefined ? undefined : listParam(req, 'id');
  if ((parentId === undefined) === (ids === undefined)) {
    throw new GoogleApiError(
      400,
      'missingRequiredParameter',
      'No filter selected. Expected one of: id, parentId',
      { domain: 'youtube.parameter' },
    );
  }
  return [...state.comments.values()].filter(
    (c) =>
      (ids ? ids.includes(c.id) : c.parentId === parentId) && visible(state, c.videoId, caller),
  );
}

const visible = (state: GoogleState, videoId: string, caller: Caller) => {
  const video = state.video(videoId);
  return (
    !!video && (video.privacyStatus !== 'private' || video.channelId === caller.account.channelId)
  );
};

function commentableVideo(state: GoogleState, caller: Caller, videoId: string | null | undefined) {
  const video = videoId ? state.video(videoId) : undefined;
  if (!video || !visible(state, video.id, caller)) {
    throw googleErrors.notFound(
      'videoNotFound',
      'The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#videoId">videoId</a></code> parameter could not be found.',
      'youtube.commentThread',
    );
  }
  return video;
}

function commentText(text: string | null | undefined): string {
  if (!text || text.trim() === '') {
    throw googleErrors.badRequest(
      'commentTextRequired',
      'The comment resource that is being inserted must specify a value for the snippet.textOriginal property.',
      'youtube.comment',
    );
  }
  if (text.length > MAX_TEXT) {
    throw googleErrors.badRequest(
      'commentTextTooLong',
      'The comment resource that is being inserted or updated contains too many characters in the snippet.textOriginal property.',
      'youtube.comment',
    );
  }
  return text;
}

const authorOf = (caller: Caller) => ({
  authorName: caller.account.title,
  authorChannelId: caller.account.channelId,
});
