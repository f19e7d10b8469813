import type { youtube_v3 } from 'googleapis';
import { googleErrors } from './google-api-error';
import { PrivacyStatus, VideoFields } from './google-state';

const PRIVACY: readonly string[] = ['private', 'unlisted', 'public'];
const LICENSES: readonly string[] = ['youtube', 'creativeCommon'];
/** Categories a US channel may assign (videoCategories.list assignable=true). */
const CATEGORIES = new Set([
  '1',
  '2',
  '10',
  '15',
  '17',
  '19',
  '20',
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '28',
  '29',
]);

const DEFAULTS: VideoFields = {
  title: '',
  description: '',
  tags: [],
  categoryId: '22',
  privacyStatus: 'public',
  madeForKids: false,
  embeddable: true,
  license: 'youtube',
  publicStatsViewable: true,
};

const invalid = (reason: string, message: string, field: string) =>
  googleErrors.badRequest(reason, message, 'youtube.video', `body.${field}`);

/**
 * The fields a videos.insert or videos.update body sets, validated as YouTube does. On update,
 * each part named in `parts` replaces the stored one, so omitted fields return to their defaults
 * (an omitted publishAt clears the schedule).
 */
export function readVideoFields(
  resource: youtube_v3.Schema$Video,
  parts: Set<string>,
  now: Date,
  current?: VideoFields & { publishedAt?: Date },
): VideoFields {
  const fields: VideoFields = { ...DEFAULTS, ...current };
  if (parts.has('snippet')) {
    Object.assign(fields, readSnippet(resource.snippet ?? {}, current !== undefined));
  }
  if (parts.has('status')) {
    Object.assign(fields, readStatus(resource.status ?? {}, fields, now));
    if (fields.publishAt && current?.publishedAt) {
      throw invalid(
        'invalidPublishAt',
        'A video that has been published cannot be scheduled again.',
        'status.publishAt',
      );
    }
  }
  return fields;
}

function readSnippet(
  snippet: youtube_v3.Schema$VideoSnippet,
  updating: boolean,
): Partial<VideoFields> {
  const { title, description = '', tags = [], categoryId } = snippet;
  if (!title || title.length > 100 || /[<>]/.test(title)) {
    throw invalid(
      'invalidTitle',
      'The request metadata specifies an invalid or empty video title.',
      'snippet.title',
    );
  }
  if (Buffer.byteLength(description ?? '') > 5000 || /[<>]/.test(description ?? '')) {
    throw invalid(
      'invalidDescription',
      'The request metadata specifies an invalid video description.',
      'snippet.description',
    );
  }
  const tagChars = (tags ?? []).reduce(
    (sum, tag) => sum + tag.length + (tag.includes(' ') ? 2 : 0),
    0,
  );
  if (tagChars + Math.max(0, (tags ?? []).length - 1) > 500) {
    throw invalid(
      'invalidTags',
      'The request metadata specifies invalid video keywords.',
      'snippet.tags',
    );
  }
  if ((updating && !categoryId) || (categoryId && !CATEGORIES.has(categoryId))) {
    throw invalid(
      'invalidCategoryId',
      'The snippet.categoryId property specifies an invalid category ID.',
      'snippet.categoryId',
    );
  }
  return {
    title,
    description: description ?? '',
    tags: tags ?? [],
    categoryId: categoryId ?? DEFAULTS.categoryId,
  };
}

function readStatus(
  status: youtube_v3.Schema$VideoStatus,
  base: VideoFields,
  now: Date,
): Partial<VideoFields> {
  const privacyStatus = status.privacyStatus ?? base.privacyStatus;
  if (!PRIVACY.includes(privacyStatus)) {
    throw invalid(
      'invalidVideoMetadata',
      'The request metadata specifies an invalid privacy status.',
      'status.privacyStatus',
    );
  }
  const publishAt = status.publishAt ? new Date(status.publishAt) : undefined;
  const badSchedule =
    publishAt &&
    (Number.isNaN(publishAt.getTime()) || publishAt <= now || privacyStatus !== 'private');
  if (badSchedule) {
    throw invalid(
      'invalidPublishAt',
      'The request metadata specifies an invalid scheduled publishing time.',
      'status.publishAt',
    );
  }
  const license = status.license ?? DEFAULTS.license;
  if (!LICENSES.includes(license)) {
    throw invalid(
      'invalidLicense',
      'The request metadata specifies an invalid license.',
      'status.license',
    );
  }
  return {
    privacyStatus: privacyStatus as PrivacyStatus,
    publishAt,
    madeForKids: status.selfDeclaredMadeForKids ?? base.madeForKids,
    embeddable: status.embeddable ?? DEFAULTS.embeddable,
    license,
    publicStatsViewable: status.publicStatsViewable ?? DEFAULTS.publicStatsViewable,
  };
}
