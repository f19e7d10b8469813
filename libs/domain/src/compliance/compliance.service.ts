import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { MediaService } from '../media/media.service';
import { MediaTextService } from '../media/text/media-text.service';
import { OrganizationEntity } from '../organizations/organization.entity';
import { completePolicy } from '../organizations/organization-settings';
import { settingsOf } from '../organizations/organization-settings.service';
import { loadOrganization } from '../organizations/organization-store';
import { contentTextFields } from '../posts/post-content';
import { PostRevisionEntity } from '../posts/post-revision.entity';
import { PostStatus } from '../lifecycle/statuses';
import { PostEntity } from '../posts/post.entity';
import { accessibilityFindings } from './accessibility-check';
import { consentRequirementFindings } from './consent-requirement';
import { mergeCategories } from './content-category';
import { ComplianceFindingEntity } from './compliance-finding.entity';
import { FindingDraft, findingKey } from './finding-draft';
import { mediaTextFindings } from './media-findings';
import { PhiFinding, PhiScanner, ScanContext } from './phi';
import { RestrictedTermsService } from './restricted-terms.service';

/** What a re-scan leaves open, and the media fields whose text is not read yet. */
export interface RefreshedFindings {
  open: ComplianceFindingEntity[];
  /** Images the worker has not read yet (`x.images[0]`, `youtube.thumbnail`): approval waits. */
  unread: string[];
}

/** Runs the PHI scanner (with the organization's allow list) and the content checks on revisions. */
@Injectable()
export class ComplianceService {
  private readonly scanner = new PhiScanner();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly media: MediaService,
    private readonly mediaText: MediaTextService,
    private readonly restrictedTerms: RestrictedTermsService,
  ) {}

  /** The composer's as-you-type check; nothing is stored. */
  async scanText(organizationId: string, text: string): Promise<PhiFinding[]> {
    const context = await this.scanContext(this.dataSource.manager, organizationId);
    return this.scanner.scan(text, context);
  }

  /** The organization's own phones, sites, addresses, handles and names, and its restricted terms. */
  async scanContext(manager: EntityManager, organizationId: string): Promise<ScanContext> {
    return this.contextOf(await loadOrganization(manager, organizationId), manager);
  }

  /**
   * Scans every text field of the revision again, the captions and the text read in its images
   * included, and stores what it finds: a new finding gets an id, one no longer found is marked
   * cleared. Returns the revision's open findings and the images not read yet.
   */
  async refreshFindings(
    manager: EntityManager,
    revision: PostRevisionEntity,
  ): Promise<RefreshedFindings> {
    const { organizationId } = revision;
    const organization = await loadOrganization(manager, organizationId);
    const context = await this.contextOf(organization, manager);
    const media = await this.media.findMany(organizationId, revision.mediaIds);
    const mediaTexts = await this.mediaText.read(manager, organizationId, revision.content);
    const categories = mergeCategories(revision.content.categories, revision.detectedCategories);
    const drafts: FindingDraft[] = [
      ...contentTextFields(revision.content).flatMap(({ field, text }) =>
        this.scanner
          .scan(text, context)
          .map((f) => ({ source: 'phi' as const, field, ...f }) satisfies FindingDraft),
      ),
      ...mediaTextFindings(mediaTexts, (text) => this.scanner.scan(text, context)),
      ...accessibilityFindings(revision.content, organization.accessibilitySeverity),
      ...consentRequirementFindings(
        categories,
        completePolicy(organization.approvalPolicy),
        media.some((m) => m.showsPatient),
      ),
    ];
    await this.store(manager, revision, drafts);
    return {
      open: await this.openFindings(manager, organizationId, [revision.id]),
      unread: mediaTexts.filter((t) => t.status === 'pending').map((t) => t.field),
    };
  }

  /**
   * Once the worker has read an image, the posts in review that use it are scanned again, so
   * the reviewer sees its findings without waiting for an approval attempt.
   */
  async rescanReviewsUsing(organizationId: string, mediaId: string): Promise<number> {
    const revisions = await this.dataSource.manager
      .createQueryBuilder(PostRevisionEntity, 'revision')
      .innerJoin(
        PostEntity,
        'post',
        'post.current_revision_id = revision.id AND post.organization_id = revision.organization_id',
      )
      .where('revision.organization_id = :organizationId', { organizationId })
      .andWhere('post.status = :status', { status: PostStatus.InReview })
      .andWhere(':mediaId = ANY(revision.media_ids)', { mediaId })
      .getMany();
    for (const revision of revisions) {
      await this.dataSource.transaction(async (tx) => {
        // Under the post's lock, and only while this revision is still the one in review.
        const post = await tx.findOne(PostEntity, {
          where: { organizationId, id: revision.postId },
          lock: { mode: 'pessimistic_write' },
        });
        if (post?.status !== PostStatus.InReview || post.currentRevisionId !== revision.id) return;
        await this.refreshFindings(tx, revision);
      });
    }
    return revisions.length;
  }

  openFindings(
    manager: EntityManager,
    organizationId: string,
    revisionIds: string[],
  ): Promise<ComplianceFindingEntity[]> {
    if (revisionIds.length === 0) return Promise.resolve([]);
    return manager.find(ComplianceFindingEntity, {
      where: { organizationId, revisionId: In(revisionIds), clearedAt: IsNull() },
      order: { field: 'ASC', start: 'ASC' },
    });
  }

  private async store(
    manager: EntityManager,
    revision: PostRevisionEntity,
    drafts: FindingDraft[],
  ): Promise<void> {
    const { organizationId } = revision;
    const stored = await manager.findBy(ComplianceFindingEntity, {
      organizationId,
      revisionId: revision.id,
    });
    const storedKeys = new Set(stored.map(findingKey));
    const draftsByKey = new Map(drafts.map((d) => [findingKey(d), d]));
    const fresh = drafts.filter((d) => !storedKeys.has(findingKey(d)));
    if (fresh.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(ComplianceFindingEntity)
        .values(
          fresh.map((d) => ({
            ...d,
            organizationId,
            postId: revision.postId,
            revisionId: revision.id,
          })),
        )
        .orIgnore()
        .execute();
    }
    const now = new Date();
    for (const finding of stored) {
      const draft = draftsByKey.get(findingKey(finding));
      const clearedAt = draft ? null : (finding.clearedAt ?? now);
      const severity = draft?.severity ?? finding.severity;
      if (clearedAt !== finding.clearedAt || severity !== finding.severity) {
        await manager.update(
          ComplianceFindingEntity,
          { organizationId, id: finding.id },
          { clearedAt, severity },
        );
      }
    }
  }

  private async contextOf(
    organization: OrganizationEntity,
    manager: EntityManager,
  ): Promise<ScanContext> {
    const users = await manager.find(UserEntity, {
      where: { organizationId: organization.id, disabledAt: IsNull() },
      select: { name: true },
    });
    const { staffNames, ...allowList } = settingsOf(organization).allowList;
    const names = [...new Set([...staffNames, ...users.map((u) => u.name)])];
    const restrictedTerms = await this.restrictedTerms.rules(manager, organization.id);
    return { allowList: { ...allowList, names }, restrictedTerms };
  }
}
