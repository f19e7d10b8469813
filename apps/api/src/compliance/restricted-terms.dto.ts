import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { FindingSeverity, RestrictedTermEntity } from '@rounds/domain';

const SEVERITIES: FindingSeverity[] = ['block', 'warn'];

export class CreateRestrictedTermDto {
  @ApiProperty({
    example: 'Project Aurora',
    maxLength: 200,
    description: 'a word or phrase (whole words, any case), or a pattern written /regex/flags',
  })
  @IsString()
  @IsNotEmpty({ message: 'term must not be empty' })
  @MaxLength(200)
  term: string;

  @ApiProperty({ enum: SEVERITIES })
  @IsIn(SEVERITIES, { message: 'severity must be one of block, warn' })
  severity: FindingSeverity;
}

export class RestrictedTermDto {
  @ApiProperty() id: string;
  @ApiProperty() term: string;
  @ApiProperty({ enum: SEVERITIES }) severity: FindingSeverity;
  @ApiProperty() createdById: string;
  @ApiProperty() createdAt: string;

  static of(t: RestrictedTermEntity): RestrictedTermDto {
    const { id, term, severity, createdById, createdAt } = t;
    return { id, term, severity, createdById, createdAt: createdAt.toISOString() };
  }
}
