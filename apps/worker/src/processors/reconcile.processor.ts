import { Injectable } from '@nestjs/common';
import { PublishingReconciler } from '@rounds/domain';
import { JobName, QueueName } from '@rounds/queue';
import { JobHandlers, JobProcessor } from './job-processor';

@Injectable()
export class ReconcileProcessor extends JobProcessor {
  readonly queue = QueueName.Reconcile;

  constructor(private readonly reconciler: PublishingReconciler) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.ReconcilePublications]: () => this.reconciler.run(),
  };

  /** The scheduler makes one job per interval for all replicas; this worker runs one at a time. */
  protected override workerOptions() {
    return { concurrency: 1 };
  }
}
