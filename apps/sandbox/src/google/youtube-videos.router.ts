import { Router } from 'express';
import type { youtube_v3 } from 'googleapis';
import {
  apiCall,
  Caller,
  listParam,
  maxResultsParam,
  optionalParam,
  paginate,
  partsParam,
  requiredParam,
} from './google-api-call';
import { GoogleApiError, googleErrors } from './google-api-error';
import { GoogleState, StoredVideo } from './google-state';
import {
  listResponse,
  renderChannel,
  renderPlaylistItem,
  renderVideo,
  uploadsPlaylistId,
  VIDEO_PARTS,
} from './youtube-resources';
import { readVideoFields } from './youtube-video-fields';

const CHANNEL_PARTS = [
  'id',
  'snippet',
  'statistics',
  'contentDetails',
  'brandingSettings',
  'status',
  'topicDetails',
  'localizations',
];
const MAX_IDS = 50;

/** A video the caller may see: private ones only by their owner. */
const visibleTo = (video: StoredVideo | undefined, caller: Caller) =>
  video && (video.privacyStatus !== 'private' || video.channelId === caller.account.channelId)
    ? video
    : undefined;

/** A video the caller owns, or Google's 404 / 403. */
export function ownedVideo(
  state: GoogleState,
  caller: Caller,
  id: string | null | undefined,
  action: string,
) {
  const video = id ? state.video(id) : undefined;
  if (!video) {
    throw googleErrors.notFound(
      'videoNotFound',
      `The video that you are trying to ${action} cannot be found.`,
    );
  }
  if (video.channelId !== caller.account.channelId) {
    throw googleErrors.forbidden(
      `The video that you are trying to ${action} belongs to another channel.`,
    );
  }
  return video;
}

/** videos.list/update/delete, channels.list and playlistItems.list at /youtube/v3. */
export function createYoutubeVideosRouter(state: GoogleState): Router {
  const router = Router();

  router.get(
    '/youtube/v3/videos',
    apiCall(state, 'videos.list', (req, res, caller) => {
      const parts = partsParam(req, VIDEO_PARTS);
      const ids = listParam(req, 'id');
      if (ids.length === 0) {
        throw new GoogleApiError(
          400,
          'missingRequiredParameter',
          'No filter selected. Expected one of: chart, id, myRating',
          { domain: 'youtube.parameter' },
        );
      }
      if (ids.length > MAX_IDS) {
        throw googleErrors.badRequest(
          'invalidFilters',
          'The request specifies an invalid filter parameter.',
          'youtube.parameter',
          'id',
        );
      }
      const videos = ids.flatMap((id) => visibleTo(state.video(id), caller) ?? []);
      res.json(
        listResponse(
          'video',
          videos.map((video) => renderVideo(state, video, parts)),
        ),
      );
    }),
  );

  router.put(
    '/youtube/v3/videos',
    apiCall(state, 'videos.update', (req, res, caller) => {
      const parts = partsParam(req, VIDEO_PARTS);
      const body = (req.body ?? {}) as youtube_v3.Schema$Video;
      const video = ownedVideo(state, caller, body.id, 'update');
      const { privacyStatus, ...fields } = readVideoFields(body, parts, state.now(), video);
      Object.assign(video, fields);
      state.setPrivacy(video, privacyStatus);
      res.json(renderVideo(state, video, parts));
    }),
  );

  router.delete(
    '/youtube/v3/videos',
    apiCall(state, 'videos.delete', (req, res, caller) => {
      const video = ownedVideo(state, caller, requiredParam(req, 'id'), 'delete');
      video.deletedAt = state.now();
      res.status(204).end();
    }),
  );

  router.get(
    '/youtube/v3/channels',
    apiCall(state, 'channels.list', (req, res, caller) => {
      const parts = partsParam(req, CHANNEL_PARTS);
      const mine = optionalParam(req, 'mine') === 'true';
      const accounts = mine
        ? [caller.account]
        : listParam(req, 'id').flatMap((id) => state.accounts.get(id) ?? []);
      res.json(
        listResponse(
          'channel',
          accounts.map((account) => renderChannel(state, account, parts)),
        ),
      );
    }),
  );

  router.get(
    '/youtube/v3/playlistItems',
    apiCall(state, 'playlistItems.list', (req, res, caller) => {
      partsParam(req, ['id', 'snippet', 'contentDetails', 'status']);
      const playlistId = requiredParam(req, 'playlistId');
      const channel = [...state.accounts.keys()].find((id) => uploadsPlaylistId(id) === playlistId);
      if (!channel) {
        throw googleErrors.notFound(
          'playlistNotFound',
          "The playlist identified with the request's <code>playlistId</code> parameter cannot be found.",
          'youtube.playlistItem',
        );
      }
      const uploads = state
        .allVideos()
        .filter(
          (video) => video.channelId === channel && !video.deletedAt && visibleTo(video, caller),
        )
        .sort((a, b) => b.uploadedAt.getTime() - a.uploadedAt.getTime());
      const { page, ...paging } = paginate(req, uploads, maxResultsParam(req, 5, 50));
      const items = page.map((video) => renderPlaylistItem(state, video, uploads.indexOf(video)));
      res.json(listResponse('playlistItem', items, paging));
    }),
  );

  return router;
}
