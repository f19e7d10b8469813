import { Injectable } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { publishTimings, YoutubeVideos } from '@rounds/domain';
import { JobName, JobProducer, QueueName } from '@rounds/queue';
import { ConfiguredJobProcessor } from './configured-job-processor';
import { JobHandlers } from './job-processor';
import { whenPlatformAllows } from './metrics.processor';

/** Uploads are long and heavy on bandwidth: a few at a time. */
const UPLOAD_CONCURRENCY = 4;

@Injectable()
export class YoutubeUploadsProcessor extends ConfiguredJobProcessor {
  readonly queue = QueueName.YoutubeUploads;

  constructor(
    private readonly videos: YoutubeVideos,
    private readonly config: AppConfig,
    protected readonly producer: JobProducer,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.SyncYoutubeVideo]: (ref, job) =>
      whenPlatformAllows(job, () => this.videos.sync(ref, String(job.id))),
  };

  protected workerOptions() {
    const { lockDurationMs } = publishTimings(this.config.PLATFORM_TIMEOUT_MS);
    return { concurrency: UPLOAD_CONCURRENCY, lockDuration: lockDurationMs, maxStalledCount: 10 };
  }
}
