import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Permission, ReplyTemplatesService } from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { CreateTemplateDto, TemplateDto } from './conversations.dto';

/** Pre-approved replies: compliance and admins write them, a second officer approves, staff send. */
@ApiTags('conversations')
@ApiBearerAuth()
@Controller('reply-templates')
export class ReplyTemplatesController {
  constructor(private readonly templates: ReplyTemplatesService) {}

  @Get()
  @Requires(Permission.ReadContent)
  async list(@CurrentActor() actor: Actor): Promise<TemplateDto[]> {
    return (await this.templates.list(actor)).map(TemplateDto.of);
  }

  /** Scanned like a reply; refused (422) while it would need a PHI override. */
  @Post()
  @Requires(Permission.ManageReplyTemplates)
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateTemplateDto): Promise<TemplateDto> {
    return TemplateDto.of(await this.templates.create(actor, dto));
  }

  /** A compliance officer who did not write it; until then the template cannot be sent. */
  @Post(':id/approve')
  @Requires(Permission.ReviewContent)
  @HttpCode(200)
  async approve(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<TemplateDto> {
    return TemplateDto.of(await this.templates.approve(actor, id));
  }
}
