import { randomInt } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** 62^10 ≈ 8.4 × 10^17 codes: guessing one of a million live links takes ~10^11 tries. */
export const SHORT_CODE_LENGTH = 10;

const CODE = `[0-9A-Za-z]{${SHORT_CODE_LENGTH}}`;
const WHOLE_CODE = new RegExp(`^${CODE}$`);

/** A fresh code from the system's CSPRNG, each character drawn without modulo bias. */
export function newShortCode(): string {
  return Array.from({ length: SHORT_CODE_LENGTH }, () => BASE62[randomInt(BASE62.length)]).join('');
}

/** Anything else in /l/:code is answered 404 without a lookup. */
export const isShortCode = (value: string) => WHOLE_CODE.test(value);

/** `<base>/l/<code>`; the base is SHORT_LINK_BASE_URL or PUBLIC_URL, without a trailing slash. */
export class ShortLinkFormat {
  private readonly base: string;
  private readonly inText: RegExp;

  constructor(base: string) {
    this.base = base.replace(/\/+$/, '');
    const escaped = this.base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Not followed by another code character or a path: the short link is the whole URL.
    this.inText = new RegExp(`${escaped}/l/(${CODE})(?![0-9A-Za-z/])`, 'g');
  }

  url(code: string): string {
    return `${this.base}/l/${code}`;
  }

  /** The codes of the short links in a text, each once, in the order they first appear. */
  codesIn(text: string): string[] {
    return [...new Set([...text.matchAll(this.inText)].map((m) => m[1]))];
  }

  /** Whether a URL points at the short links themselves (tracking one would make a chain). */
  isOwn(url: URL): boolean {
    return url.origin === new URL(this.base).origin && url.pathname.startsWith('/l/');
  }
}
