import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';

/** A query parameter `true` or `false` becomes a boolean; anything else is left for IsBoolean to refuse. */
export const ToBoolean = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      value === 'true' ? true : value === 'false' ? false : value,
    ),
  );
