import type { PhiFinding } from '../phi-finding';
import type { ScanDocument } from '../scan-document';
import { overlaps, type Span } from '../scan-text';

const fold = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/**
 * A web address or handle that carries a patient's name ("ellieskidneystory.com",
 * "@lena.fischer.runs") points at that patient, whatever site it is on.
 */
export function detectNamedLinks(
  doc: ScanDocument,
  links: readonly Span[],
  found: readonly PhiFinding[],
): PhiFinding[] {
  const names = new Set(
    doc.patients.flatMap((p) =>
      fold(doc.text.slice(p.start, p.end))
        .split(/[^a-z]+/)
        .filter((w) => w.length >= 3),
    ),
  );
  if (names.size === 0) return [];
  return links
    .filter((l) => !found.some((f) => f.severity === 'block' && overlaps(f, l)))
    .filter((l) => {
      const link = fold(doc.text.slice(l.start, l.end));
      return (
        !doc.allow.hasDomain(link.replace(/^https?:\/\//, '').split('/')[0]) &&
        [...names].some((n) => link.includes(n))
      );
    })
    .map((l) => {
      const handle = doc.text[l.start] === '@';
      return doc.finding(
        handle ? 'identifying_handle' : 'identifying_url',
        'block',
        l,
        `${handle ? 'The handle' : 'The link'} ${doc.text.slice(l.start, l.end)} carries the name of the patient the text is about.`,
      );
    });
}
