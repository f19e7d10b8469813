import { Injectable } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { YoutubeVideos } from '@rounds/domain';
import { JobName, QueueName } from '@rounds/queue';
import { JobHandlers, JobProcessor } from './job-processor';
import { whenPlatformAllows } from './metrics.processor';

/** Uploads are long and heavy on bandwidth: a few at a time. */
const UPLOAD_CONCURRENCY = 4;

@Injectable()
export class YoutubeUploadsProcessor extends JobProcessor {
  readonly queue = QueueName.YoutubeUploads;

  constructor(
    private readonly videos: YoutubeVideos,
    private readonly config: AppConfig,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.SyncYoutubeVideo]: (ref, job) =>
      whenPlatformAllows(job, () => this.videos.sync(ref, String(job.id))),
  };

  /** An upload makes many platform calls; its lock stays well above any one of them. */
  protected override workerOptions() {
    const lockDuration = 4 * this.config.PLATFORM_TIMEOUT_MS;
    return { concurrency: UPLOAD_CONCURRENCY, lockDuration, maxStalledCount: 10 };
  }
}
