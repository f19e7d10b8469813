import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LegalHoldState } from '@rounds/domain';

export class LegalHoldReasonDto {
  @ApiProperty({ maxLength: 500, example: 'Litigation hold, case 2026-CV-0142' })
  @IsString()
  @IsNotEmpty({ message: 'reason is required' })
  @MaxLength(500)
  reason: string;
}

export class LegalHoldStateDto {
  @ApiProperty() onHold: boolean;
  @ApiProperty({ nullable: true, type: String }) since: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;

  static of(state: LegalHoldState): LegalHoldStateDto {
    return { ...state, since: state.since?.toISOString() ?? null };
  }
}
