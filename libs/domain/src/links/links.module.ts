import { Module } from '@nestjs/common';
import { LinkClickCounter } from './link-click-counter';
import { LinkClicksFlush } from './link-clicks-flush.service';
import { LinkRedirects } from './link-redirects.service';
import { TrackedLinksService } from './tracked-links.service';

const services = [TrackedLinksService, LinkRedirects, LinkClickCounter, LinkClicksFlush];

/** First-party short links: reserved by the composer, redirected by the API, flushed by the worker. */
@Module({ providers: services, exports: services })
export class LinksModule {}
