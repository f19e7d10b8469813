import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../common/domain-error';
import { UploadInspector } from './upload-inspector';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../test/fixtures/media', name));

/** Streams `chunks` through an inspector; resolves with what came out, or the refusal. */
async function inspect(chunks: Buffer[], maxVideoBytes = 1_000_000) {
  const inspector = new UploadInspector(maxVideoBytes);
  const out: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      out.push(chunk);
      callback();
    },
  });
  await pipeline(Readable.from(chunks), inspector, sink);
  return { type: inspector.type, bytes: Buffer.concat(out) };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: DomainError) => ({ field: error.field, code: error.code, ...error.details }),
  );

describe('UploadInspector', () => {
  it('passes every byte through unchanged, split however it arrives', async () => {
    const clip = Buffer.concat([fixture('clip.mp4'), Buffer.alloc(10_000, 7)]);
    const chunks = [clip.subarray(0, 3), clip.subarray(3, 5000), clip.subarray(5000)];
    const { type, bytes } = await inspect(chunks);
    expect(type).toEqual({ kind: 'video', mimeType: 'video/mp4' });
    expect(bytes.equals(clip)).toBe(true);
  });

  it('refuses a video past the configured limit, naming file and the rule', async () => {
    const big = Buffer.concat([fixture('clip.mp4'), Buffer.alloc(2000)]);
    await expect(refusal(inspect([big], 1000))).resolves.toEqual({
      field: 'file',
      code: 'payload_too_large',
      rule: 'max_size',
      kind: 'video',
      maxBytes: 1000,
    });
  });

  it('refuses an image past 5 MB even when the video limit is larger', async () => {
    const png = Buffer.concat([fixture('pixel.png'), Buffer.alloc(5 * 1024 * 1024)]);
    await expect(refusal(inspect([png], 10 ** 9))).resolves.toMatchObject({
      rule: 'max_size',
      kind: 'image',
    });
  });

  it('refuses an empty file, and a caption that turns into binary after its header', async () => {
    await expect(refusal(inspect([]))).resolves.toMatchObject({ field: 'file', rule: 'not_empty' });
    const vtt = Buffer.concat([fixture('captions.vtt'), Buffer.alloc(5000, 0x20)]);
    const broken = Buffer.concat([vtt, Buffer.from([0xc3, 0x28])]);
    await expect(refusal(inspect([broken]))).resolves.toMatchObject({ rule: 'utf8_text' });
  });
});
