import { ByteReader } from './media-storage';

interface Box {
  /** Offset of the box's payload (after its 8- or 16-byte header). */
  start: number;
  end: number;
}

/**
 * Finds the first box of `type` among the boxes laid end to end in [start, end).
 * Only headers are read, so a 2 GB `mdat` before `moov` costs one 16-byte read.
 */
async function findBox(read: ByteReader, start: number, end: number, type: string) {
  let offset = start;
  while (offset + 8 <= end) {
    const header = await read(offset, 16);
    if (header.length < 8) return null;
    let size = header.readUInt32BE(0);
    let headerSize = 8;
    if (size === 1) {
      if (header.length < 16) return null;
      size = Number(header.readBigUInt64BE(8)); // 64-bit "largesize"
      headerSize = 16;
    } else if (size === 0) {
      size = end - offset; // the box runs to the end of its container
    }
    if (size < headerSize) return null;
    if (header.toString('latin1', 4, 8) === type) {
      return { start: offset + headerSize, end: Math.min(offset + size, end) } satisfies Box;
    }
    offset += size;
  }
  return null;
}

/**
 * The duration in seconds of an MP4 or QuickTime file (ISO BMFF), from the movie header:
 * `moov/mvhd` holds a timescale (units per second) and a duration in those units, as 32-bit
 * fields (version 0) or 64-bit times and duration (version 1). Null when there is no readable
 * movie header or the duration is unknown (all ones).
 */
export async function readMp4Duration(read: ByteReader, size: number): Promise<number | null> {
  const moov = await findBox(read, 0, size, 'moov');
  const mvhd = moov && (await findBox(read, moov.start, moov.end, 'mvhd'));
  if (!mvhd) return null;
  const body = await read(mvhd.start, Math.min(32, mvhd.end - mvhd.start));
  const version = body[0];
  // After version (1 byte) and flags (3): creation and modification times, timescale, duration.
  const [timescaleAt, durationAt, durationBytes] = version === 1 ? [20, 24, 8] : [12, 16, 4];
  if (body.length < durationAt + durationBytes) return null;
  const timescale = body.readUInt32BE(timescaleAt);
  const duration =
    durationBytes === 8 ? body.readBigUInt64BE(durationAt) : BigInt(body.readUInt32BE(durationAt));
  const unknown = durationBytes === 8 ? 0xffffffffffffffffn : 0xffffffffn;
  if (timescale === 0 || duration === unknown) return null;
  return Number(duration) / timescale;
}
