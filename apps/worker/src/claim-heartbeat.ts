import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { PublicationClaims, StaleClaimRecovery } from '@rounds/domain';

/** Beats per claim TTL: a claim survives five missed renewals. */
const BEATS_PER_TTL = 6;
/** A stale claim is taken over within a second of going stale (one indexed query when none is). */
const SWEEP_EVERY_MS = 1_000;

/**
 * The worker's heartbeat: renews every claim it is running (one statement), and sweeps for claims
 * other workers stopped renewing. Renewal goes on until the publish jobs have finished at shutdown.
 */
@Injectable()
export class ClaimHeartbeat
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(ClaimHeartbeat.name);
  private beat?: NodeJS.Timeout;
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly claims: PublicationClaims,
    private readonly recovery: StaleClaimRecovery,
  ) {}

  onApplicationBootstrap(): void {
    const every = Math.round(this.claims.ttlMs / BEATS_PER_TTL);
    this.beat = repeat(
      every,
      () => this.claims.renew(),
      (err) => this.logger.warn({ err }, 'could not renew the claims'),
    );
    this.sweeper = repeat(
      Math.min(every, SWEEP_EVERY_MS),
      () => this.recovery.sweep(),
      (err) => this.logger.warn({ err }, 'could not sweep for stale claims'),
    );
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  onApplicationShutdown(): void {
    clearInterval(this.beat);
  }
}

/** Runs `work` every `ms`, never two at once (a slow run skips the beats it overlaps). */
export function repeat(
  ms: number,
  work: () => Promise<unknown>,
  onError: (err: unknown) => void,
): NodeJS.Timeout {
  let busy = false;
  return setInterval(() => {
    if (busy) return;
    busy = true;
    work()
      .catch(onError)
      .finally(() => {
        busy = false;
      });
  }, ms);
}
