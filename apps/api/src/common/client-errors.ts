import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** Node's own answers to a request it cannot parse, as JSON bodies like every other 4xx. */
const ANSWERS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'request_header_fields_too_large',
    'the URL and headers together must stay under 16 KB',
  ],
};
const MALFORMED: [number, string, string] = [400, 'bad_request', 'the request is not valid HTTP'];

/**
 * Answers the HTTP parser's errors (a 100,000-character query string, say) with a JSON body
 * naming the rule; without a listener Node writes a bare status line.
 */
export function answerClientErrorsWithJson(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || (error.code === 'ECONNRESET' && !socket.bytesWritten)) {
      socket.destroy();
      return;
    }
    const [status, code, message] = ANSWERS[error.code ?? ''] ?? MALFORMED;
    const body = JSON.stringify({ statusCode: status, error: code, message });
    socket.end(
      `HTTP/1.1 ${status} ${code}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
