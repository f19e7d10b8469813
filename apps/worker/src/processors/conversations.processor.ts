import { Injectable } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { AppConfig } from '@rounds/config';
import { ConversationPuller, ConversationsSweep, ReplySender } from '@rounds/domain';
import { JobData, JobName, QueueName } from '@rounds/queue';
import { JobHandlers, JobProcessor } from './job-processor';
import { whenPlatformAllows } from './metrics.processor';

/** While the organization is paused, an approved reply waits and looks again this often. */
const PAUSED_RECHECK_MS = 5 * 60_000;

@Injectable()
export class ConversationsProcessor extends JobProcessor {
  readonly queue = QueueName.Conversations;

  constructor(
    private readonly sweep: ConversationsSweep,
    private readonly puller: ConversationPuller,
    private readonly sender: ReplySender,
    private readonly config: AppConfig,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.ConversationsSweep]: () => this.sweep.sweep(),
    [JobName.PullConversations]: ({ organizationId, channelId }, job) =>
      whenPlatformAllows(job, () => this.puller.pull(organizationId, channelId)),
    [JobName.SendReply]: (data, job) => this.send(data, job),
  };

  private async send({ organizationId, replyId }: JobData<JobName.SendReply>, job: Job) {
    const outcome = await whenPlatformAllows(job, () => this.sender.send(organizationId, replyId));
    if (outcome === 'paused') return this.comeBack(job, Date.now() + PAUSED_RECHECK_MS);
    // In doubt: the platform is searched again once a late reply would have landed.
    if (typeof outcome === 'object') return this.comeBack(job, outcome.lookAgainAt.getTime());
    return outcome;
  }

  private async comeBack(job: Job, at: number): Promise<never> {
    await job.moveToDelayed(at, job.token);
    throw new DelayedError();
  }

  protected override workerOptions() {
    return { concurrency: this.config.WORKER_CONCURRENCY };
  }
}
