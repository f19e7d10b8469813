import { Badge, Group, Image, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconBrandX, IconBrandYoutube } from '@tabler/icons-react';
import { useMedia, useMediaUrl } from '../compose/media-queries';
import { HighlightedText } from './highlighted-text';
import { contentOf } from './post-model';
import type { Finding, Revision } from './post-model';

const forField = (findings: Finding[], field: string) => findings.filter((f) => f.field === field);

/** A revision's content per platform, with the findings of each text field underlined. */
export function ContentView({ revision, findings }: { revision: Revision; findings: Finding[] }) {
  const content = contentOf(revision);
  return (
    <Stack gap="lg">
      {content.x && (
        <Stack gap="xs">
          <Group gap={6}>
            <IconBrandX size={18} />
            <Text fw={600}>X</Text>
          </Group>
          <HighlightedText text={content.x.text} findings={forField(findings, 'x.text')} />
          {content.x.images.length > 0 && (
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
              {content.x.images.map((image) => (
                <Stack key={image.mediaId} gap={4}>
                  <MediaImage mediaId={image.mediaId} alt={image.altText} />
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    Alt: {image.altText || '—'}
                  </Text>
                </Stack>
              ))}
            </SimpleGrid>
          )}
        </Stack>
      )}
      {content.youtube && (
        <Stack gap="xs">
          <Group gap={6}>
            <IconBrandYoutube size={18} color="#ff0000" />
            <Text fw={600}>YouTube</Text>
          </Group>
          <MediaName mediaId={content.youtube.videoMediaId} />
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            Title
          </Text>
          <HighlightedText
            text={content.youtube.title}
            findings={forField(findings, 'youtube.title')}
          />
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            Description
          </Text>
          <HighlightedText
            text={content.youtube.description}
            findings={forField(findings, 'youtube.description')}
          />
          <Group gap={6}>
            <Badge color="gray">{content.youtube.privacyStatus}</Badge>
            <Badge color={content.youtube.madeForKids ? 'grape' : 'gray'}>
              {content.youtube.madeForKids ? 'Made for kids' : 'Not made for kids'}
            </Badge>
            {content.youtube.tags.map((tag) => (
              <Badge key={tag} color="gray" variant="outline">
                {tag}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

function MediaImage({ mediaId, alt }: { mediaId: string; alt: string }) {
  const url = useMediaUrl(mediaId);
  return <Image src={url} alt={alt} h={100} radius="sm" fit="cover" bg="gray.1" />;
}

function MediaName({ mediaId }: { mediaId: string }) {
  const media = useMedia(mediaId);
  return (
    <Text size="sm">
      Video: <b>{media.data?.originalName ?? '…'}</b>
    </Text>
  );
}
