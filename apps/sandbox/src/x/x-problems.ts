import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';

/** X API v2 error bodies (RFC 7807 problems) with the titles, types and texts X sends. */
export interface XProblem {
  title: string;
  type: string;
  status?: number;
  detail?: string;
  [extra: string]: unknown;
}

const PROBLEMS = 'https://api.twitter.com/2/problems';

export function xProblem(status: number, detail?: string): XProblem {
  const title = STATUS_CODES[status] ?? 'Error';
  return { title, detail: detail ?? title, type: 'about:blank', status };
}

export function xInvalidRequest(message: string, parameters: Record<string, string[]> = {}) {
  return {
    errors: [{ parameters, message }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: `${PROBLEMS}/invalid-request`,
  };
}

export function xNotFound(resourceType: 'tweet' | 'user' | 'media', parameter: string, id: string) {
  return {
    value: id,
    detail: `Could not find ${resourceType} with ${parameter}: [${id}].`,
    title: 'Not Found Error',
    resource_type: resourceType,
    parameter,
    resource_id: id,
    type: `${PROBLEMS}/resource-not-found`,
  };
}

export function sendXProblem(res: Response, status: number, detail?: string): void {
  res.status(status).json(xProblem(status, detail));
}

export function sendXInvalid(
  res: Response,
  message: string,
  parameters: Record<string, string[]> = {},
): void {
  res.status(400).json(xInvalidRequest(message, parameters));
}

/** The answer the OAuth 2.0 token endpoint gives on failure (RFC 6749 §5.2). */
export function sendOAuthError(
  res: Response,
  status: 400 | 401,
  error: string,
  description: string,
) {
  res.status(status).json({ error, error_description: description });
}
