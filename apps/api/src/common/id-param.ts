import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';

/** A route id that must be a UUID, documented so; a malformed one is a 400 naming the parameter. */
export const IdParam =
  (name = 'id'): ParameterDecorator =>
  (target, method, index) => {
    if (method !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, method)!;
      ApiParam({ name, schema: { type: 'string', format: 'uuid', maxLength: 36 } })(
        target,
        method,
        descriptor,
      );
    }
    uuidParam(name)(target, method, index);
  };

const uuidParam = (name: string) =>
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
