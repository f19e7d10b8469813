import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Actor, ComplianceService, Permission } from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';

export class ScanDto {
  @ApiProperty({ maxLength: 20_000 })
  @IsString()
  @MaxLength(20_000)
  text: string;
}

export class ScanFindingDto {
  @ApiProperty() kind: string;
  @ApiProperty({ enum: ['block', 'warn'] }) severity: string;
  @ApiProperty() start: number;
  @ApiProperty() end: number;
  @ApiProperty() text: string;
  @ApiProperty() reason: string;
}

export class ScanResultDto {
  @ApiProperty({ type: [ScanFindingDto] }) findings: ScanFindingDto[];
}

@ApiTags('compliance')
@ApiBearerAuth()
@Controller('compliance')
export class ComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  /** The composer's as-you-type PHI check, with the organization's allow list. */
  @Post('scan')
  @HttpCode(200)
  @Requires(Permission.ScanContent)
  async scan(@CurrentActor() actor: Actor, @Body() dto: ScanDto): Promise<ScanResultDto> {
    const findings = await this.compliance.scanText(actor.organizationId, dto.text);
    return {
      findings: findings.map(({ kind, severity, start, end, text, reason }) => ({
        kind,
        severity,
        start,
        end,
        text,
        reason,
      })),
    };
  }
}
