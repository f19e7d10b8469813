import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Permission, RestrictedTermsService } from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { CreateRestrictedTermDto, RestrictedTermDto } from './restricted-terms.dto';

/** The organization's confidential terms, flagged by the scanner like PHI (kind restricted_term). */
@ApiTags('compliance')
@ApiBearerAuth()
@Controller('restricted-terms')
export class RestrictedTermsController {
  constructor(private readonly terms: RestrictedTermsService) {}

  @Get()
  @Requires(Permission.ManageRestrictedTerms)
  async list(@CurrentActor() actor: Actor): Promise<RestrictedTermDto[]> {
    return (await this.terms.list(actor)).map(RestrictedTermDto.of);
  }

  @Post()
  @Requires(Permission.ManageRestrictedTerms)
  async add(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateRestrictedTermDto,
  ): Promise<RestrictedTermDto> {
    return RestrictedTermDto.of(await this.terms.add(actor, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @Requires(Permission.ManageRestrictedTerms)
  async remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.terms.remove(actor, id);
  }
}
