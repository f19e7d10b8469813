import { Injectable } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../common/domain-error';
import { readImageDimensions } from './image-dimensions';
import { MediaRefusal } from './media-errors';
import { SniffedType } from './media-sniffer';
import { ByteReader, MediaStorage, StoredObject, storageReader } from './media-storage';
import { readMp4Duration } from './mp4-duration';
import { UploadInspector } from './upload-inspector';

/** An upload whose bytes are stored and checked, waiting for its row. */
export interface IngestedMedia extends StoredObject, SniffedType {
  id: string;
  storageKey: string;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
}

/** The refusal when there is one; otherwise the store's own error (the upload's is then a consequence). */
function rootCause(...results: PromiseSettledResult<unknown>[]): unknown {
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  return errors.find((e) => e instanceof DomainError) ?? errors[errors.length - 1];
}

type Probe = Pick<IngestedMedia, 'width' | 'height' | 'durationSeconds'>;

const ISO_BMFF_VIDEO = ['video/mp4', 'video/quicktime'];

@Injectable()
export class MediaIngestService {
  constructor(
    private readonly storage: MediaStorage,
    private readonly config: AppConfig,
  ) {}

  /**
   * Streams an upload into storage while its first bytes identify it and its kind's limit is
   * enforced, then reads its pixel size or duration. On any failure nothing is left stored.
   */
  async ingest(organizationId: string, source: Readable): Promise<IngestedMedia> {
    const id = randomUUID();
    const storageKey = `${organizationId}/${id}`;
    const inspector = new UploadInspector(this.config.MEDIA_MAX_VIDEO_BYTES);
    const storing = this.storage.put(storageKey, inspector);
    // A store that fails before reading must still end the upload stream.
    storing.catch(() => inspector.destroy());
    // Both settle before answering, so a refused upload has no partial file left when it is refused.
    const [fed, stored] = await Promise.allSettled([pipeline(source, inspector), storing]);
    try {
      if (fed.status === 'rejected' || stored.status === 'rejected') throw rootCause(fed, stored);
      const type = inspector.type as SniffedType;
      const read = storageReader(this.storage, storageKey);
      const probe = await this.probe(type, read, stored.value);
      return { id, storageKey, ...stored.value, ...type, ...probe };
    } catch (error) {
      await this.storage.delete(storageKey);
      throw error;
    }
  }

  /** Removes the bytes of an upload that will not get its row. */
  discard(media: Pick<IngestedMedia, 'storageKey'>): Promise<void> {
    return this.storage.delete(media.storageKey);
  }

  private async probe(type: SniffedType, read: ByteReader, stored: StoredObject): Promise<Probe> {
    const none: Probe = { width: null, height: null, durationSeconds: null };
    if (type.kind === 'image') {
      const size = await readImageDimensions(read, type.mimeType);
      if (!size || size.width === 0 || size.height === 0) {
        throw MediaRefusal.unreadable(type.mimeType, 'width and height');
      }
      return { ...none, ...size };
    }
    if (type.kind === 'video' && ISO_BMFF_VIDEO.includes(type.mimeType)) {
      const durationSeconds = await readMp4Duration(read, stored.sizeBytes);
      if (durationSeconds === null)
        throw MediaRefusal.unreadable(type.mimeType, 'duration (moov/mvhd)');
      return { ...none, durationSeconds };
    }
    return none; // WebM durations live in EBML, which is not parsed here; captions have none.
  }
}
