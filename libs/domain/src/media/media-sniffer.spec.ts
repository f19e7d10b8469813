import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { sniffMedia } from './media-sniffer';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../test/fixtures/media', name));

/** A one-entry ZIP archive (local header + central directory), enough for its signature. */
function zip(): Buffer {
  const data = deflateRawSync(Buffer.from('hello'));
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt16LE(9, 26);
  return Buffer.concat([header, Buffer.from('hello.txt'), data]);
}

describe('sniffMedia', () => {
  it.each([
    ['pixel.png', 'image', 'image/png'],
    ['gray.jpg', 'image', 'image/jpeg'],
    ['clip.mp4', 'video', 'video/mp4'],
    ['captions.vtt', 'caption', 'text/vtt'],
    ['captions.srt', 'caption', 'application/x-subrip'],
  ])('recognises %s as a %s (%s) from its bytes', async (name, kind, mimeType) => {
    await expect(sniffMedia(fixture(name), true)).resolves.toEqual({
      detected: mimeType,
      accepted: { kind, mimeType },
    });
  });

  it('takes a caption with a byte-order mark, and an SRT opening with blank lines', async () => {
    const vtt = Buffer.from('\uFEFFWEBVTT - cardiac wing\n\n00:00.000 --> 00:01.000\nHi\n');
    await expect(sniffMedia(vtt, true)).resolves.toMatchObject({ accepted: { kind: 'caption' } });
    const srt = Buffer.from('\r\n1\r\n00:00:01,000 --> 00:00:02,000\r\nHi\r\n');
    await expect(sniffMedia(srt, true)).resolves.toMatchObject({
      accepted: { mimeType: 'application/x-subrip' },
    });
  });

  it('refuses a ZIP archive and a Windows executable, naming what they are', async () => {
    await expect(sniffMedia(zip(), true)).resolves.toEqual({ detected: 'application/zip' });
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    await expect(sniffMedia(exe, true)).resolves.toEqual({
      detected: 'application/x-msdownload',
    });
  });

  it('refuses text that is no caption track, and unrecognised binary data', async () => {
    await expect(sniffMedia(Buffer.from('WEBVTTX not a header'), true)).resolves.toEqual({
      detected: 'plain text',
    });
    await expect(sniffMedia(Buffer.from([0xde, 0xad, 0xbe, 0xef, 0, 1]), true)).resolves.toEqual({
      detected: 'unrecognised binary data',
    });
  });

  it('refuses a PDF even when it starts like a caption would be named', async () => {
    await expect(sniffMedia(Buffer.from('%PDF-1.7\n%âãÏÓ\n'), true)).resolves.toEqual({
      detected: 'application/pdf',
    });
  });
});
