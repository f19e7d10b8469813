import { execFileSync } from 'node:child_process';
import { createECDH, type ECDH, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Agent } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DeliveredPush {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface PushEndpoint {
  /** https://127.0.0.1:<port>; a subscription's endpoint is this plus a path of the test's. */
  url: string;
  /** An agent that trusts this endpoint's self-signed certificate, and nothing else. */
  agent: Agent;
  received: DeliveredPush[];
  close(): Promise<void>;
}

/**
 * A stand-in for a browser vendor's push service (web-push speaks https only): it answers 201
 * Created to every push, as FCM and Mozilla's autopush do, and keeps what it was sent.
 */
export async function startPushEndpoint(): Promise<PushEndpoint> {
  const dir = mkdtempSync(join(tmpdir(), 'push-endpoint-'));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const tls = { key: readFileSync(key), cert: readFileSync(cert) };
  rmSync(dir, { recursive: true });
  const received: DeliveredPush[] = [];
  const server = createServer(tls, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      response.writeHead(201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    agent: new Agent({ ca: tls.cert }),
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- http_ece (web-push's own) has no types
const ece = require('http_ece') as {
  decrypt(body: Buffer, params: { version: string; privateKey: ECDH; authSecret: string }): Buffer;
};

/** A browser's subscription: its own P-256 key pair and auth secret, as PushManager makes them. */
export function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    ecdh,
    p256dh: ecdh.getPublicKey('base64url'),
    auth: randomBytes(16).toString('base64url'),
  };
}
export type BrowserKeys = ReturnType<typeof browserKeys>;

/** What the browser reads after decrypting the push with its keys (RFC 8291, aes128gcm). */
export function decryptPush(push: DeliveredPush, browser: BrowserKeys): string {
  return ece
    .decrypt(push.body, {
      version: 'aes128gcm',
      privateKey: browser.ecdh,
      authSecret: browser.auth,
    })
    .toString('utf8');
}
