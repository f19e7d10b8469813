import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { ExpiringCache, NotFoundError } from '../common';
import { LinkClickCounter } from './link-click-counter';
import { classifyVisit } from './link-visitors';
import { isShortCode } from './short-code';
import { findLiveLink, LiveLink } from './tracked-links.repository';

/** A link's destination is fixed at approval; an edit can only clear it before publication. */
const FOUND_TTL_MS = 60_000;
/** Unknown codes are remembered briefly, so a scan of codes does not become a scan of the table. */
const MISSING_TTL_MS = 5_000;
const CACHED_CODES = 50_000;

/**
 * `GET /l/:code`: one cached lookup, then the visit counted in Redis. No cookie is set and
 * nothing about the visitor is kept: only the link, the day and whether it was a person.
 */
@Injectable()
export class LinkRedirects {
  private readonly cache = new ExpiringCache<LiveLink | null>(CACHED_CODES);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly counter: LinkClickCounter,
  ) {}

  /** Where the link sends its visitor; 404 for a code that is unknown or not approved. */
  async follow(
    code: string,
    method: string,
    userAgent: string | undefined,
    now = new Date(),
  ): Promise<string> {
    const link = await this.lookup(code);
    if (!link) throw new NotFoundError('link');
    const day = DateTime.fromJSDate(now, { zone: link.timeZone }).toISODate()!;
    this.counter.count(link.id, day, classifyVisit(method, userAgent));
    return link.destination;
  }

  private async lookup(code: string): Promise<LiveLink | null> {
    if (!isShortCode(code)) return null;
    const cached = this.cache.get(code);
    if (cached !== undefined) return cached;
    const link = await findLiveLink(this.dataSource.manager, code);
    this.cache.set(code, link, link ? FOUND_TTL_MS : MISSING_TTL_MS);
    return link;
  }
}
