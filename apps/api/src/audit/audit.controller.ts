import { once } from 'node:events';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Actor,
  AuditChainService,
  AuditExportService,
  AuditService,
  ChainVerification,
  Permission,
} from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';
import { AuditEventDto, AuditExportQueryDto, AuditQueryDto } from './audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly chains: AuditChainService,
    private readonly exports: AuditExportService,
  ) {}

  @Get()
  @Requires(Permission.ReadAudit)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: AuditQueryDto,
  ): Promise<AuditEventDto[]> {
    return (await this.audit.list(actor.organizationId, query)).map(AuditEventDto.of);
  }

  @Get('verify')
  @Requires(Permission.ReadAudit)
  verify(@CurrentActor() actor: Actor): Promise<ChainVerification> {
    return this.chains.verify(actor.organizationId);
  }

  /** NDJSON for auditors: header with public keys, events, covering checkpoints. */
  @Get('export')
  @Requires(Permission.ReadAudit)
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({ description: 'one JSON object per line; check with npm run audit:verify' })
  async export(
    @CurrentActor() actor: Actor,
    @Query() query: AuditExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="audit-${actor.organizationId}.ndjson"`,
    );
    for await (const line of this.exports.lines(actor.organizationId, query)) {
      // Waits for the client to take what was written: memory stays flat for any length.
      if (!res.write(`${JSON.stringify(line)}\n`)) await once(res, 'drain');
    }
    res.end();
  }
}
