import type { FieldMediaText } from '../media/text/media-text.service';
import { segmentsOf } from '../media/text/media-text';
import type { FindingLocation } from './compliance-finding.entity';
import type { FindingDraft } from './finding-draft';
import type { PhiFinding } from './phi/phi-finding';

const UNREADABLE: Record<FieldMediaText['source'], string> = {
  captions:
    'This caption track could not be parsed, so it was not scanned; read it before approving.',
  image:
    'The text in this image could not be read, so it was not scanned; look at it before approving.',
};

/**
 * Scans the text of each caption track and image as one more field of the post; each finding
 * names the media and the cue or region its span came from.
 */
export function mediaTextFindings(
  texts: FieldMediaText[],
  scan: (text: string) => PhiFinding[],
): FindingDraft[] {
  return texts.flatMap((media): FindingDraft[] => {
    const { field, mediaId } = media;
    if (media.status === 'failed') {
      const reason = UNREADABLE[media.source];
      const span = { start: 0, end: 0, text: '' };
      return [
        {
          source: 'phi',
          field,
          mediaId,
          kind: 'unreadable_media',
          severity: 'warn',
          reason,
          ...span,
        },
      ];
    }
    return scan(media.text).map((finding) => ({
      source: 'phi',
      field,
      ...finding,
      mediaId,
      location: locate(media, finding),
    }));
  });
}

/** The cue (first to last touched) or the region (union of the lines touched) of a span. */
function locate(media: FieldMediaText, span: PhiFinding): FindingLocation | null {
  const touched = segmentsOf(media, span);
  const cues = touched.flatMap((s) => (s.cue ? [s.cue] : []));
  if (cues.length > 0) return { cue: { ...cues[0], endMs: cues[cues.length - 1].endMs } };
  const regions = touched.flatMap((s) => (s.region ? [s.region] : []));
  if (regions.length === 0) return null;
  const x = Math.min(...regions.map((r) => r.x));
  const y = Math.min(...regions.map((r) => r.y));
  const right = Math.max(...regions.map((r) => r.x + r.width));
  const bottom = Math.max(...regions.map((r) => r.y + r.height));
  return { region: { x, y, width: right - x, height: bottom - y } };
}
