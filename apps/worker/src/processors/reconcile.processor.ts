import { Injectable } from '@nestjs/common';
import { PublishingReconciler } from '@rounds/domain';
import { JobName, JobProducer, QueueName } from '@rounds/queue';
import { ConfiguredJobProcessor } from './configured-job-processor';
import { JobHandlers } from './job-processor';

@Injectable()
export class ReconcileProcessor extends ConfiguredJobProcessor {
  readonly queue = QueueName.Reconcile;

  constructor(
    private readonly reconciler: PublishingReconciler,
    protected readonly producer: JobProducer,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.ReconcilePublications]: () => this.reconciler.run(),
  };

  /** The scheduler makes one job per interval for all replicas; this worker runs one at a time. */
  protected workerOptions() {
    return { concurrency: 1 };
  }
}
