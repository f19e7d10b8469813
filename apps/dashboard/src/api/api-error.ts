export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

interface ErrorBody {
  message?: string;
  errors?: FieldError[];
  errorId?: string;
  details?: Record<string, unknown>;
}

/** A 4xx/5xx from the API, with the per-field messages its error body carries. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    /** What the API adds for the client to act on, e.g. `{mfaEnrolmentRequired: true}`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  static from(response: Response, body: unknown): ApiError {
    const error = (body ?? {}) as ErrorBody;
    const fallback =
      response.status >= 500
        ? `Something went wrong on our side${error.errorId ? ` (reference ${error.errorId})` : ''}`
        : `The request failed (${response.status})`;
    return new ApiError(
      response.status,
      error.message || fallback,
      error.errors ?? [],
      error.details ?? {},
    );
  }

  /** The message for one form field, for Mantine's `error` prop. */
  fieldMessage(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field)?.message;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong';
}
