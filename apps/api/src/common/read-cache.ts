import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { AppConfig } from '@rounds/config';
import { ReadArea, ReadVersionsService } from '@rounds/domain';
import type { AuthenticatedRequest } from './access.decorators';

/** What a list answers: the body to serialize and the headers that go with it (a page's cursor). */
export interface ReadAnswer {
  body: unknown;
  headers?: Record<string, string>;
}

export interface ReadOptions {
  /** Names the list in its ETag (`"calendar-…"`). */
  view: string;
  area: ReadArea;
  /**
   * What the answer depends on besides the organization, the area's version, the caller's role
   * and the URL: the caller themselves where it says what they may do, the time where it is "now".
   */
  varies?: string[];
}

interface Serialized {
  json: Buffer;
  /** The same bytes gzipped, for the browsers that accept it (all do); absent when tiny. */
  gzipped?: Buffer;
  headers: Record<string, string>;
}

const KEPT_PRIVATE = {
  'Cache-Control': 'private, no-cache',
  Vary: 'Authorization, Cookie, Accept-Encoding',
};
/** Below this, gzip's header and the work of inflating cost more than the bytes saved. */
const WORTH_COMPRESSING = 1024;
const gzipped = promisify(gzip);

/**
 * The read paths' answers, serialized once per organization version: a hundred readers of one
 * month cost one query and one JSON.stringify, and a repeated request with its ETag costs the
 * version's one indexed read. Bounded by READ_CACHE_MB, least recently used out first; an
 * answer of an older version is never asked for again and ages out. A month of the calendar is
 * about 100 KB of JSON: it is gzipped once with it (to about a tenth), not per request.
 */
@Injectable()
export class ReadCache {
  private readonly answers: LRUCache<string, Serialized, () => Promise<ReadAnswer>>;

  constructor(
    config: AppConfig,
    private readonly versions: ReadVersionsService,
  ) {
    this.answers = new LRUCache({
      maxSize: config.READ_CACHE_MB * 1024 * 1024,
      sizeCalculation: (answer) => answer.json.length + (answer.gzipped?.length ?? 0) + 512,
      // Concurrent misses of one key share this one load.
      fetchMethod: async (_key, _stale, { context: load }) => {
        const { body, headers = {} } = await load();
        const json = Buffer.from(JSON.stringify(body));
        if (json.length < WORTH_COMPRESSING) return { json, headers };
        return { json, gzipped: await gzipped(json), headers };
      },
    });
  }

  /** Answers a GET from the cache, or 304 when the caller's ETag is still the current one. */
  async send(
    request: Request & AuthenticatedRequest,
    response: Response,
    options: ReadOptions,
    load: () => Promise<ReadAnswer>,
  ): Promise<void> {
    const { organizationId, role } = request.actor;
    const version = await this.versions.current(organizationId, options.area, request.readVersions);
    const key = [organizationId, options.area, version, role, request.originalUrl]
      .concat(options.varies ?? [])
      .join('\n');
    // Weak: the gzipped and the plain bytes are one answer in two encodings.
    const etag = `W/"${options.view}-${createHash('sha256').update(key).digest('base64url').slice(0, 22)}"`;
    response.setHeader('ETag', etag);
    if (request.fresh) {
      response.set(KEPT_PRIVATE).status(304).end();
      return;
    }
    response.removeHeader('ETag'); // an error answered instead carries none
    const answer = (await this.answers.fetch(key, { context: load }))!;
    response.set({ ...KEPT_PRIVATE, ...answer.headers, ETag: etag }).type('json');
    if (answer.gzipped && request.acceptsEncodings('gzip')) {
      response.set('Content-Encoding', 'gzip').send(answer.gzipped);
    } else {
      response.send(answer.json);
    }
  }
}
