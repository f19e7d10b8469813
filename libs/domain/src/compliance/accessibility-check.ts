import type { FindingSeverity } from './phi/phi-finding';
import { type PostContent, xImages } from '../posts/post-content';
import { FindingDraft } from './finding-draft';

/** An image without alt text or a video without a caption track is a finding. */
export function accessibilityFindings(
  content: PostContent,
  severity: FindingSeverity,
): FindingDraft[] {
  const base = { source: 'accessibility' as const, severity, start: 0, end: 0, text: '' };
  const findings: FindingDraft[] = xImages(content.x)
    .filter(({ image }) => image.altText.trim() === '')
    .map(({ field }) => ({
      ...base,
      field: `${field}.altText`,
      kind: 'missing_alt_text',
      reason: 'This image has no alt text, so screen-reader users cannot know what it shows.',
    }));
  if (content.youtube && !content.youtube.captionMediaId) {
    findings.push({
      ...base,
      field: 'youtube.captionMediaId',
      kind: 'missing_captions',
      reason: 'This video has no caption track for deaf and hard-of-hearing viewers.',
    });
  }
  return findings;
}
