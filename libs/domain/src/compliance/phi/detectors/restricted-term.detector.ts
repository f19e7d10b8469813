import type { PhiFinding, RestrictedTermRule } from '../phi-finding';
import type { ScanDocument } from '../scan-document';

const REGEX_TERM = /^\/(.+)\/([a-z]*)$/s;
// Compiled once per distinct term; an organization's list is short and changes rarely.
const compiled = new Map<string, RegExp>();
const CACHE_LIMIT = 5_000;

/** Whether the term is written as a pattern (`/…/flags`) rather than as a word or phrase. */
export const isPatternTerm = (term: string) => REGEX_TERM.test(term);

/** A term written `/…/` is a pattern; anything else is a word or phrase, matched whole, any case. */
export function compileTerm(term: string): RegExp {
  let pattern = compiled.get(term);
  if (pattern) return pattern;
  const regex = REGEX_TERM.exec(term);
  pattern = regex
    ? new RegExp(regex[1], `${regex[2].replace(/[gy]/g, '')}g`)
    : new RegExp(
        String.raw`(?<![\p{L}\p{N}])${term
          .trim()
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\s+/g, String.raw`\s+`)}(?![\p{L}\p{N}])`,
        'giu',
      );
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  compiled.set(term, pattern);
  return pattern;
}

/** The organization's confidential terms: projects, litigation, vendors, code names. */
export function detectRestrictedTerms(
  doc: ScanDocument,
  rules: readonly RestrictedTermRule[],
): PhiFinding[] {
  const findings: PhiFinding[] = [];
  for (const { term, severity } of rules) {
    for (const m of doc.text.matchAll(compileTerm(term))) {
      if (m[0].length === 0) continue;
      findings.push(
        doc.finding(
          'restricted_term',
          severity,
          { start: m.index, end: m.index + m[0].length },
          `"${m[0]}" is on the organization's list of confidential terms.`,
        ),
      );
    }
  }
  return findings;
}
