import { Injectable } from '@nestjs/common';
import { DigestService } from '@rounds/domain';
import { JobName, QueueName } from '@rounds/queue';
import { JobHandlers, JobProcessor } from './job-processor';

@Injectable()
export class DigestProcessor extends JobProcessor {
  readonly queue = QueueName.Digest;

  constructor(private readonly digest: DigestService) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.DigestSweep]: () => this.digest.sweep(),
    [JobName.SendDigest]: async ({ organizationId, weekStart }) => {
      const outcome = await this.digest.send(organizationId, weekStart);
      // Failed: the next hourly sweep queues it again, and the claim lets it through once.
      if (outcome === 'mail_failed')
        throw new Error(`the digest e-mail for ${weekStart} was not accepted`);
      return outcome;
    },
  };
}
