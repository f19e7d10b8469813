import { Box, Image, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Schemas } from '../api/schema-types';
import { useMediaUrl } from '../compose/media-queries';
import { HighlightedText } from './highlighted-text';
import type { Finding } from './post-model';

export type MediaText = Schemas['MediaTextDto'];

const STATUS_NOTE: Record<MediaText['status'], string | null> = {
  pending: 'Reading the text in this image… approval waits for it.',
  failed: 'The text in this image could not be read: look at it yourself.',
  read: null,
};

/** 00:02.5 — a cue's time, as a caption editor shows it. */
export function cueTime(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const seconds = ((ms % 60_000) / 1000).toFixed(1).padStart(4, '0');
  return `${String(minutes).padStart(2, '0')}:${seconds}`;
}

/** Where a media finding sits: its cue's time range, or its region of the image. */
export function findingPlace(finding: Finding): string | null {
  const { cue, region } = finding.location ?? {};
  if (cue) return `cue ${cue.index + 1}, ${cueTime(cue.startMs)}–${cueTime(cue.endMs)}`;
  if (region) return `image region ${region.width}×${region.height} at (${region.x}, ${region.y})`;
  return null;
}

/** An image (X image or thumbnail) with a box drawn round each region a finding was read in. */
export function ImageWithFindings({
  mediaId,
  alt,
  findings,
  text,
}: {
  mediaId: string;
  alt: string;
  findings: Finding[];
  text: MediaText | undefined;
}) {
  const url = useMediaUrl(mediaId);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const note = text ? STATUS_NOTE[text.status] : null;
  return (
    <Stack gap={4}>
      <Box pos="relative" bg="gray.1" style={{ borderRadius: 4, overflow: 'hidden' }}>
        <Image
          src={url}
          alt={alt}
          onLoad={(e) =>
            setSize({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })
          }
        />
        {size &&
          findings.map((finding) => {
            const region = finding.location?.region;
            if (!region) return null;
            const pct = (v: number, of: number) => `${(100 * v) / of}%`;
            return (
              <Box
                key={finding.id}
                data-testid="image-finding"
                aria-label={`${finding.text}: ${finding.reason}`}
                pos="absolute"
                left={pct(region.x, size.width)}
                top={pct(region.y, size.height)}
                w={pct(region.width, size.width)}
                h={pct(region.height, size.height)}
                style={{
                  border: `2px solid var(--mantine-color-${finding.severity === 'block' ? 'red' : 'orange'}-7)`,
                  borderRadius: 2,
                }}
              />
            );
          })}
      </Box>
      {note && (
        <Text size="xs" c={text?.status === 'failed' ? 'orange.8' : 'dimmed'}>
          {note}
        </Text>
      )}
      {text?.status === 'read' && text.text && (
        <Text size="xs" c="dimmed" component="div">
          Text in image: <HighlightedText text={text.text} findings={findings} />
        </Text>
      )}
    </Stack>
  );
}

/** The caption track cue by cue, with its time range and the findings of each cue underlined. */
export function CaptionCues({ text, findings }: { text: MediaText; findings: Finding[] }) {
  if (text.status === 'failed') {
    return (
      <Text size="sm" c="orange.8">
        The caption track could not be parsed: read it yourself.
      </Text>
    );
  }
  return (
    <Table withRowBorders={false} verticalSpacing={2} aria-label="Captions">
      <Table.Tbody>
        {text.segments.map((segment) => {
          // Findings index the whole transcript; each cue shows those that start in it.
          const inCue = findings
            .filter((f) => f.start >= segment.start && f.start < segment.end)
            .map((f) => ({
              ...f,
              start: f.start - segment.start,
              end: Math.min(f.end, segment.end) - segment.start,
            }));
          return (
            <Table.Tr key={segment.start}>
              <Table.Td w={130} style={{ verticalAlign: 'top' }}>
                <Text size="xs" c="dimmed" ff="monospace">
                  {segment.cue && `${cueTime(segment.cue.startMs)}–${cueTime(segment.cue.endMs)}`}
                </Text>
              </Table.Td>
              <Table.Td>
                <HighlightedText
                  text={text.text.slice(segment.start, segment.end)}
                  findings={inCue}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
