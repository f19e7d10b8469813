import { ApiResponseError } from 'twitter-api-v2';

/** An X error body: a problem, an OAuth error or a v2 `errors` list. */
export interface XErrorBody {
  title?: string;
  detail?: string;
  type?: string;
  status?: number;
  error?: string;
  error_description?: string;
  errors?: { message?: string; parameters?: Record<string, string[]>; [key: string]: unknown }[];
  [key: string]: unknown;
}

export interface XRefusal {
  status: number;
  body: XErrorBody;
  error: ApiResponseError;
}

/** Awaits a twitter-api-v2 call that X must refuse, and returns what X answered. */
export async function xRefusal(call: Promise<unknown>): Promise<XRefusal> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiResponseError)) throw new Error(`expected an X refusal, got ${error}`);
  return { status: error.code, body: error.data as XErrorBody, error };
}
