import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconBrandX, IconBrandYoutube } from '@tabler/icons-react';
import { useMedia } from '../compose/media-queries';
import { HighlightedText } from './highlighted-text';
import { CaptionCues, ImageWithFindings } from './media-text-view';
import type { MediaText } from './media-text-view';
import type { Finding, PostContent, Revision } from './post-model';

type TrackedLink = NonNullable<NonNullable<PostContent['x']>['links']>[number];
type XImage = NonNullable<PostContent['x']>['images'][number];

const forField = (findings: Finding[], field: string) => findings.filter((f) => f.field === field);

const Label = ({ children }: { children: string }) => (
  <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
    {children}
  </Text>
);

/**
 * A revision's content per platform, with the findings of each text field underlined: the post's
 * text, alt texts, tags, captions cue by cue, and boxes round the text read in images.
 */
export function ContentView({
  revision,
  findings,
  mediaTexts,
}: {
  revision: Revision;
  findings: Finding[];
  mediaTexts: MediaText[];
}) {
  const content = revision.content;
  const textOf = (field: string) => mediaTexts.find((t) => t.field === field);
  const captions = textOf('youtube.captions');
  return (
    <Stack gap="lg">
      {content.x && (
        <Stack gap="xs">
          <Group gap={6}>
            <IconBrandX size={18} />
            <Text fw={600}>X</Text>
          </Group>
          {[content.x, ...(content.x.thread ?? [])].map((tweet, index, tweets) => {
            const field = index === 0 ? 'x' : `x.thread[${index - 1}]`;
            return (
              <Stack key={field} gap="xs" data-testid={`tweet-${index + 1}`}>
                {tweets.length > 1 && <Label>{`Tweet ${index + 1} of ${tweets.length}`}</Label>}
                <HighlightedText text={tweet.text} findings={forField(findings, `${field}.text`)} />
                {index === 0 && (
                  <TrackedLinks links={content.x?.links} findings={findings} platform="x" />
                )}
                <TweetImages
                  images={tweet.images}
                  field={field}
                  findings={findings}
                  textOf={textOf}
                />
              </Stack>
            );
          })}
        </Stack>
      )}
      {content.youtube && (
        <Stack gap="xs">
          <Group gap={6}>
            <IconBrandYoutube size={18} color="#ff0000" />
            <Text fw={600}>YouTube</Text>
          </Group>
          <MediaName mediaId={content.youtube.videoMediaId} />
          {content.youtube.thumbnailMediaId && (
            <Stack gap={4} maw={360}>
              <Label>Thumbnail</Label>
              <ImageWithFindings
                mediaId={content.youtube.thumbnailMediaId}
                alt="Video thumbnail"
                findings={forField(findings, 'youtube.thumbnail')}
                text={textOf('youtube.thumbnail')}
              />
            </Stack>
          )}
          <Label>Title</Label>
          <HighlightedText
            text={content.youtube.title}
            findings={forField(findings, 'youtube.title')}
          />
          <Label>Description</Label>
          <HighlightedText
            text={content.youtube.description}
            findings={forField(findings, 'youtube.description')}
          />
          <TrackedLinks links={content.youtube.links} findings={findings} platform="youtube" />
          <Label>Tags</Label>
          {/* Scanned as one text, as the API joins them, so the underlines fall where they were found. */}
          <HighlightedText
            text={content.youtube.tags.join(', ') || '—'}
            findings={forField(findings, 'youtube.tags')}
          />
          <Label>Captions</Label>
          {captions ? (
            <CaptionCues text={captions} findings={forField(findings, 'youtube.captions')} />
          ) : (
            <Text size="sm" c="dimmed">
              No caption track.
            </Text>
          )}
          <Group gap={6}>
            <Badge color="gray">{content.youtube.privacyStatus}</Badge>
            <Badge color={content.youtube.madeForKids ? 'grape' : 'gray'}>
              {content.youtube.madeForKids ? 'Made for kids' : 'Not made for kids'}
            </Badge>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

/** A tweet's images, each with the text read in it and its alt text, findings marked. */
function TweetImages(props: {
  images: XImage[];
  field: string;
  findings: Finding[];
  textOf: (field: string) => MediaText | undefined;
}) {
  const { images, field, findings, textOf } = props;
  if (images.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {images.map((image, i) => (
        <Stack key={image.mediaId} gap={4}>
          <ImageWithFindings
            mediaId={image.mediaId}
            alt={image.altText}
            findings={forField(findings, `${field}.images[${i}]`)}
            text={textOf(`${field}.images[${i}]`)}
          />
          <Text size="xs" c="dimmed" component="div">
            Alt text:{' '}
            <HighlightedText
              text={image.altText || '—'}
              findings={forField(findings, `${field}.images[${i}].altText`)}
            />
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

/**
 * The short links the text carries, each with the address as written (scanned like the text) and
 * the destination it sends visitors to once the post is approved: part of what is approved.
 */
function TrackedLinks(props: {
  links?: TrackedLink[];
  findings: Finding[];
  platform: 'x' | 'youtube';
}) {
  const { links, findings, platform } = props;
  if (!links?.length) return null;
  return (
    <Stack gap={4}>
      <Label>Tracked links</Label>
      {/* Wrapped text rather than a table: long addresses must not widen a phone's page. */}
      <Stack gap={6} data-testid={`tracked-links-${platform}`}>
        {links.map((link, i) => (
          <Text key={link.code} size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
            <b>{link.shortUrl}</b> for{' '}
            <HighlightedText
              text={link.url}
              findings={forField(findings, `${platform}.links[${i}].url`)}
            />
            <Text size="xs" c="gray.7">
              Sends visitors to {link.destination}
            </Text>
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}

function MediaName({ mediaId }: { mediaId: string }) {
  const media = useMedia(mediaId);
  return (
    <Text size="sm">
      Video: <b>{media.data?.originalName ?? '…'}</b>
    </Text>
  );
}
