import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';

/** A route id that must be a UUID; a malformed one is a 400 that names the parameter. */
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadRequestException({
          message: `${name} must be a UUID`,
          errors: [{ field: name, rule: 'isUuid', message: `${name} must be a UUID` }],
        }),
    }),
  );
