import { DataSource } from 'typeorm';

export interface PublishedPostsSeed {
  organizationId: string;
  userId: string;
  /** Publications go round the channels in turn. */
  channels: { id: string; platform: 'x' | 'youtube' }[];
  count: number;
  /** Published evenly between `newestDaysAgo + spanDays` and `newestDaysAgo` days ago. */
  newestDaysAgo: number;
  spanDays: number;
}

/**
 * Published posts with their revision and publication, written by the server in three statements.
 * Leaves `bench_gen` (i, post_id, revision_id, publication_id, channel_id, platform, published_at)
 * for the caller's metrics; drop it when done.
 */
export async function insertPublishedPosts(ds: DataSource, seed: PublishedPostsSeed) {
  const { organizationId, userId, channels } = seed;
  await ds.query(
    `CREATE TABLE bench_gen AS
     SELECT i, gen_random_uuid() AS post_id, gen_random_uuid() AS revision_id,
            gen_random_uuid() AS publication_id, ($2::uuid[])[1 + i % $3] AS channel_id,
            ($4::text[])[1 + i % $3] AS platform,
            now() - $5 * interval '1 day' - (i::float8 / $1) * $6 * interval '1 day' AS published_at
     FROM generate_series(0, $1 - 1) i`,
    [
      seed.count,
      channels.map((c) => c.id),
      channels.length,
      channels.map((c) => c.platform),
      seed.newestDaysAgo,
      seed.spanDays,
    ],
  );
  await ds.query(
    `INSERT INTO posts (id, organization_id, status, scheduled_at, current_revision_id,
       approved_revision_id, author_id, last_edited_by_id)
     SELECT post_id, $1, 'published', published_at, revision_id, revision_id, $2, $2 FROM bench_gen`,
    [organizationId, userId],
  );
  await ds.query(
    `INSERT INTO post_revisions (id, organization_id, post_id, number, content, content_hash, edited_by_id)
     SELECT revision_id, $1, post_id, 1,
            jsonb_build_object('channelIds', jsonb_build_array(channel_id), 'categories', '[]'::jsonb,
              'x', CASE WHEN platform = 'x' THEN jsonb_build_object('text', 'Health tip #' || i, 'images', '[]'::jsonb) END,
              'youtube', CASE WHEN platform = 'youtube' THEN jsonb_build_object('title', 'Video #' || i) END),
            md5(i::text) || md5(i::text), $2
     FROM bench_gen`,
    [organizationId, userId],
  );
  await ds.query(
    `INSERT INTO publications (id, organization_id, post_id, channel_id, platform, status,
       approved_revision_id, approved_content_hash, external_id, url, published_at)
     SELECT publication_id, $1, post_id, channel_id, platform, 'published', revision_id,
            md5(i::text) || md5(i::text), 'ext' || i, 'https://x.com/bench/status/' || i, published_at
     FROM bench_gen`,
    [organizationId],
  );
}
