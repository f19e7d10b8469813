import { sessionStore } from './session-store';

interface Answer {
  etag: string;
  body: ArrayBuffer;
  headers: Headers;
}

/**
 * The last answer to each GET that carried an ETag, in this tab's memory only (never the disk
 * cache: answers hold content), forgotten when the session ends.
 */
const answers = new Map<string, Answer>();
sessionStore.subscribe(() => {
  if (sessionStore.status() !== 'signed-in') answers.clear();
});

/**
 * Polling and refetching as conditional requests: a GET repeats the ETag it last got in
 * If-None-Match, and a 304 Not Modified answers with the body kept from then.
 */
export async function conditionalGet(
  request: Request,
  send: (request: Request) => Promise<Response>,
): Promise<Response> {
  if (request.method !== 'GET') return send(request);
  const known = answers.get(request.url);
  const conditional = new Request(request, { cache: 'no-store' });
  if (known) {
    conditional.headers.set('If-None-Match', known.etag);
    // Else the browser adds `no-cache` to a request with its own If-None-Match (the Fetch
    // standard), which tells the server to answer in full (the `fresh` check of Express).
    conditional.headers.set('Cache-Control', 'max-age=0');
  }
  const response = await send(conditional);
  if (response.status === 304 && known) {
    return new Response(known.body, { status: 200, headers: known.headers });
  }
  const etag = response.headers.get('ETag');
  if (response.ok && etag) {
    answers.set(request.url, {
      etag,
      body: await response.clone().arrayBuffer(),
      headers: response.headers,
    });
  }
  return response;
}
