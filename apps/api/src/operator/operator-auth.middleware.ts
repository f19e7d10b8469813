import type { NextFunction, Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';

const OPERATOR_USER = 'operator';

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** The operator's credentials as HTTP Basic (what a browser asks for); 404 when Bull Board is off. */
export function operatorAuth(token: string | undefined) {
  return (request: Request, response: Response, next: NextFunction) => {
    if (!token) {
      response.status(404).json({ statusCode: 404, message: 'Not Found' });
      return;
    }
    const [scheme, encoded] = (request.headers.authorization ?? '').split(' ');
    const [user, ...rest] = Buffer.from(encoded ?? '', 'base64')
      .toString()
      .split(':');
    if (scheme === 'Basic' && user === OPERATOR_USER && sameSecret(rest.join(':'), token)) {
      next();
      return;
    }
    response.setHeader('WWW-Authenticate', 'Basic realm="Rounds operator", charset="UTF-8"');
    response.status(401).json({ statusCode: 401, message: 'Operator credentials required' });
  };
}
