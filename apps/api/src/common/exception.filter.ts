import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DomainError, DomainErrorCode } from '@rounds/domain';

function statusOf(code: DomainErrorCode): HttpStatus {
  switch (code) {
    case DomainErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case DomainErrorCode.Conflict:
    case DomainErrorCode.InvalidTransition:
      return HttpStatus.CONFLICT;
    case DomainErrorCode.InvalidInput:
      return HttpStatus.BAD_REQUEST;
    case DomainErrorCode.InvalidCredentials:
    case DomainErrorCode.TokenInvalid:
      return HttpStatus.UNAUTHORIZED;
    case DomainErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    case DomainErrorCode.PreconditionFailed:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case DomainErrorCode.RateLimited:
      return HttpStatus.TOO_MANY_REQUESTS;
    case DomainErrorCode.PayloadTooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
  }
}

/** Errors thrown by Express's body parsers (malformed JSON, payload too large). */
interface ParserError {
  status: number;
  type: string;
  message: string;
}

function isParserError(error: unknown): error is ParserError {
  const e = error as Partial<ParserError> | null;
  return typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && !!e.type;
}

/** The one mapping of errors to HTTP: 4xx bodies name the field and rule; a 500 only an errorId. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.describe(exception);
    response.status(status).json({ statusCode: status, ...body });
  }

  private describe(exception: unknown): { status: number; body: Record<string, unknown> } {
    if (exception instanceof DomainError) {
      const field = exception.field;
      return {
        status: statusOf(exception.code),
        body: {
          error: exception.code,
          message: exception.message,
          ...(field
            ? { errors: [{ field, rule: exception.code, message: exception.message }] }
            : {}),
          ...(exception.details ? { details: exception.details } : {}),
        },
      };
    }
    if (exception instanceof HttpException) {
      const payload = exception.getResponse();
      const body = typeof payload === 'string' ? { message: payload } : (payload as object);
      return { status: exception.getStatus(), body: { error: exception.name, ...body } };
    }
    if (isParserError(exception)) {
      const message =
        exception.type === 'entity.parse.failed' ? 'the body is not valid JSON' : exception.message;
      return { status: exception.status, body: { error: exception.type, message } };
    }
    const errorId = randomUUID();
    this.logger.error({ errorId, err: exception }, 'unhandled error');
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { error: 'internal_error', message: 'Something went wrong on our side', errorId },
    };
  }
}
