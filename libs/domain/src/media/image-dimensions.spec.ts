import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readImageDimensions } from './image-dimensions';
import { bufferReader } from './media-storage';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../test/fixtures/media', name));
const dimensions = (bytes: Buffer, mimeType: string) =>
  readImageDimensions(bufferReader(bytes), mimeType);

const riff = (chunk: string, payload: number[]) =>
  Buffer.concat([
    Buffer.from('RIFF'),
    Buffer.alloc(4),
    Buffer.from('WEBP'),
    Buffer.from(chunk),
    Buffer.alloc(4),
    Buffer.from(payload),
    Buffer.alloc(16),
  ]);

describe('readImageDimensions', () => {
  it('reads the PNG and JPEG fixtures', async () => {
    await expect(dimensions(fixture('pixel.png'), 'image/png')).resolves.toEqual({
      width: 3,
      height: 2,
    });
    await expect(dimensions(fixture('gray.jpg'), 'image/jpeg')).resolves.toEqual({
      width: 4,
      height: 3,
    });
  });

  it('finds a JPEG frame after a large metadata segment and fill bytes', async () => {
    const jpeg = fixture('gray.jpg');
    const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0x40, 0x02]), Buffer.alloc(0x4000)]);
    const padded = Buffer.concat([
      jpeg.subarray(0, 2),
      exif,
      Buffer.from([0xff]),
      jpeg.subarray(2),
    ]);
    await expect(dimensions(padded, 'image/jpeg')).resolves.toEqual({ width: 4, height: 3 });
  });

  it('reads GIF and the three WebP variants', async () => {
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([0x80, 0x02, 0xe0, 0x01])]);
    await expect(dimensions(Buffer.concat([gif, Buffer.alloc(20)]), 'image/gif')).resolves.toEqual({
      width: 640,
      height: 480,
    });
    // VP8: frame tag (3), start code (3), then 14-bit width and height.
    const lossy = riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01]);
    await expect(dimensions(lossy, 'image/webp')).resolves.toEqual({ width: 640, height: 480 });
    // VP8L: signature 0x2f, then width-1 and height-1 in 14 bits each.
    const bits = 639 | (479 << 14);
    const lossless = riff('VP8L', [
      0x2f,
      bits & 0xff,
      (bits >> 8) & 0xff,
      (bits >> 16) & 0xff,
      bits >>> 24,
    ]);
    await expect(dimensions(lossless, 'image/webp')).resolves.toEqual({ width: 640, height: 480 });
    // VP8X: flags (4), then canvas width-1 and height-1 in 24 bits each.
    const extended = riff('VP8X', [0, 0, 0, 0, 0x7f, 0x02, 0, 0xdf, 0x01, 0]);
    await expect(dimensions(extended, 'image/webp')).resolves.toEqual({ width: 640, height: 480 });
  });

  it('is null when the header is cut short or a JPEG has no frame before its scan', async () => {
    await expect(dimensions(fixture('pixel.png').subarray(0, 20), 'image/png')).resolves.toBeNull();
    const jpeg = fixture('gray.jpg');
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    const noFrame = Buffer.concat([jpeg.subarray(0, sof), jpeg.subarray(sof + 13)]);
    await expect(dimensions(noFrame, 'image/jpeg')).resolves.toBeNull();
  });
});
