import { Injectable, Logger } from '@nestjs/common';
import { InvalidTransitionError } from '../lifecycle/transition-error';
import { PublicationClaims, StaleClaim } from './publication-claims';
import { PublicationResults } from './publication-results.service';
import { PublicationScheduler } from './publication-scheduler.service';
import { PublisherService } from './publisher.service';

/** Stale claims taken over per sweep; the rest wait for the next one, a few seconds later. */
const BATCH = 500;
/**
 * In-doubt checks run at once by a sweep. All 300 of a killed worker at once starved the database
 * pool (20 connections); ten at a time took 30 s (each batch waits for its slowest lookup).
 */
const VERIFY_AT_ONCE = 30;

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

  /**
   * Takes over the stale claims it finds, moves them all to in_doubt (the writes batch), then
   * verifies them a few at a time: each verification holds database connections while it asks
   * the platform, and hundreds at once (a killed worker's claims) starved the pool until they
   * timed out. Returns how many it took over.
   */
  async sweep(): Promise<number> {
    const stale = await this.claims.takeStale(BATCH);
    if (stale.length > 0) this.logger.warn({ count: stale.length }, 'taking over stale claims');
    const inDoubt = (await Promise.all(stale.map((claim) => this.toInDoubt(claim)))).filter(
      (claim) => claim !== undefined,
    );
    for (let i = 0; i < inDoubt.length; i += VERIFY_AT_ONCE) {
      await Promise.all(inDoubt.slice(i, i + VERIFY_AT_ONCE).map((claim) => this.verify(claim)));
    }
    return stale.length;
  }

  private async toInDoubt(claim: StaleClaim): Promise<StaleClaim | undefined> {
    try {
      // The lookup's wait counts from the dead holder's last possible send, not from this takeover.
      await this.results.inDoubt(
        claim,
        'its worker stopped renewing the claim',
        { platform: claim.platform, claimTtlMs: this.claims.ttlMs },
        undefined,
        claim.lastSendBy,
      );
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

  private async verify(claim: StaleClaim): Promise<void> {
    const ref = { organizationId: claim.organizationId, publicationId: claim.id };
    try {
      const outcome = await this.publisher.verify(ref);
      if ('later' in outcome) await this.scheduler.ensurePublishJob(ref, outcome.later, false);
    } catch (error) {
      if (error instanceof InvalidTransitionError) return;
      // Still in doubt: its job, or the reconciler's, verifies it later.
      this.logger.warn({ err: error, publicationId: claim.id }, 'could not verify a stale claim');
    }
  }
}
