import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-error';
import { Actor } from '../identity/actor';
import { isSafePattern, termPattern } from './phi/detectors/restricted-term.detector';
import type { FindingSeverity, RestrictedTermRule } from './phi/phi-finding';
import { RestrictedTermEntity } from './restricted-term.entity';

export interface RestrictedTermInput {
  term: string;
  severity: FindingSeverity;
}

const TERM_MAX = 200;

/** The organization's confidential terms, kept by admins and compliance; every change is audited. */
@Injectable()
export class RestrictedTermsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(actor: Actor): Promise<RestrictedTermEntity[]> {
    return this.dataSource
      .getRepository(RestrictedTermEntity)
      .find({ where: { organizationId: actor.organizationId }, order: { term: 'ASC' } });
  }

  /** What the scanner needs: each term and its severity. */
  async rules(manager: EntityManager, organizationId: string): Promise<RestrictedTermRule[]> {
    const terms = await manager.find(RestrictedTermEntity, {
      where: { organizationId },
      select: { term: true, severity: true },
    });
    return terms.map(({ term, severity }) => ({ term, severity }));
  }

  async add(actor: Actor, input: RestrictedTermInput): Promise<RestrictedTermEntity> {
    const term = checkTerm(input.term);
    return this.dataSource.transaction(async (tx) => {
      const { organizationId } = actor;
      if (await tx.existsBy(RestrictedTermEntity, { organizationId, term })) {
        throw new ConflictError(`"${term}" is on the list already`, 'term');
      }
      const saved = await tx.save(
        tx.create(RestrictedTermEntity, {
          organizationId,
          term,
          severity: input.severity,
          createdById: actor.userId,
        }),
      );
      await this.record(tx, actor, AuditAction.RestrictedTermAdded, saved);
      return saved;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const found = await tx.findOneBy(RestrictedTermEntity, {
        organizationId: actor.organizationId,
        id,
      });
      if (!found) throw new NotFoundError('restricted term');
      await tx.delete(RestrictedTermEntity, { organizationId: actor.organizationId, id });
      await this.record(tx, actor, AuditAction.RestrictedTermRemoved, found);
    });
  }

  private record(
    tx: EntityManager,
    actor: Actor,
    action: AuditAction,
    t: RestrictedTermEntity,
  ): Promise<unknown> {
    return this.audit.record(tx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action,
      subjectType: 'restricted_term',
      subjectId: t.id,
      data: { term: t.term, severity: t.severity },
    });
  }
}

/**
 * A term must be non-empty and, when written as `/…/`, a pattern that compiles, matches text and
 * cannot backtrack exponentially (safe-regex2's star-height check).
 */
function checkTerm(raw: string): string {
  const term = raw.trim();
  if (term === '') throw new InvalidInputError('term', 'term must not be empty');
  if (term.length > TERM_MAX) {
    throw new InvalidInputError('term', `term must be at most ${TERM_MAX} characters`);
  }
  let written: RegExp | undefined;
  try {
    written = termPattern(term);
  } catch {
    throw new InvalidInputError('term', `"${term}" is not a valid pattern`);
  }
  if (!written) return term;
  if (new RegExp(written.source, written.flags.replace('g', '')).test(''))
    throw new InvalidInputError('term', 'a pattern must not match empty text');
  // Every scan runs the list, the composer's as one types too: a pattern that can backtrack for
  // ever on some text (a repetition inside a repetition) would stall the API for everyone.
  if (!isSafePattern(written)) {
    throw new InvalidInputError(
      'term',
      'this pattern repeats a group that itself repeats (like (a+)+), which can take exponential time on some text; write it without the nesting',
    );
  }
  return term;
}
