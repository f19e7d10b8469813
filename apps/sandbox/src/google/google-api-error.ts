import type { ErrorRequestHandler } from 'express';

interface ErrorDetail {
  domain?: string;
  location?: string;
  locationType?: string;
  /** The gRPC-style status Google adds to some errors, e.g. UNAUTHENTICATED. */
  status?: string;
}

/** A YouTube Data API error, rendered with Google's `{error:{code,message,errors:[…]}}` body. */
export class GoogleApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly detail: ErrorDetail = {},
  ) {
    super(message);
  }

  body(): object {
    const { domain = 'global', location, locationType, status } = this.detail;
    const item = { message: this.message, domain, reason: this.reason, location, locationType };
    return { error: { code: this.code, message: this.message, errors: [item], status } };
  }
}

const AUTH_MESSAGE =
  'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';

export const googleErrors = {
  missingCredentials: () =>
    new GoogleApiError(401, 'required', 'Login Required.', {
      location: 'Authorization',
      locationType: 'header',
      status: 'UNAUTHENTICATED',
    }),
  invalidCredentials: () =>
    new GoogleApiError(401, 'authError', AUTH_MESSAGE, {
      location: 'Authorization',
      locationType: 'header',
      status: 'UNAUTHENTICATED',
    }),
  insufficientScopes: () =>
    new GoogleApiError(
      403,
      'insufficientPermissions',
      'Request had insufficient authentication scopes.',
      {
        status: 'PERMISSION_DENIED',
      },
    ),
  quotaExceeded: () =>
    new GoogleApiError(
      403,
      'quotaExceeded',
      'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
      { domain: 'youtube.quota' },
    ),
  forbidden: (message: string, domain = 'youtube.video') =>
    new GoogleApiError(403, 'forbidden', message, { domain }),
  notFound: (reason: string, message: string, domain = 'youtube.video') =>
    new GoogleApiError(404, reason, message, { domain, location: 'id', locationType: 'parameter' }),
  badRequest: (reason: string, message: string, domain = 'youtube.video', location?: string) =>
    new GoogleApiError(400, reason, message, { domain, location, locationType: 'other' }),
  missingParameter: (name: string) =>
    new GoogleApiError(400, 'required', `Required parameter: ${name}`, {
      location: name,
      locationType: 'parameter',
    }),
};

export const renderGoogleApiError: ErrorRequestHandler = (caught, _req, res, next) => {
  const unparsable = (caught as { type?: string }).type === 'entity.parse.failed';
  const err = unparsable ? new GoogleApiError(400, 'parseError', 'Parse Error') : caught;
  if (!(err instanceof GoogleApiError)) {
    next(err);
    return;
  }
  if (err.code === 401) {
    res.setHeader(
      'WWW-Authenticate',
      'Bearer realm="https://accounts.google.com/", error="invalid_token"',
    );
  }
  res.status(err.code).json(err.body());
};
