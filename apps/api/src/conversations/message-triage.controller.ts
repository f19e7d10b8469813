import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, MessageTriageService, Permission } from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { AssignDto, MessageDto, NoteInputDto } from './conversations.dto';

/** Owners' work on a message besides replying: assign, take, note (internal), close; all audited. */
@ApiTags('conversations')
@ApiBearerAuth()
@Controller('conversations/:id')
export class MessageTriageController {
  constructor(private readonly triage: MessageTriageService) {}

  @Post('assign')
  @HttpCode(200)
  @Requires(Permission.HandleFeedback)
  async assign(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: AssignDto,
  ): Promise<MessageDto> {
    return MessageDto.of(await this.triage.assign(actor, id, dto.assigneeId));
  }

  @Post('take')
  @HttpCode(200)
  @Requires(Permission.HandleFeedback)
  async take(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<MessageDto> {
    return MessageDto.of(await this.triage.take(actor, id));
  }

  /** Internal: kept with the message, never sent to a platform. */
  @Post('notes')
  @Requires(Permission.HandleFeedback)
  async note(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: NoteInputDto,
  ): Promise<MessageDto> {
    return MessageDto.of(await this.triage.note(actor, id, dto.text));
  }

  @Post('close')
  @HttpCode(200)
  @Requires(Permission.HandleFeedback)
  async close(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<MessageDto> {
    return MessageDto.of(await this.triage.close(actor, id));
  }
}
