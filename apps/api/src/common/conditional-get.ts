import type { Request, Response } from 'express';

/**
 * Conditional GET: sets the list's ETag and tells whether the client already holds that version
 * (`If-None-Match`), in which case Express answers 304 with no body. Browsers revalidate on
 * every fetch (`no-cache`), so the dashboard's polling sends the tag by itself.
 */
export function alreadyHeld(request: Request, response: Response, tag: string): boolean {
  response.setHeader('ETag', tag);
  response.setHeader('Cache-Control', 'private, no-cache');
  response.setHeader('Vary', 'Authorization, Cookie');
  return request.fresh;
}
