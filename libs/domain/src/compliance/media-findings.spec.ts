import type { FieldMediaText } from '../media/text/media-text.service';
import { mediaTextFindings } from './media-findings';
import type { PhiFinding } from './phi/phi-finding';

// A stand-in scanner that blocks every run of 8 digits: the locating is under test, not the scan.
const digits = (text: string): PhiFinding[] =>
  [...text.matchAll(/\d{8}/g)].map((m) => ({
    kind: 'record_number',
    severity: 'block',
    start: m.index,
    end: m.index + 8,
    text: m[0],
    reason: 'a record number',
  }));

const image: FieldMediaText = {
  field: 'x.images[1]',
  mediaId: 'm1',
  source: 'image',
  status: 'read',
  text: 'Bed 4\nMRN 48213377',
  segments: [
    { start: 0, end: 5, region: { x: 10, y: 10, width: 50, height: 20 } },
    { start: 6, end: 18, region: { x: 12, y: 40, width: 90, height: 22 } },
  ],
};

describe('mediaTextFindings', () => {
  it('points a finding in an image at the media and the region of its line', () => {
    expect(mediaTextFindings([image], digits)).toEqual([
      {
        source: 'phi',
        field: 'x.images[1]',
        kind: 'record_number',
        severity: 'block',
        start: 10,
        end: 18,
        text: '48213377',
        reason: 'a record number',
        mediaId: 'm1',
        location: { region: { x: 12, y: 40, width: 90, height: 22 } },
      },
    ]);
  });

  it('spans the cues a caption finding runs across', () => {
    const captions: FieldMediaText = {
      field: 'youtube.captions',
      mediaId: 'c1',
      source: 'captions',
      status: 'read',
      text: 'MRN 4821\n3377',
      segments: [
        { start: 0, end: 8, cue: { index: 0, startMs: 0, endMs: 1000 } },
        { start: 9, end: 13, cue: { index: 1, startMs: 1000, endMs: 2000 } },
      ],
    };
    const scan = (): PhiFinding[] => [{ ...digits('48213377')[0], start: 4, end: 13 }];
    expect(mediaTextFindings([captions], scan)[0].location).toEqual({
      cue: { index: 0, startMs: 0, endMs: 2000 },
    });
  });

  it('warns about a file that could not be read and says nothing of one still pending', () => {
    const failed = { ...image, status: 'failed' as const, text: '', segments: [] };
    const pending = { ...image, field: 'youtube.thumbnail', status: 'pending' as const, text: '' };
    expect(mediaTextFindings([failed, pending], digits)).toEqual([
      expect.objectContaining({ field: 'x.images[1]', kind: 'unreadable_media', severity: 'warn' }),
    ]);
  });
});
