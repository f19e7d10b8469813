import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { buffer } from 'node:stream/consumers';
import { DataSource, EntityManager, In } from 'typeorm';
import { JobName, JobProducer } from '@rounds/queue';
import { MediaStorage } from '../media-storage';
import { MediaEntity } from '../media.entity';
import { ImageTextEntity } from './image-text.entity';
import { TextRecognizer } from './text-recognizer';

export type RecognitionOutcome = 'cached' | 'read' | 'failed' | 'missing';

/** Below this many pixels on a side an image cannot hold one legible character: nothing to read. */
const MIN_LEGIBLE_PX = 8;

const tooSmallToRead = (m: MediaEntity) =>
  (m.width ?? MIN_LEGIBLE_PX) < MIN_LEGIBLE_PX || (m.height ?? MIN_LEGIBLE_PX) < MIN_LEGIBLE_PX;

/** What is known of an image's text before the worker reads it. */
function initialText(media: MediaEntity): ImageTextEntity {
  return Object.assign(new ImageTextEntity(), {
    sha256: media.sha256,
    status: tooSmallToRead(media) ? 'read' : 'pending',
    text: '',
    segments: [],
    error: null,
    durationMs: null,
  });
}

/** OCR of uploaded images: queued at upload, run by the worker, cached by the image's sha256. */
@Injectable()
export class ImageTextService {
  private readonly log = new Logger(ImageTextService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: MediaStorage,
    private readonly recognizer: TextRecognizer,
    private readonly producer: JobProducer,
  ) {}

  /** Queues the reading of an image's text unless the same bytes were read already. */
  async request(images: MediaEntity[], manager = this.dataSource.manager): Promise<void> {
    if (images.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ImageTextEntity)
      .values(images.map(initialText))
      .orIgnore()
      .execute();
    for (const media of images.filter((m) => !tooSmallToRead(m))) {
      // Per media, not per sha256: each upload's job re-scans the posts of its own organization.
      await this.producer.enqueue(
        JobName.RecognizeImageText,
        { organizationId: media.organizationId, mediaId: media.id },
        { jobId: `ocr-${media.id}`, attempts: 3, backoff: { type: 'exponential', delay: 5_000 } },
      );
    }
  }

  /** What is known of each image's text, by sha256; images never queued (older uploads) are now. */
  async texts(
    manager: EntityManager,
    images: MediaEntity[],
  ): Promise<Map<string, ImageTextEntity>> {
    if (images.length === 0) return new Map();
    const rows = await manager.findBy(ImageTextEntity, { sha256: In(images.map((m) => m.sha256)) });
    const known = new Map(rows.map((r) => [r.sha256, r]));
    const unqueued = images.filter((m) => !known.has(m.sha256));
    await this.request(unqueued, manager);
    for (const m of unqueued) known.set(m.sha256, initialText(m));
    return known;
  }

  /** The worker's job: reads the image once per content; a file OCR cannot read is `failed`. */
  async recognize(organizationId: string, mediaId: string): Promise<RecognitionOutcome> {
    const media = await this.dataSource.manager.findOneBy(MediaEntity, {
      organizationId,
      id: mediaId,
    });
    if (!media || media.kind !== 'image') return 'missing';
    const cached = await this.dataSource.manager.findOneBy(ImageTextEntity, {
      sha256: media.sha256,
    });
    if (cached && cached.status !== 'pending') return 'cached';
    const started = performance.now();
    // Any failure, the file's or the engine's, ends as `failed` (a warning asking the reviewer to
    // look): an image left `pending` would hold its posts' approval for ever.
    const outcome = await buffer(this.storage.get(media.storageKey))
      .then((bytes) => this.recognizer.read(bytes))
      .then(
        (read) => ({ status: 'read' as const, ...read, error: null }),
        (error: unknown) => {
          this.log.warn({ mediaId, err: String(error) }, 'OCR could not read the image');
          return { status: 'failed' as const, text: '', segments: [], error: String(error) };
        },
      );
    const durationMs = Math.round(performance.now() - started);
    await this.dataSource.manager.upsert(
      ImageTextEntity,
      { sha256: media.sha256, ...outcome, durationMs },
      ['sha256'],
    );
    return outcome.status;
  }
}
