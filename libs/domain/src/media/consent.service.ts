import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import {
  ConflictError,
  DomainError,
  DomainErrorCode,
  InvalidInputError,
  NotFoundError,
} from '../common/domain-error';
import { Actor } from '../identity/actor';
import { ConsentRecordEntity } from './consent-record.entity';
import { MediaEntity } from './media.entity';

export interface NewConsent {
  personName: string;
  formId: string;
  signedAt: Date;
  expiresAt?: Date | null;
}

/** Whether media may be approved as far as consent goes, at a given instant. */
export type ConsentStatus = 'not_required' | 'valid' | 'missing' | 'lapsed';

/** A consent record at an instant; only `valid` lets patient media be approved. */
export type ConsentState = 'valid' | 'pending' | 'expired' | 'revoked';

/** VALID_AT below is the same rule in SQL. */
export function consentState(consent: ConsentRecordEntity, at: Date): ConsentState {
  if (consent.revokedAt) return 'revoked';
  if (consent.signedAt > at) return 'pending';
  return consent.expiresAt && consent.expiresAt <= at ? 'expired' : 'valid';
}

const VALID_AT =
  'c.revoked_at IS NULL AND c.signed_at <= :at AND (c.expires_at IS NULL OR c.expires_at > :at)';
const NO_CONSENT_IN_FORCE = `NOT EXISTS (SELECT 1 FROM consent_records c WHERE c.media_id = m.id AND c.organization_id = m.organization_id AND ${VALID_AT})`;

@Injectable()
export class ConsentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Refuses when any of the media shows a patient and has no consent in force at `at`. */
  async assertConsented(
    manager: EntityManager,
    organizationId: string,
    mediaIds: string[],
    at: Date,
  ): Promise<void> {
    if (mediaIds.length === 0) return;
    const lacking = await manager
      .createQueryBuilder(MediaEntity, 'm')
      .select(['m.id', 'm.originalName'])
      .where('m.organization_id = :organizationId', { organizationId })
      .andWhere('m.id IN (:...mediaIds)', { mediaIds })
      .andWhere('m.shows_patient')
      .andWhere(NO_CONSENT_IN_FORCE, { at })
      .orderBy('m.id')
      .getMany();
    if (lacking.length === 0) return;
    const names = lacking.map((m) => `${m.originalName} (${m.id})`).join(', ');
    throw new DomainError(
      DomainErrorCode.PreconditionFailed,
      `media showing a patient needs a signed, unexpired, unrevoked consent record: ${names}`,
      'mediaIds',
      { mediaIds: lacking.map((m) => m.id) },
    );
  }

  /**
   * Ids of media showing a patient with no consent in force at `at` (revoked, expired, or
   * marked as showing a patient after approval); the reconciler holds scheduled posts using them.
   */
  async mediaWithLapsedConsent(organizationId: string | undefined, at: Date): Promise<string[]> {
    const query = this.dataSource
      .createQueryBuilder(MediaEntity, 'm')
      .select('m.id', 'id')
      .where('m.shows_patient')
      .andWhere(NO_CONSENT_IN_FORCE, { at });
    if (organizationId) query.andWhere('m.organization_id = :organizationId', { organizationId });
    const rows = await query.getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Consent status of each of the media at `at`, for the composer and the review screen. */
  async statuses(organizationId: string, media: MediaEntity[], at = new Date()) {
    const patientIds = media.filter((m) => m.showsPatient).map((m) => m.id);
    const records = patientIds.length
      ? await this.dataSource
          .getRepository(ConsentRecordEntity)
          .findBy({ organizationId, mediaId: In(patientIds) })
      : [];
    return new Map<string, ConsentStatus>(
      media.map((m) => {
        if (!m.showsPatient) return [m.id, 'not_required'];
        const own = records.filter((r) => r.mediaId === m.id);
        if (own.some((r) => consentState(r, at) === 'valid')) return [m.id, 'valid'];
        return [m.id, own.length ? 'lapsed' : 'missing'];
      }),
    );
  }

  /** The consent records of one of the organization's media, newest signature first. */
  async list(organizationId: string, mediaId: string): Promise<ConsentRecordEntity[]> {
    const media = await this.dataSource
      .getRepository(MediaEntity)
      .existsBy({ organizationId, id: mediaId });
    if (!media) throw new NotFoundError('media');
    return this.dataSource.getRepository(ConsentRecordEntity).find({
      where: { organizationId, mediaId },
      order: { signedAt: 'DESC', createdAt: 'DESC' },
    });
  }

  async record(actor: Actor, mediaId: string, input: NewConsent): Promise<ConsentRecordEntity> {
    if (input.signedAt > new Date())
      throw new InvalidInputError('signedAt', 'signedAt must not be in the future');
    if (input.expiresAt && input.expiresAt <= input.signedAt) {
      throw new InvalidInputError('expiresAt', 'expiresAt must be after signedAt');
    }
    return this.dataSource.transaction(async (tx) => {
      const media = await tx.findOneBy(MediaEntity, {
        organizationId: actor.organizationId,
        id: mediaId,
      });
      if (!media) throw new NotFoundError('media');
      const consent = await tx.save(
        tx.create(ConsentRecordEntity, {
          organizationId: actor.organizationId,
          mediaId,
          personName: input.personName.trim(),
          formId: input.formId.trim(),
          signedAt: input.signedAt,
          expiresAt: input.expiresAt ?? null,
          revokedAt: null,
          revokedById: null,
          revocationReason: null,
          recordedById: actor.userId,
        }),
      );
      // The person's name stays out of the permanent trail; the form id points to it.
      await this.audit.record(tx, {
        organizationId: actor.organizationId,
        actorId: actor.userId,
        action: AuditAction.ConsentRecorded,
        subjectType: 'consent',
        subjectId: consent.id,
        data: {
          mediaId,
          formId: consent.formId,
          signedAt: consent.signedAt.toISOString(),
          expiresAt: consent.expiresAt?.toISOString() ?? null,
        },
      });
      return consent;
    });
  }

  async revoke(
    actor: Actor,
    consentId: string,
    reason: string | null,
  ): Promise<ConsentRecordEntity> {
    return this.dataSource.transaction(async (tx) => {
      const consent = await tx.findOne(ConsentRecordEntity, {
        where: { organizationId: actor.organizationId, id: consentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!consent) throw new NotFoundError('consent record');
      if (consent.revokedAt) throw new ConflictError('the consent record is already revoked');
      Object.assign(consent, {
        revokedAt: new Date(),
        revokedById: actor.userId,
        revocationReason: reason,
      });
      await tx.save(consent);
      await this.audit.record(tx, {
        organizationId: actor.organizationId,
        actorId: actor.userId,
        action: AuditAction.ConsentRevoked,
        subjectType: 'consent',
        subjectId: consent.id,
        data: { mediaId: consent.mediaId, formId: consent.formId, reason },
      });
      return consent;
    });
  }
}
