import type { PhiFinding } from '../phi-finding';
import type { ScanDocument } from '../scan-document';

const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
// Not a version ("v2.4.1.0") and not part of a longer dotted number.
const IPV4 = new RegExp(
  String.raw`(?<![\w.])(?<!v)${OCTET}(?:\.${OCTET}){3}(?![\w.]*\d)(?!\.\w)`,
  'g',
);
const IPV6 = /(?<![\w:])(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}(?![\w:])/gi;

// The organization's own network, given to every visitor: "type 192.168.100.1 in your browser".
const INSTITUTIONAL =
  /\b(?:guest (?:wi-?fi|network)|in your browser|login page|captive portal|red de invitados|en tu navegador)\b/i;
const PERSONAL =
  /\b(?:my|his|her|their|pt|patient['’]?s?|family|son|daughter|mom|dad|mi|su|paciente|familia)\b/i;

/** IP addresses: in published copy they come from screenshots and logs and trace a person. */
export function detectNetworkAddresses(doc: ScanDocument): PhiFinding[] {
  const findings: PhiFinding[] = [];
  for (const pattern of [IPV4, IPV6]) {
    for (const m of doc.text.matchAll(pattern)) {
      if (pattern === IPV6 && !/\d/.test(m[0])) continue;
      const span = { start: m.index, end: m.index + m[0].length };
      const { sentence } = doc.around(span);
      if (INSTITUTIONAL.test(sentence) && !PERSONAL.test(sentence)) continue;
      findings.push(
        doc.finding(
          'ip_address',
          'block',
          span,
          'An IP address, which can trace a patient or their device.',
        ),
      );
    }
  }
  return findings;
}
