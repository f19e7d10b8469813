/** Content categories that routing rules raise the approval policy for (README, "Posts, review and compliance"). */
export const CONTENT_CATEGORIES = [
  'patient_story',
  'minors',
  'clinical_claim',
  'drug_or_device',
  'crisis',
] as const;
export type ContentCategory = (typeof CONTENT_CATEGORIES)[number];

/**
 * Keyword hints: a post that reads like one of these categories is routed as one, whatever its
 * author declared. They only ever add reviewers, so they lean towards matching.
 */
const HINTS: Record<ContentCategory, RegExp> = {
  patient_story:
    /\b(patient (story|stories|spotlight)|(his|her|their) (story|journey|fight|battle|recovery)|survivor|testimonial|meet (our )?patient|was (admitted|discharged|diagnosed)|rang the bell|grateful patient|beat (cancer|covid))\b/i,
  minors:
    /\b(baby|babies|newborns?|infants?|toddlers?|nicu|picu|pediatric patients?|little one|\d{1,2}[- ]year[- ]old (boy|girl|son|daughter)|(our|a) young patient)\b/i,
  clinical_claim:
    /\b(cures?|cured|clinically (proven|shown)|proven to|guaranteed?|best (outcomes|results|hospital|care in)|100% (success|effective)|breakthrough|miracle|success rate|survival rate|reduces? (the |your )?risk|eliminates?)\b/i,
  drug_or_device:
    /\b(drugs?|medications?|vaccines?|vaccinations?|fda|devices?|implants?|prescriptions?|dosage|insulin|pacemakers?|stents?|robotic(-assisted)? surgery|clinical trials?)\b/i,
  crisis:
    /\b(active shooter|shooting|lockdown|evacuat\w*|outbreak|mass casualty|explosion|bomb threat|hazmat|shelter in place|power outage|cyber ?attack|ransomware|data breach|code (silver|orange|black))\b/i,
};

/** The categories whose keyword hints match any of the texts. */
export function detectCategories(texts: string[]): ContentCategory[] {
  return CONTENT_CATEGORIES.filter((category) => texts.some((t) => HINTS[category].test(t)));
}

/** Declared and detected categories together, in the canonical order. */
export function mergeCategories(...lists: readonly string[][]): ContentCategory[] {
  const all = new Set(lists.flat());
  return CONTENT_CATEGORIES.filter((c) => all.has(c));
}
