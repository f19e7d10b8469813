import { Injectable, Logger } from '@nestjs/common';
import { text } from 'node:stream/consumers';
import { EntityManager, In } from 'typeorm';
import { type PostContent, xImages } from '../../posts/post-content';
import { MediaStorage } from '../media-storage';
import { MediaEntity } from '../media.entity';
import { captionTranscript } from './caption-transcript';
import { ImageTextService } from './image-text.service';
import type { ImageTextStatus } from './image-text.entity';
import type { MediaText } from './media-text';

/** The text a published media file carries, named by the request field that publishes it. */
export interface FieldMediaText extends MediaText {
  /** `youtube.captions`, `youtube.thumbnail`, `x.images[i]` or `x.thread[t].images[i]`. */
  field: string;
  mediaId: string;
  source: 'captions' | 'image';
  /** `pending` while the worker has not read the image yet; `failed` when it cannot be read. */
  status: ImageTextStatus;
}

interface MediaField {
  field: string;
  mediaId: string;
}

/** Reads the captions and the text in the images of a post's content, for scanning and review. */
@Injectable()
export class MediaTextService {
  private readonly log = new Logger(MediaTextService.name);

  constructor(
    private readonly storage: MediaStorage,
    private readonly imageText: ImageTextService,
  ) {}

  async read(
    manager: EntityManager,
    organizationId: string,
    content: PostContent,
  ): Promise<FieldMediaText[]> {
    const fields = mediaFields(content);
    if (fields.length === 0) return [];
    const media = await manager.findBy(MediaEntity, {
      organizationId,
      id: In(fields.map((f) => f.mediaId)),
    });
    const byId = new Map(media.map((m) => [m.id, m]));
    const images = media.filter((m) => m.kind === 'image');
    const imageTexts = await this.imageText.texts(manager, images);
    const read = fields.map(async ({ field, mediaId }): Promise<FieldMediaText | null> => {
      const file = byId.get(mediaId);
      if (file?.kind === 'caption') return { field, mediaId, ...(await this.captions(file)) };
      const ocr = file?.kind === 'image' ? imageTexts.get(file.sha256) : undefined;
      if (!ocr) return null;
      const { status, text: lines, segments } = ocr;
      return { field, mediaId, source: 'image', status, text: lines, segments };
    });
    return (await Promise.all(read)).filter((t): t is FieldMediaText => t !== null);
  }

  private async captions(file: MediaEntity) {
    const source = 'captions' as const;
    try {
      const track = await text(this.storage.get(file.storageKey));
      return { source, status: 'read' as const, ...captionTranscript(track) };
    } catch (error) {
      this.log.warn({ mediaId: file.id, err: String(error) }, 'caption track could not be parsed');
      return { source, status: 'failed' as const, text: '', segments: [] };
    }
  }
}

/** Every published media field whose text is read: the X images, the thumbnail, the captions. */
function mediaFields(content: PostContent): MediaField[] {
  const fields: MediaField[] = xImages(content.x).map(({ field, image }) => ({
    field,
    mediaId: image.mediaId,
  }));
  const youtube = content.youtube;
  if (youtube?.thumbnailMediaId) {
    fields.push({ field: 'youtube.thumbnail', mediaId: youtube.thumbnailMediaId });
  }
  if (youtube?.captionMediaId) {
    fields.push({ field: 'youtube.captions', mediaId: youtube.captionMediaId });
  }
  return fields;
}
