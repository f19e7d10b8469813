import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { box, ftyp, fullBox, largeBox, mvhd } from '../../../../test/fixtures/media/iso-boxes';
import { bufferReader } from './media-storage';
import { readMp4Duration } from './mp4-duration';

const duration = (file: Buffer) => readMp4Duration(bufferReader(file), file.length);

describe('readMp4Duration', () => {
  it('reads the 2.5 s of the fixture clip, whose movie header follows its media data', async () => {
    const clip = readFileSync(join(__dirname, '../../../../test/fixtures/media/clip.mp4'));
    await expect(duration(clip)).resolves.toBe(2.5);
  });

  it('reads a version 1 header with 64-bit times and duration', async () => {
    const hours = 3 * 3600 * 90000;
    const file = Buffer.concat([ftyp(), box('moov', mvhd(90000, BigInt(hours), 1))]);
    await expect(duration(file)).resolves.toBe(3 * 3600);
  });

  it('skips a media data box written with a 64-bit size', async () => {
    const file = Buffer.concat([
      ftyp(),
      largeBox('mdat', Buffer.alloc(64)),
      box('moov', box('udta'), mvhd(600, 90n)),
    ]);
    await expect(duration(file)).resolves.toBe(0.15);
  });

  it('reads a last box whose size is 0 (runs to the end of the file)', async () => {
    const moov = box('moov', mvhd(1000, 4000n));
    moov.writeUInt32BE(0, 0);
    await expect(duration(Buffer.concat([ftyp(), moov]))).resolves.toBe(4);
  });

  it('is null without a movie header, for an unknown duration, or a zero timescale', async () => {
    await expect(duration(Buffer.concat([ftyp(), box('mdat')]))).resolves.toBeNull();
    await expect(duration(Buffer.concat([ftyp(), box('moov', box('trak'))]))).resolves.toBeNull();
    const unknown = box('moov', mvhd(1000, 0xffffffffn));
    await expect(duration(Buffer.concat([ftyp(), unknown]))).resolves.toBeNull();
    await expect(duration(Buffer.concat([ftyp(), box('moov', mvhd(0, 10n))]))).resolves.toBeNull();
  });

  it('is null for a truncated header or a box claiming less than its own header', async () => {
    const truncated = Buffer.concat([ftyp(), box('moov', fullBox('mvhd', 0, 0, Buffer.alloc(6)))]);
    await expect(duration(truncated)).resolves.toBeNull();
    const corrupt = Buffer.concat([ftyp(), Buffer.from([0, 0, 0, 4]), Buffer.from('moov')]);
    await expect(duration(corrupt)).resolves.toBeNull();
  });
});
