import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ApprovalEntity,
  CONTENT_CATEGORIES,
  ContentCategory,
  EDITABLE,
  YOUTUBE_PRIVACY_STATUSES,
  YoutubePrivacyStatus,
  CalendarEntry,
  ComplianceFindingEntity,
  FieldMediaText,
  FindingLocation,
  localTime,
  PostDetail,
  PostRevisionEntity,
  PostStatus,
  PostView,
  PUBLICATION_STATUSES,
  PublicationEntity,
  ReviewQueueEntry,
} from '@rounds/domain';
import { OverrideDto } from './post-actions.dto';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export class PublicationDto {
  @ApiProperty() id: string;
  @ApiProperty() channelId: string;
  @ApiProperty({ enum: ['x', 'youtube'] }) platform: string;
  @ApiProperty({ enum: PUBLICATION_STATUSES }) status: string;
  @ApiProperty() approvedRevisionId: string;
  @ApiProperty() approvedContentHash: string;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty({ nullable: true, type: String }) url: string | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;

  static of(p: PublicationEntity): PublicationDto {
    return {
      id: p.id,
      channelId: p.channelId,
      platform: p.platform,
      status: p.status,
      approvedRevisionId: p.approvedRevisionId,
      approvedContentHash: p.approvedContentHash,
      externalId: p.externalId,
      url: p.url,
      error: p.error,
      attempts: p.attempts,
      publishedAt: iso(p.publishedAt),
    };
  }
}

export class XImageViewDto {
  @ApiProperty({ format: 'uuid' }) mediaId: string;
  @ApiProperty() altText: string;
}

/** A short link the text carries, and where it sends visitors once the post is approved. */
export class TrackedLinkDto {
  @ApiProperty({ example: 'Ab3dE9xK2q' }) code: string;
  @ApiProperty({ example: 'https://go.example-hospital.org/l/Ab3dE9xK2q' }) shortUrl: string;
  @ApiProperty({ description: 'the address as the author gave it' }) url: string;
  @ApiProperty({
    description: 'the address with utm_source, utm_medium, utm_campaign, utm_content',
  })
  destination: string;
}

export class XTweetViewDto {
  @ApiProperty() text: string;
  @ApiProperty({ type: [XImageViewDto] }) images: XImageViewDto[];
}

export class XContentViewDto extends XTweetViewDto {
  @ApiPropertyOptional({
    type: [XTweetViewDto],
    description: 'an X thread: the tweets after the first, in order; absent for a single tweet',
  })
  thread?: XTweetViewDto[];
  @ApiPropertyOptional({ type: [TrackedLinkDto], description: 'absent when there are none' })
  links?: TrackedLinkDto[];
}

export class YoutubeContentViewDto {
  @ApiProperty({ format: 'uuid' }) videoMediaId: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty() categoryId: string;
  @ApiProperty({ enum: YOUTUBE_PRIVACY_STATUSES }) privacyStatus: YoutubePrivacyStatus;
  @ApiProperty() madeForKids: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) thumbnailMediaId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) captionMediaId: string | null;
  @ApiPropertyOptional({ type: [TrackedLinkDto], description: 'absent when there are none' })
  links?: TrackedLinkDto[];
}

/** What a revision holds and an approval is bound to. */
export class PostContentViewDto {
  @ApiProperty({ type: [String], format: 'uuid' }) channelIds: string[];
  @ApiProperty({ enum: CONTENT_CATEGORIES, isArray: true }) categories: ContentCategory[];
  @ApiProperty({ nullable: true, type: XContentViewDto }) x: XContentViewDto | null;
  @ApiProperty({ nullable: true, type: YoutubeContentViewDto })
  youtube: YoutubeContentViewDto | null;
}

export class RevisionDto {
  @ApiProperty() id: string;
  @ApiProperty() number: number;
  @ApiProperty({ description: 'sha256 of the canonical content' }) contentHash: string;
  @ApiProperty() content: PostContentViewDto;
  @ApiProperty({ type: [String] }) detectedCategories: string[];
  @ApiProperty() editedById: string;
  @ApiProperty() createdAt: string;

  static of(r: PostRevisionEntity): RevisionDto {
    return {
      id: r.id,
      number: r.number,
      contentHash: r.contentHash,
      content: r.content,
      detectedCategories: r.detectedCategories,
      editedById: r.editedById,
      createdAt: r.createdAt.toISOString(),
    };
  }
}

export class CueRangeDto {
  @ApiProperty({ description: "the cue's position in the track, from 0" }) index: number;
  @ApiProperty() startMs: number;
  @ApiProperty() endMs: number;
}

export class ImageRegionDto {
  @ApiProperty({ description: 'pixels of the original image' }) x: number;
  @ApiProperty() y: number;
  @ApiProperty() width: number;
  @ApiProperty() height: number;
}

export class FindingLocationDto {
  @ApiPropertyOptional({ type: CueRangeDto }) cue?: CueRangeDto;
  @ApiPropertyOptional({ type: ImageRegionDto }) region?: ImageRegionDto;
}

export class TextSegmentDto {
  @ApiProperty() start: number;
  @ApiProperty() end: number;
  @ApiPropertyOptional({ type: CueRangeDto }) cue?: CueRangeDto;
  @ApiPropertyOptional({ type: ImageRegionDto }) region?: ImageRegionDto;
}

/** The text of a caption track or the text OCR read in an image, with where each piece sits. */
export class MediaTextDto {
  @ApiProperty({ example: 'youtube.captions' }) field: string;
  @ApiProperty() mediaId: string;
  @ApiProperty({ enum: ['captions', 'image'] }) source: 'captions' | 'image';
  @ApiProperty({ enum: ['pending', 'read', 'failed'] }) status: 'pending' | 'read' | 'failed';
  @ApiProperty({ description: 'cues or lines joined with line breaks; findings index it' })
  text: string;
  @ApiProperty({ type: [TextSegmentDto] }) segments: TextSegmentDto[];

  static of({ field, mediaId, source, status, text, segments }: FieldMediaText): MediaTextDto {
    return { field, mediaId, source, status, text, segments };
  }
}

export class FindingDto {
  @ApiProperty({ description: 'what approve overrides name' }) id: string;
  @ApiProperty() revisionId: string;
  @ApiProperty({ enum: ['phi', 'accessibility', 'policy'] }) source: string;
  @ApiProperty({ example: 'x.text' }) field: string;
  @ApiProperty() kind: string;
  @ApiProperty({ enum: ['block', 'warn'] }) severity: string;
  @ApiProperty() start: number;
  @ApiProperty() end: number;
  @ApiProperty() text: string;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String, description: 'the caption track or image read' })
  mediaId: string | null;
  @ApiProperty({ nullable: true, type: FindingLocationDto, description: 'its cue or region' })
  location: FindingLocation | null;

  static of(f: ComplianceFindingEntity): FindingDto {
    const { id, revisionId, source, field, kind, severity, start, end, text, reason } = f;
    const media = { mediaId: f.mediaId, location: f.location };
    return { id, revisionId, source, field, kind, severity, start, end, text, reason, ...media };
  }
}

export class ApprovalDto {
  @ApiProperty() id: string;
  @ApiProperty() revisionId: string;
  @ApiProperty() approverId: string;
  @ApiProperty({ enum: ['approve', 'reject'] }) decision: string;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ type: [OverrideDto] }) overrides: OverrideDto[];
  @ApiProperty() contentHash: string;
  @ApiProperty({ nullable: true, type: String }) voidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) voidReason: string | null;
  @ApiProperty() createdAt: string;

  static of(a: ApprovalEntity): ApprovalDto {
    return {
      id: a.id,
      revisionId: a.revisionId,
      approverId: a.approverId,
      decision: a.decision,
      comment: a.comment,
      overrides: a.overrides,
      contentHash: a.contentHash,
      voidedAt: iso(a.voidedAt),
      voidReason: a.voidReason,
      createdAt: a.createdAt.toISOString(),
    };
  }
}

export class ApprovalStateDto {
  @ApiProperty({ description: 'distinct approvers the policy needs' }) required: number;
  @ApiProperty({ type: [String] }) approverIds: string[];
  @ApiProperty() requireConsent: boolean;
  @ApiProperty({ type: [String] }) categories: string[];
  @ApiProperty({ type: [String] }) reasons: string[];
}

const EDITABLE_DESCRIPTION =
  'its status still lets a writer edit or reschedule it (whether this user may is `GET /me`)';

/** What the calendar draws of a post; the rest loads when it is opened. */
export class CalendarEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: PostStatus }) status: PostStatus;
  @ApiProperty({ description: 'UTC' }) scheduledAt: string;
  @ApiProperty({ description: 'the same instant in the organization time zone' })
  scheduledAtLocal: string;
  @ApiProperty({ type: [String] }) channelIds: string[];
  @ApiProperty({ description: 'the start of the X text, else the video title (≤ 80 characters)' })
  excerpt: string;
  @ApiProperty() hasMedia: boolean;
  @ApiProperty({ description: 'the current revision is the approved one' }) approved: boolean;
  @ApiProperty({ description: EDITABLE_DESCRIPTION }) editable: boolean;

  static of(entry: CalendarEntry): CalendarEntryDto {
    const { id, status, scheduledAt, timeZone, channelIds, excerpt, hasMedia, approved } = entry;
    return {
      id,
      status,
      scheduledAt: scheduledAt.toISOString(),
      scheduledAtLocal: localTime(scheduledAt, timeZone),
      channelIds,
      excerpt,
      hasMedia,
      approved,
      editable: EDITABLE.includes(status),
    };
  }
}

export class PostSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: PostStatus }) status: PostStatus;
  @ApiProperty({ description: 'UTC' }) scheduledAt: string;
  @ApiProperty({ description: 'the same instant in the organization time zone' })
  scheduledAtLocal: string;
  @ApiProperty({ example: 'America/Chicago' }) timeZone: string;
  @ApiProperty({ nullable: true, type: String }) campaign: string | null;
  @ApiProperty() authorId: string;
  @ApiProperty() lastEditedById: string;
  @ApiProperty({ nullable: true, type: String }) approvedRevisionId: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: RevisionDto, description: 'the current revision' }) revision: RevisionDto;
  @ApiProperty({ type: [PublicationDto] }) publications: PublicationDto[];
  @ApiProperty({ description: EDITABLE_DESCRIPTION }) editable: boolean;

  static of({ post, timeZone, revision, publications }: PostView): PostSummaryDto {
    return {
      id: post.id,
      status: post.status,
      scheduledAt: post.scheduledAt.toISOString(),
      scheduledAtLocal: localTime(post.scheduledAt, timeZone),
      timeZone,
      campaign: post.campaign,
      authorId: post.authorId,
      lastEditedById: post.lastEditedById,
      approvedRevisionId: post.approvedRevisionId,
      submittedAt: iso(post.submittedAt),
      createdAt: post.createdAt.toISOString(),
      updatedAt: post.updatedAt.toISOString(),
      revision: RevisionDto.of(revision),
      publications: publications.map(PublicationDto.of),
      editable: EDITABLE.includes(post.status),
    };
  }
}

export class PostDetailDto extends PostSummaryDto {
  @ApiProperty({ type: [RevisionDto], description: 'newest first' }) revisions: RevisionDto[];
  @ApiProperty({ type: [FindingDto], description: 'open findings of the current revision' })
  findings: FindingDto[];
  @ApiProperty({ type: [MediaTextDto], description: 'captions and text read in the images' })
  mediaTexts: MediaTextDto[];
  @ApiProperty({ type: [ApprovalDto], description: 'every decision, voided ones included' })
  approvals: ApprovalDto[];
  @ApiProperty({ type: ApprovalStateDto }) approval: ApprovalStateDto;

  static override of(detail: PostDetail): PostDetailDto {
    const { required, requireConsent, categories, reasons } = detail.requirement;
    return {
      ...PostSummaryDto.of(detail),
      revisions: detail.revisions.map(RevisionDto.of),
      findings: detail.findings.map(FindingDto.of),
      mediaTexts: detail.mediaTexts.map(MediaTextDto.of),
      approvals: detail.approvals.map(ApprovalDto.of),
      approval: { required, approverIds: detail.approverIds, requireConsent, categories, reasons },
    };
  }
}

export class QueueEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'the start of the X text, else the video title' }) excerpt: string;
  @ApiProperty() authorId: string;
  @ApiProperty() lastEditedById: string;
  @ApiProperty({ description: 'the revision an approval names' }) revisionId: string;
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty() scheduledAt: string;
  @ApiProperty() blockingFindings: number;
  @ApiProperty() warningFindings: number;
  @ApiProperty({ type: [String], description: 'approvals of this revision that still count' })
  approverIds: string[];
  @ApiProperty({ description: 'distinct approvers the policy needs' }) required: number;
  @ApiProperty({ description: 'false when you wrote or edited it, or already approved it' })
  mayApprove: boolean;

  static of(entry: ReviewQueueEntry): QueueEntryDto {
    return {
      ...entry,
      submittedAt: iso(entry.submittedAt),
      scheduledAt: entry.scheduledAt.toISOString(),
    };
  }
}
