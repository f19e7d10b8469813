import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { ForbiddenError, NotFoundError } from '../common/domain-error';
import { Actor } from '../identity/actor';
import { can, Permission } from '../identity/permission';
import { IngestedMedia, MediaIngestService } from './media-ingest.service';
import { ByteRange, MediaStorage } from './media-storage';
import { MediaEntity, MediaKind } from './media.entity';
import { ImageTextService } from './text/image-text.service';

export interface MediaQuery {
  kind?: MediaKind;
  /** Only media uploaded before this instant (the previous page's last `createdAt`). */
  before?: Date;
  limit?: number;
}

export interface UploadDetails {
  originalName: string;
  showsPatient: boolean;
}

const MAX_PAGE = 200;
const MAX_NAME = 255;

/** A client-supplied file name fit to show: no path, no control characters, bounded. */
export function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return (
    base
      .replace(/\p{Cc}/gu, '')
      .trim()
      .slice(0, MAX_NAME) || 'upload'
  );
}

@Injectable()
export class MediaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly ingest: MediaIngestService,
    private readonly storage: MediaStorage,
    private readonly imageText: ImageTextService,
  ) {}

  /**
   * The organization's media among `ids`; ids of other organizations are simply absent. Inside a
   * transaction pass its manager: a second pooled connection taken while the first holds a row
   * lock exhausts the pool under concurrent edits of one post.
   */
  findMany(
    organizationId: string,
    ids: string[],
    manager: EntityManager = this.repo.manager,
  ): Promise<MediaEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.findBy(MediaEntity, { organizationId, id: In(ids) });
  }

  async get(organizationId: string, id: string): Promise<MediaEntity> {
    const media = await this.repo.findOneBy({ organizationId, id });
    if (!media) throw new NotFoundError('media');
    return media;
  }

  list(organizationId: string, query: MediaQuery = {}): Promise<MediaEntity[]> {
    return this.repo.find({
      where: {
        organizationId,
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.before ? { createdAt: LessThan(query.before) } : {}),
      },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: Math.min(query.limit ?? 50, MAX_PAGE),
    });
  }

  /** Gives an ingested upload its row, audited, and queues the reading of an image's text. */
  async register(
    actor: Actor,
    upload: IngestedMedia,
    details: UploadDetails,
  ): Promise<MediaEntity> {
    const media = await this.store(actor, upload, details);
    if (media.kind === 'image') await this.imageText.request([media]);
    return media;
  }

  /** The row and its audit event; if that fails, the upload's bytes go too. */
  private async store(
    actor: Actor,
    upload: IngestedMedia,
    details: UploadDetails,
  ): Promise<MediaEntity> {
    try {
      return await this.dataSource.transaction(async (tx) => {
        const media = await tx.save(
          tx.create(MediaEntity, {
            id: upload.id,
            organizationId: actor.organizationId,
            kind: upload.kind,
            mimeType: upload.mimeType,
            sizeBytes: upload.sizeBytes,
            sha256: upload.sha256,
            storageKey: upload.storageKey,
            originalName: displayName(details.originalName),
            width: upload.width,
            height: upload.height,
            durationSeconds: upload.durationSeconds,
            showsPatient: details.showsPatient,
            createdById: actor.userId,
          }),
        );
        await this.audit.record(tx, {
          organizationId: actor.organizationId,
          actorId: actor.userId,
          action: AuditAction.MediaUploaded,
          subjectType: 'media',
          subjectId: media.id,
          data: {
            kind: media.kind,
            mimeType: media.mimeType,
            sizeBytes: media.sizeBytes,
            sha256: media.sha256,
            showsPatient: media.showsPatient,
          },
        });
        return media;
      });
    } catch (error) {
      await this.ingest.discard(upload);
      throw error;
    }
  }

  /** Marks whether a patient is recognisable; only a compliance officer may clear the mark. */
  async setShowsPatient(actor: Actor, id: string, showsPatient: boolean): Promise<MediaEntity> {
    return this.dataSource.transaction(async (tx) => {
      const media = await tx.findOne(MediaEntity, {
        where: { organizationId: actor.organizationId, id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!media) throw new NotFoundError('media');
      if (media.showsPatient === showsPatient) return media;
      // Clearing the mark lifts the consent requirement, so it is a review decision.
      if (!showsPatient && !can(actor.role, Permission.ReviewContent)) {
        throw new ForbiddenError(
          'only a compliance officer may mark media as not showing a patient',
        );
      }
      media.showsPatient = showsPatient;
      await tx.update(MediaEntity, { id }, { showsPatient });
      await this.audit.record(tx, {
        organizationId: actor.organizationId,
        actorId: actor.userId,
        action: AuditAction.MediaUpdated,
        subjectType: 'media',
        subjectId: id,
        data: { showsPatient: { from: !showsPatient, to: showsPatient } },
      });
      return media;
    });
  }

  /** The bytes of a media file (a range of them for video seeking), for previews. */
  content(media: MediaEntity, range?: ByteRange): Readable {
    return this.storage.get(media.storageKey, range);
  }

  private get repo() {
    return this.dataSource.getRepository(MediaEntity);
  }
}
