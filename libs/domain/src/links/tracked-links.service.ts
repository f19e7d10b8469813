import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@rounds/config';
import { InvalidInputError } from '../common';
import type { Actor } from '../identity';
import { newShortCode, ShortLinkFormat } from './short-code';
import { bindLinks, findLinksByCode, insertReservation } from './tracked-links.repository';
import { LinkAttribution, withUtm } from './utm';

export const MAX_TRACKED_URL = 2000;

/** A reserved short link, before any post carries it. */
export interface LinkReservation {
  code: string;
  shortUrl: string;
  url: string;
}

/** A tracked link as a post's content holds it: part of what an approval covers. */
export interface TrackedLink extends LinkReservation {
  /** The URL with UTM parameters: where the short link sends visitors once approved. */
  destination: string;
}

/** A text of a post for one platform, whose short links are to be tracked for it. */
export interface TrackedText extends LinkAttribution {
  /** The request field, for errors: `x.text`, `youtube.description`. */
  field: string;
  text: string;
}

/** Reserves first-party short links, and reads which of them a post's text carries. */
@Injectable()
export class TrackedLinksService {
  readonly format: ShortLinkFormat;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.format = new ShortLinkFormat(config.SHORT_LINK_BASE_URL ?? config.PUBLIC_URL);
  }

  /** A new code for `url`; the composer puts its short link in the text in place of the URL. */
  async reserve(actor: Actor, url: string): Promise<LinkReservation> {
    const address = this.checkUrl(url);
    // A taken code is a one-in-10^11 event: draw again.
    for (let draw = 0; draw < 3; draw++) {
      const code = newShortCode();
      const reservation = { code, url: address, createdById: actor.userId };
      if (await insertReservation(this.dataSource.manager, actor.organizationId, reservation)) {
        return { code, shortUrl: this.format.url(code), url: address };
      }
    }
    throw new Error('three short codes drawn in a row were taken');
  }

  /**
   * The short links in the text, each with its destination for this post and platform. Each must
   * be the organization's and not carried by another post or platform; a link no post carries yet
   * becomes this one's.
   */
  async linksIn(
    tx: EntityManager,
    organizationId: string,
    tracked: TrackedText,
  ): Promise<TrackedLink[]> {
    const codes = this.format.codesIn(tracked.text);
    const rows = await findLinksByCode(tx, organizationId, codes);
    const byCode = new Map(rows.map((row) => [row.code, row]));
    const links = codes.map((code) => {
      const row = byCode.get(code);
      const shortUrl = this.format.url(code);
      if (!row) {
        throw new InvalidInputError(
          tracked.field,
          `${tracked.field}: ${shortUrl} is not a link your organization tracks; track the address again`,
        );
      }
      const owned = row.postId === tracked.postId && row.platform === tracked.platform;
      if (row.postId !== null && !owned) {
        throw new InvalidInputError(
          tracked.field,
          `${tracked.field}: ${shortUrl} is tracked for another post or platform; track the address again here`,
        );
      }
      return {
        row,
        link: { code, shortUrl, url: row.url, destination: withUtm(row.url, tracked) },
      };
    });
    const unbound = links.filter(({ row }) => row.postId === null).map(({ row }) => row.id);
    await bindLinks(tx, organizationId, unbound, tracked);
    return links.map(({ link }) => link);
  }

  private checkUrl(value: string): string {
    const refuse = (rule: string) => {
      throw new InvalidInputError('url', `url ${rule}`);
    };
    if (value.length > MAX_TRACKED_URL) refuse(`must be at most ${MAX_TRACKED_URL} characters`);
    let url: URL;
    try {
      url = new URL(value.trim());
    } catch {
      return refuse('must be an absolute address, e.g. https://example.org/page');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') refuse('must be http or https');
    if (url.username || url.password) refuse('must not carry a user name or password');
    if (this.format.isOwn(url)) refuse('is already a tracked short link');
    return url.toString();
  }
}
