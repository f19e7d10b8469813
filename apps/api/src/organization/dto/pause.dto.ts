import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PauseState } from '@rounds/domain';

export class PauseReasonDto {
  @ApiProperty({ maxLength: 500, example: 'Active incident on campus; hold all social posts' })
  @IsString()
  @IsNotEmpty({ message: 'reason is required' })
  @MaxLength(500)
  reason: string;
}

export class PauseStateDto {
  @ApiProperty() paused: boolean;
  @ApiProperty({ nullable: true, type: String }) pausedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) pauseReason: string | null;
  @ApiProperty({ nullable: true, type: String }) pausedById: string | null;
  @ApiProperty({ type: [String], description: 'held posts; each needs a release' })
  heldPostIds: string[];

  static of(state: PauseState): PauseStateDto {
    return { ...state, pausedAt: state.pausedAt?.toISOString() ?? null };
  }
}
