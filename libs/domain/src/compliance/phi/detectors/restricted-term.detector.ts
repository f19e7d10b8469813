import isSafeRegex from 'safe-regex2';
import type { PhiFinding, RestrictedTermRule } from '../phi-finding';
import type { ScanDocument } from '../scan-document';

const REGEX_TERM = /^\/(.+)\/([a-z]*)$/s;
// Compiled once per distinct term; an organization's list is short and changes rarely.
const compiled = new Map<string, RegExp>();
const CACHE_LIMIT = 5_000;

/** The pattern a `/…/flags` term is written as (throws when it does not compile); else undefined. */
export function termPattern(term: string): RegExp | undefined {
  const regex = REGEX_TERM.exec(term);
  return regex ? new RegExp(regex[1], `${regex[2].replace(/[gy]/g, '')}g`) : undefined;
}

/** Whether a pattern may run on every scan: no repetition inside a repetition (safe-regex2). */
export const isSafePattern = (pattern: RegExp): boolean => isSafeRegex(pattern);

/**
 * A term written `/…/` is a pattern; anything else is a word or phrase, matched whole, any case.
 * A pattern that could backtrack for ever (saved before that was refused) is never run: it is
 * matched as the text it is written as.
 */
export function compileTerm(term: string): RegExp {
  let pattern = compiled.get(term);
  if (pattern) return pattern;
  const written = termPattern(term);
  pattern = written && isSafePattern(written) ? written : phrase(term);
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  compiled.set(term, pattern);
  return pattern;
}

const phrase = (term: string) =>
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])${term
      .trim()
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\s+/g, String.raw`\s+`)}(?![\p{L}\p{N}])`,
    'giu',
  );

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
