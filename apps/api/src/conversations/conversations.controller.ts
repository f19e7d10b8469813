import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor, InboxService, Permission, ReadArea, RepliesService } from '@rounds/domain';
import { AuthenticatedRequest, CurrentActor, Requires } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { ReadCache, ReadOptions } from '../common/read-cache';
import { RejectDto } from '../posts/dto/post-actions.dto';
import {
  ApproveReplyDto,
  CreateReplyDto,
  InboxQueryDto,
  MessageDto,
  RepliesQueryDto,
  ReplyDto,
} from './conversations.dto';

/** The inbox of mentions, replies and comments, and the replies to them. */
@ApiTags('conversations')
@ApiBearerAuth()
@Controller('conversations')
export class ConversationsController {
  constructor(
    private readonly inbox: InboxService,
    private readonly replies: RepliesService,
    private readonly reads: ReadCache,
  ) {}

  @Get()
  @Requires(Permission.ReadContent)
  @ApiOkResponse({ type: [MessageDto] })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: InboxQueryDto,
    @Req() request: Request & AuthenticatedRequest,
    @Res() response: Response,
  ): Promise<void> {
    // Per reader: `owner=mine` and what each message lets them do are theirs.
    const options: ReadOptions = { view: 'inbox', area: ReadArea.Inbox, varies: [actor.userId] };
    return this.reads.send(request, response, options, async () => ({
      body: (await this.inbox.list(actor, query)).map(MessageDto.of),
    }));
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @Requires(Permission.WriteContent)
  async dismiss(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<MessageDto> {
    return MessageDto.of(await this.inbox.dismiss(actor, id));
  }

  /** `{text}` drafts a reply for review; `{templateId}` sends a pre-approved one at once. */
  @Post(':id/replies')
  @Requires(Permission.WriteContent)
  async reply(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: CreateReplyDto,
  ): Promise<ReplyDto> {
    return ReplyDto.of(await this.replies.draft(actor, id, dto));
  }

  /** Replies newest first; `status=in_review` is compliance's queue. */
  @Get('replies')
  @Requires(Permission.ReadContent)
  async listReplies(
    @CurrentActor() actor: Actor,
    @Query() query: RepliesQueryDto,
  ): Promise<ReplyDto[]> {
    return (await this.replies.list(actor, query.status)).map(ReplyDto.of);
  }

  @Post('replies/:id/approve')
  @HttpCode(200)
  @Requires(Permission.ReviewContent)
  async approve(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ApproveReplyDto,
  ): Promise<ReplyDto> {
    return ReplyDto.of(await this.replies.approve(actor, id, dto));
  }

  @Post('replies/:id/reject')
  @HttpCode(200)
  @Requires(Permission.ReviewContent)
  async reject(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: RejectDto,
  ): Promise<ReplyDto> {
    return ReplyDto.of(await this.replies.reject(actor, id, dto.comment));
  }

  /** One message (the page a feedback notification opens). After `replies`, which it would shadow. */
  @Get(':id')
  @Requires(Permission.ReadContent)
  async get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<MessageDto> {
    return MessageDto.of(await this.inbox.get(actor, id));
  }
}
