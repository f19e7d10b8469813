import { Alert, Stack, Table, Text } from '@mantine/core';
import type { Channel } from '../channels/channels-queries';
import { channelLabel } from '../channels/channels-queries';
import type { PostDetail, PostContent, Revision } from '../posts/post-model';
import { wordDiff } from './word-diff';
import classes from './revision-diff.module.css';

/** The newest earlier revision someone approved or rejected: what the reviewer last saw. */
export function lastReviewed(post: PostDetail): Revision | null {
  const reviewed = new Set(post.approvals.map((a) => a.revisionId));
  return post.revisions.find((r) => r.id !== post.revision.id && reviewed.has(r.id)) ?? null;
}

function fields(content: PostContent, channels: Channel[]): [string, string][] {
  const name = (id: string) => {
    const channel = channels.find((c) => c.id === id);
    return channel ? channelLabel(channel) : id.slice(0, 8);
  };
  const yt = content.youtube;
  const links = [...(content.x?.links ?? []), ...(yt?.links ?? [])];
  return [
    ['Channels', content.channelIds.map(name).join(', ')],
    ['Categories', content.categories.join(', ')],
    ['X text', content.x?.text ?? ''],
    ['Image alt text', content.x?.images.map((i) => i.altText).join(' | ') ?? ''],
    // Each tweet of the thread on its own lines, numbered as the review page numbers them.
    [
      'Thread',
      (content.x?.thread ?? [])
        .map((tweet, i) => `${i + 2}. ${tweet.text}${altTexts(tweet.images)}`)
        .join('\n'),
    ],
    ['Video file', yt?.videoMediaId ? `file ${yt.videoMediaId.slice(0, 8)}` : ''],
    ['YouTube title', yt?.title ?? ''],
    ['YouTube description', yt?.description ?? ''],
    ['Tags', yt?.tags.join(', ') ?? ''],
    ['Privacy', yt?.privacyStatus ?? ''],
    ['Made for kids', yt ? (yt.madeForKids ? 'yes' : 'no') : ''],
    ['Link destinations', links.map((l) => `${l.shortUrl} → ${l.destination}`).join('\n')],
  ];
}

const altTexts = (images: { altText: string }[]) =>
  images.length ? ` [alt: ${images.map((i) => i.altText).join(' | ')}]` : '';

/** What changed since the reviewed revision, field by field, words taken out and put in. */
export function RevisionDiff({ post, channels }: { post: PostDetail; channels: Channel[] }) {
  const base = lastReviewed(post);
  if (!base) {
    return (
      <Alert color="gray" title="First review">
        No earlier revision of this post was reviewed: all of it is new to compliance.
      </Alert>
    );
  }
  const before = fields(base.content, channels);
  const after = fields(post.revision.content, channels);
  const changed = after.filter(([, value], i) => value !== before[i][1]);
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Revision {post.revision.number} against revision {base.number}, the last one reviewed.
      </Text>
      {changed.length === 0 ? (
        <Text size="sm">The content is the same as the reviewed revision.</Text>
      ) : (
        <Table verticalSpacing="xs" data-testid="revision-diff">
          <Table.Tbody>
            {changed.map(([label, value]) => {
              const old = before.find(([l]) => l === label)![1];
              return (
                <Table.Tr key={label}>
                  <Table.Td w={150} valign="top">
                    <Text size="sm" fw={600}>
                      {label}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {wordDiff(old, value).map((part, i) =>
                        part.kind === 'same' ? (
                          <span key={i}>{part.text}</span>
                        ) : part.kind === 'added' ? (
                          <ins key={i} className={classes.added}>
                            {part.text}
                          </ins>
                        ) : (
                          <del key={i} className={classes.removed}>
                            {part.text}
                          </del>
                        ),
                      )}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
