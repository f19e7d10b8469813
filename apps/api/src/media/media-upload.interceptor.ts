import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import multer, { MulterError, StorageEngine } from 'multer';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { IngestedMedia, InvalidInputError, MediaIngestService } from '@rounds/domain';
import type { AuthenticatedRequest } from '../common/access.decorators';

/** The multer file of an upload, with what the ingest stored and learned. */
export type UploadedMedia = Express.Multer.File & { ingested: IngestedMedia };

/** A multer storage engine that streams the file through MediaIngestService (never buffered). */
class IngestingStorage implements StorageEngine {
  constructor(private readonly ingest: MediaIngestService) {}

  _handleFile(
    req: Request,
    file: Express.Multer.File,
    callback: (e?: unknown, info?: object) => void,
  ) {
    const { actor } = req as unknown as AuthenticatedRequest;
    this.ingest.ingest(actor.organizationId, file.stream).then(
      (ingested) => callback(null, { size: ingested.sizeBytes, ingested }),
      (error: unknown) => callback(error),
    );
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (e: Error | null) => void) {
    const { ingested } = file as Partial<UploadedMedia>;
    if (!ingested) return callback(null);
    this.ingest.discard(ingested).then(() => callback(null), callback);
  }
}

const MALFORMED = /^(Unexpected end of|Malformed|Multipart|Unsupported content type)/;

/** multer's and busboy's errors as 4xx bodies naming the field. */
function uploadError(error: unknown): unknown {
  if (error instanceof MulterError) {
    const field = error.field ?? 'file';
    if (error.code === 'LIMIT_UNEXPECTED_FILE') {
      return new InvalidInputError(field, `${field} is not accepted: send the file as "file"`);
    }
    if (error.code === 'LIMIT_FILE_COUNT') {
      return new InvalidInputError('file', 'send one file per upload');
    }
    return new InvalidInputError(field, `${field}: ${error.message}`);
  }
  if (error instanceof Error && MALFORMED.test(error.message)) {
    return new InvalidInputError(
      'file',
      `the upload is not valid multipart/form-data: ${error.message}`,
    );
  }
  return error;
}

/** Receives `POST /media`'s multipart body; if the request then fails, the stored file goes. */
@Injectable()
export class MediaUploadInterceptor implements NestInterceptor {
  private readonly receive: RequestHandler;

  constructor(private readonly ingest: MediaIngestService) {
    this.receive = multer({
      storage: new IngestingStorage(ingest),
      defParamCharset: 'utf8',
      // No fileSize: the ingest enforces each kind's own limit while streaming.
      limits: { files: 1, fields: 4, parts: 6, fieldSize: 1024 },
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    await new Promise<void>((resolve, reject) =>
      this.receive(request, http.getResponse<Response>(), (error?: unknown) =>
        error ? reject(uploadError(error)) : resolve(),
      ),
    );
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          from(this.discard(request)).pipe(mergeMap(() => throwError(() => error))),
        ),
      );
  }

  private async discard(request: Request): Promise<void> {
    const { ingested } = (request.file ?? {}) as Partial<UploadedMedia>;
    if (ingested) await this.ingest.discard(ingested);
  }
}
