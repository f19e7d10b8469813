import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { refuseUnstorableInput } from './storable-text';

/**
 * The parsed JSON body and query string, checked before any guard reads them (the login
 * throttler keys on the email). Path parameters and multipart fields, parsed later, are the
 * global pipe's (validation.pipe.ts); both apply the one rule of storable-text.ts.
 */
@Injectable()
export class StorableInputMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    refuseUnstorableInput(request.query);
    refuseUnstorableInput(request.body);
    next();
  }
}
