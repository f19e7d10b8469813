import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Permission, ReplyTemplatesService } from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';
import { CreateTemplateDto, TemplateDto } from './conversations.dto';

/** Pre-approved replies: compliance and admins write them, staff send them at once. */
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
}
