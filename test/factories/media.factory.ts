import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { Session } from './identity.factory';

export type MediaFixture = 'pixel.png' | 'gray.jpg' | 'clip.mp4' | 'captions.vtt' | 'captions.srt';

export const fixtureBytes = (name: MediaFixture): Buffer =>
  readFileSync(join(__dirname, '../fixtures/media', name));

export interface UploadOptions {
  /** The name the client claims; the server must not trust it. */
  filename?: string;
  contentType?: string;
  showsPatient?: string;
}

/** POST /api/v1/media as `session`; the caller asserts the status. */
export function uploadMedia(
  url: string,
  session: Session,
  bytes: Buffer,
  options: UploadOptions = {},
) {
  const upload = request(url)
    .post('/api/v1/media')
    .auth(session.accessToken, { type: 'bearer' })
    .attach('file', bytes, {
      filename: options.filename ?? 'upload.bin',
      contentType: options.contentType ?? 'application/octet-stream',
    });
  return options.showsPatient === undefined
    ? upload
    : upload.field('showsPatient', options.showsPatient);
}

export async function uploadFixture(
  url: string,
  session: Session,
  name: MediaFixture,
  options: UploadOptions = {},
): Promise<{ id: string } & Record<string, unknown>> {
  const response = await uploadMedia(url, session, fixtureBytes(name), {
    filename: name,
    ...options,
  });
  if (response.status !== 201)
    throw new Error(`upload of ${name}: ${response.status} ${response.text}`);
  return response.body;
}

const DAY = 24 * 3600 * 1000;

/** Records a signed consent for the media (signed yesterday, expiring in a year unless given). */
export async function recordConsent(
  url: string,
  session: Session,
  mediaId: string,
  fields: Record<string, unknown> = {},
) {
  const response = await request(url)
    .post(`/api/v1/media/${mediaId}/consents`)
    .auth(session.accessToken, { type: 'bearer' })
    .send({
      personName: 'Jordan Reyes',
      formId: 'REL-2024-0193',
      signedAt: new Date(Date.now() - DAY).toISOString(),
      expiresAt: new Date(Date.now() + 365 * DAY).toISOString(),
      ...fields,
    });
  if (response.status !== 201) throw new Error(`consent: ${response.status} ${response.text}`);
  return response.body as { id: string; status: string };
}
