import { Injectable } from '@nestjs/common';
import { ComplianceService, ImageTextService } from '@rounds/domain';
import { JobName, QueueName } from '@rounds/queue';
import { JobHandlers, JobProcessor } from './job-processor';

/** One image at a time per worker: OCR takes a core for a second or two. */
@Injectable()
export class MediaProcessor extends JobProcessor {
  readonly queue = QueueName.Media;

  constructor(
    private readonly imageText: ImageTextService,
    private readonly compliance: ComplianceService,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.RecognizeImageText]: async ({ organizationId, mediaId }) => {
      const outcome = await this.imageText.recognize(organizationId, mediaId);
      const rescanned = await this.compliance.rescanReviewsUsing(organizationId, mediaId);
      return { outcome, rescanned };
    },
  };
}
