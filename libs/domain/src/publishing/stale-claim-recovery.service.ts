import { Injectable, Logger } from '@nestjs/common';
import { InvalidTransitionError } from '../lifecycle/transition-error';
import { PublicationClaims, StaleClaim } from './publication-claims';
import { PublicationResults } from './publication-results.service';
import { PublicationScheduler } from './publication-scheduler.service';

/** Stale claims taken over per sweep; the rest wait for the next one, a few seconds later. */
const BATCH = 500;
const WHY = 'its worker stopped renewing the claim';

/**
 * A claim whose worker stopped renewing it (killed, hung, cut off from the database) goes straight
 * to the in-doubt check here, in the first worker whose sweep sees it: `publishing -> in_doubt`
 * for all it found (one statement to take them, one transaction to move them), then one publish
 * job each, added in bulk. The jobs look the posts up on the platform and send again only what is
 * provably absent, with the worker's concurrency and the shared claim and outcome statements of
 * every other publish job.
 */
@Injectable()
export class StaleClaimRecovery {
  private readonly logger = new Logger(StaleClaimRecovery.name);

  constructor(
    private readonly claims: PublicationClaims,
    private readonly results: PublicationResults,
    private readonly scheduler: PublicationScheduler,
  ) {}

  /** Takes over the stale claims it finds and queues their in-doubt checks; how many it took. */
  async sweep(): Promise<number> {
    const stale = await this.claims.takeStale(BATCH);
    if (stale.length === 0) return 0;
    this.logger.warn({ count: stale.length }, 'taking over stale claims');
    const inDoubt = (await Promise.all(stale.map((claim) => this.toInDoubt(claim)))).filter(
      (claim) => claim !== undefined,
    );
    const now = new Date();
    // Ahead of the jobs waiting: these posts were due before them, and the checks may still have
    // a wait to serve (an announced send's flight, a channel's rate limit).
    await this.scheduler.ensurePublishJobs(
      inDoubt.map((claim) => ({
        ref: { organizationId: claim.organizationId, publicationId: claim.id },
        runAt: now,
      })),
      { first: true },
    );
    return stale.length;
  }

  private async toInDoubt(claim: StaleClaim): Promise<StaleClaim | undefined> {
    try {
      const data = { platform: claim.platform, claimTtlMs: this.claims.ttlMs };
      await this.results.inDoubt(claim, WHY, data, claim.outOfFlightAt);
      return claim;
    } catch (error) {
      if (error instanceof InvalidTransitionError) return undefined;
      this.logger.warn(
        { err: error, publicationId: claim.id },
        'could not take over a stale claim',
      );
      return undefined;
    }
  }
}
