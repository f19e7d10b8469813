import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';

/** Longer than any ISO 8601 date-time with fractions and an offset (2030-05-01T09:30:00.000+05:30). */
export const DATE_TIME_MAX = 40;

/**
 * A date-time string becomes a Date; anything longer than DATE_TIME_MAX (or not a string) is left
 * as it came, so the field's IsDate refuses it with its own message.
 */
export const ToDate = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && value.length <= DATE_TIME_MAX ? new Date(value) : value,
    ),
  );
