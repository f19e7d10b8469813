import type { ScanContext } from './phi-finding';

const STREET_WORDS: Record<string, string> = {
  st: 'street',
  ave: 'avenue',
  av: 'avenue',
  rd: 'road',
  blvd: 'boulevard',
  dr: 'drive',
  ln: 'lane',
  ct: 'court',
  pl: 'place',
  pkwy: 'parkway',
  hwy: 'highway',
  n: 'north',
  s: 'south',
  e: 'east',
  w: 'west',
};

/** "2400 Wayne Ave." and "2400 Wayne Avenue, Dayton" share the key "2400 wayne". */
function addressKey(address: string): string {
  const words = address
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => STREET_WORDS[w] ?? w)
    .filter((w) => !['north', 'south', 'east', 'west'].includes(w));
  return words.slice(0, 2).join(' ');
}

const lastTenDigits = (phone: string) => phone.replace(/\D/g, '').slice(-10);
const bareHandle = (handle: string) => handle.replace(/^@/, '').toLowerCase();

/** The organization's own contact points and published staff, normalized once per scan. */
export class AllowList {
  private readonly phones: Set<string>;
  private readonly domains: string[];
  private readonly emails: Set<string>;
  private readonly handles: Set<string>;
  private readonly addresses: Set<string>;
  /** Lowercased name tokens of each staff member or donor the organization names. */
  readonly staff: string[][];

  constructor(context: ScanContext = {}) {
    const allow = context.allowList ?? {};
    this.phones = new Set((allow.phones ?? []).map(lastTenDigits));
    this.domains = (allow.domains ?? []).map((d) => d.toLowerCase().replace(/^www\./, ''));
    this.emails = new Set((allow.emails ?? []).map((e) => e.toLowerCase()));
    this.handles = new Set((allow.handles ?? []).map(bareHandle));
    this.addresses = new Set((allow.addresses ?? []).map(addressKey));
    this.staff = (allow.names ?? []).map((n) =>
      n
        .toLowerCase()
        .split(/[\s.]+/)
        .filter(Boolean),
    );
  }

  hasPhone(phone: string): boolean {
    return this.phones.has(lastTenDigits(phone));
  }

  hasDomain(host: string): boolean {
    const h = host.toLowerCase().replace(/^www\./, '');
    return this.domains.some((d) => h === d || h.endsWith(`.${d}`));
  }

  hasEmail(email: string): boolean {
    const lower = email.toLowerCase();
    return this.emails.has(lower) || this.hasDomain(lower.slice(lower.indexOf('@') + 1));
  }

  hasHandle(handle: string): boolean {
    return this.handles.has(bareHandle(handle));
  }

  hasAddress(address: string): boolean {
    return this.addresses.has(addressKey(address));
  }

  isStaff(tokens: readonly string[]): boolean {
    const lower = tokens.map((t) => t.toLowerCase());
    // "Angela" after "Angela Brooks, RN" is the same person, and so is "Brooks".
    return this.staff.some((name) => {
      const last = name[name.length - 1];
      if (lower.length === 1) return lower[0] === last || lower[0] === name[0];
      return lower.includes(last) && lower.includes(name[0]);
    });
  }
}
