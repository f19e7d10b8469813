const REASONS: Record<number, { reason: string; status: string; message: string }> = {
  400: { reason: 'badRequest', status: 'INVALID_ARGUMENT', message: 'Bad Request' },
  401: {
    reason: 'authError',
    status: 'UNAUTHENTICATED',
    message:
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
  },
  403: { reason: 'forbidden', status: 'PERMISSION_DENIED', message: 'Forbidden' },
  404: { reason: 'notFound', status: 'NOT_FOUND', message: 'Not Found' },
  429: {
    reason: 'rateLimitExceeded',
    status: 'RESOURCE_EXHAUSTED',
    message: 'Rate Limit Exceeded',
  },
  500: { reason: 'backendError', status: 'INTERNAL', message: 'Backend Error' },
  503: {
    reason: 'backendError',
    status: 'UNAVAILABLE',
    message: 'The service is currently unavailable.',
  },
};

/** The error body Google APIs send, as googleapis/gaxios parse it. */
export function googleErrorBody(code: number, message?: string) {
  const known = REASONS[code] ?? REASONS[code >= 500 ? 500 : 400];
  const text = message ?? known.message;
  return {
    error: {
      code,
      message: text,
      errors: [{ message: text, domain: 'global', reason: known.reason }],
      status: known.status,
    },
  };
}
