import { Injectable, Logger } from '@nestjs/common';
import { InvalidTransitionError } from '../posts/post-errors';
import { PublicationClaims, StaleClaim } from './publication-claims';
import { PublicationResults } from './publication-results.service';
import { PublicationScheduler } from './publication-scheduler.service';
import { PublisherService } from './publisher.service';

/** Stale claims taken over per sweep; the rest wait for the next one, a few seconds later. */
const BATCH = 500;

/**
 * A claim whose worker stopped renewing it (killed, hung, cut off from the database) goes straight
 * to the in-doubt check here, in the first worker whose sweep sees it: `publishing -> in_doubt`,
 * then the platform is searched and the post is sent again only if it is provably absent.
 */
@Injectable()
export class StaleClaimRecovery {
  private readonly logger = new Logger(StaleClaimRecovery.name);

  constructor(
    private readonly claims: PublicationClaims,
    private readonly results: PublicationResults,
    private readonly publisher: PublisherService,
    private readonly scheduler: PublicationScheduler,
  ) {}

  /** Takes over and verifies the stale claims it finds; returns how many. */
  async sweep(): Promise<number> {
    const stale = await this.claims.takeStale(BATCH);
    if (stale.length > 0) this.logger.warn({ count: stale.length }, 'taking over stale claims');
    await Promise.all(stale.map((claim) => this.recover(claim)));
    return stale.length;
  }

  private async recover(claim: StaleClaim): Promise<void> {
    const ref = { organizationId: claim.organizationId, publicationId: claim.id };
    try {
      // The lookup's wait counts from the dead holder's last possible send, not from this takeover.
      await this.results.inDoubt(
        claim,
        'its worker stopped renewing the claim',
        { platform: claim.platform, claimTtlMs: this.claims.ttlMs },
        undefined,
        claim.lastSendBy,
      );
      const outcome = await this.publisher.verify(ref);
      if ('later' in outcome) await this.scheduler.ensurePublishJob(ref, outcome.later, false);
    } catch (error) {
      if (error instanceof InvalidTransitionError) return;
      // Still in doubt: its job, or the reconciler's, verifies it later.
      this.logger.warn({ err: error, publicationId: claim.id }, 'could not verify a stale claim');
    }
  }
}
