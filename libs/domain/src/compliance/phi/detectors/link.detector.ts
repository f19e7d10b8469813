import { givenName } from '../name-lexicon';
import type { PhiFinding } from '../phi-finding';
import { STRONG_CLINICAL } from '../phi-lexicon';
import type { ScanDocument } from '../scan-document';
import { overlaps, type Span } from '../scan-text';

const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;
const URL =
  /\b(?:https?:\/\/|www\.)[^\s<>"']+|\b(?:[a-z0-9][a-z0-9-]*\.)+(?:com|org|net|edu|gov|me|io|co|us|info|health|care|fund|ly)\b(?:\/[^\s<>"']*)?/gi;
const HANDLE = /(?<![\w@/.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?/g;
const HASHTAG = /(?<![\w&])#[\p{L}\p{N}_]+/gu;
const CLINICAL_HASHTAG =
  /cancer|chemo|nicu|picu|icu|stroke|rehab|surviv|warrior|fighter|recover|transplant|strong|cure|sucks|getwell|prayers/i;
const TRAILING_PUNCTUATION = /[.,!?;:)\]'"’]+$/;

// Crowdfunding and patient-journal sites: a link there is about one person's illness.
const PATIENT_SITES =
  /(?:^|\.)(?:gofundme\.com|gofund\.me|caringbridge\.org|mealtrain\.com|lotsahelpinghands\.com|givesendgo\.com|fundly\.com|youcaring\.com|spot\.fund|plumfund\.com|giveforward\.com|carepages\.com|takethemameal\.com|helphopelive\.org|mightycause\.com|paypal\.me|venmo\.com|cash\.app|vakinha\.com(?:\.\w{2})?|donadora\.org|kueski\.com)$/i;
// A video or a post whose address spells out care: "youtube.com/watch?v=baby-nora-nicu-day45".
const MEDIA_SITES = /(?:^|\.)(?:youtube\.com|youtu\.be|vimeo\.com|twitch\.tv)$/i;
const SOCIAL_SITES =
  /(?:^|\.)(?:facebook\.com|instagram\.com|tiktok\.com|x\.com|twitter\.com|linkedin\.com|threads\.net)$/i;
const FREE_MAIL =
  /^(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|aol|icloud|me|mac|comcast|protonmail|proton|gmx|mail)\.[a-z.]+$/i;

interface LinkScan {
  findings: PhiFinding[];
  handles: Span[];
  /** Web addresses, for the rule that a link carrying a patient's name identifies them. */
  urls: Span[];
  /** Links, emails, handles and hashtags: blanked out of the prose used for cue words. */
  masked: Span[];
}

/** URLs, emails, handles and hashtags, found before anything reads the prose. */
export function scanLinks(doc: ScanDocument): LinkScan {
  const { text } = doc;
  const findings: PhiFinding[] = [];
  const emails = matches(text, EMAIL);
  const urls = matches(text, URL, TRAILING_PUNCTUATION).filter(
    (u) => !emails.some((e) => overlaps(e, u)),
  );
  const taken = [...emails, ...urls];
  const handles = matches(text, HANDLE).filter((h) => !taken.some((t) => overlaps(t, h)));
  const hashtags = matches(text, HASHTAG);
  doc.clinicalHashtag = hashtags.some((h) => CLINICAL_HASHTAG.test(text.slice(h.start, h.end)));
  for (const e of emails) {
    const f = judgeEmail(doc, e);
    if (f) findings.push(f);
  }
  for (const u of urls) {
    const f = judgeUrl(doc, u);
    if (f) findings.push(f);
  }
  return { findings, handles, urls, masked: [...taken, ...handles, ...hashtags] };
}

function judgeEmail(doc: ScanDocument, span: Span): PhiFinding | undefined {
  const email = doc.text.slice(span.start, span.end);
  if (doc.allow.hasEmail(email)) return undefined;
  const [local, domain] = email.toLowerCase().split('@');
  if (FREE_MAIL.test(domain)) {
    return doc.finding(
      'email',
      'block',
      span,
      `A personal email address (${local.slice(0, 4)}…@${domain}) can identify a patient or their family.`,
    );
  }
  const personal =
    /^[a-z]+\.[a-z]+$/.test(local) ||
    /[a-z]{3,}\d{2,4}$/.test(local) ||
    givenName(local.split(/[._]/)[0]) !== undefined;
  if (!personal) return undefined;
  return doc.finding(
    'email',
    'warn',
    span,
    `The email address ${local.slice(0, 4)}…@${domain} looks personal; check it belongs to the organization.`,
  );
}

function judgeUrl(doc: ScanDocument, span: Span): PhiFinding | undefined {
  const url = doc.text.slice(span.start, span.end);
  const withoutScheme = url.replace(/^https?:\/\//i, '');
  const slash = withoutScheme.indexOf('/');
  const host = (slash < 0 ? withoutScheme : withoutScheme.slice(0, slash)).toLowerCase();
  const path = slash < 0 ? '' : withoutScheme.slice(slash + 1);
  if (doc.allow.hasDomain(host)) return undefined;
  if (PATIENT_SITES.test(host.replace(/^www\./, ''))) {
    const severity = path.length > 1 ? 'block' : 'warn';
    return doc.finding(
      'identifying_url',
      severity,
      span,
      `A ${host.replace(/^www\./, '')} link points to one person's illness or fundraiser.`,
    );
  }
  const slug = path.replace(/[^\p{L}\p{N}]+/gu, ' ');
  if (MEDIA_SITES.test(host) && STRONG_CLINICAL.test(slug)) {
    return doc.finding(
      'identifying_url',
      'block',
      span,
      `A ${host.replace(/^www\./, '')} link whose address names someone's care.`,
    );
  }
  if (SOCIAL_SITES.test(host) && path.length > 1) {
    const handle = path.split('/')[0].replace(/^@/, '');
    if (doc.allow.hasHandle(handle)) return undefined;
    const { sentence } = doc.around(span);
    if (!STRONG_CLINICAL.test(sentence) && !STRONG_CLINICAL.test(slug)) return undefined;
    return doc.finding(
      'identifying_url',
      STRONG_CLINICAL.test(slug) ? 'block' : 'warn',
      span,
      `A personal social profile (${host}/${handle.slice(0, 4)}…) is linked next to care details.`,
    );
  }
  return undefined;
}

function matches(text: string, pattern: RegExp, trim?: RegExp): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(pattern)) {
    const value = trim ? m[0].replace(trim, '') : m[0];
    if (value) spans.push({ start: m.index, end: m.index + value.length });
  }
  return spans;
}
