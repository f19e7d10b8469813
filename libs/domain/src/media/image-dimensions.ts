import { ByteReader } from './media-storage';

export interface Dimensions {
  width: number;
  height: number;
}

// No image library is installed, so the four accepted formats' headers are read directly.

const HEADER_BYTES = 30;

/** JPEG start-of-frame markers (baseline, progressive, lossless, arithmetic), which carry the size. */
const JPEG_SOF = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);
const JPEG_MAX_SEGMENTS = 500;

/** Width and height in pixels from the file's header, or null if it is not where the format puts it. */
export async function readImageDimensions(
  read: ByteReader,
  mimeType: string,
): Promise<Dimensions | null> {
  if (mimeType === 'image/jpeg') return readJpeg(read);
  const h = await read(0, HEADER_BYTES);
  switch (mimeType) {
    case 'image/png':
      return h.length >= 24 && h.toString('latin1', 12, 16) === 'IHDR'
        ? { width: h.readUInt32BE(16), height: h.readUInt32BE(20) }
        : null;
    case 'image/gif':
      return h.length >= 10 ? { width: h.readUInt16LE(6), height: h.readUInt16LE(8) } : null;
    case 'image/webp':
      return readWebp(h);
    default:
      return null;
  }
}

/** WebP: lossy (VP8), lossless (VP8L) or extended (VP8X) first chunk after the RIFF header. */
function readWebp(h: Buffer): Dimensions | null {
  if (h.length < HEADER_BYTES) return null;
  switch (h.toString('latin1', 12, 16)) {
    case 'VP8 ':
      return { width: h.readUInt16LE(26) & 0x3fff, height: h.readUInt16LE(28) & 0x3fff };
    case 'VP8L': {
      const bits = h.readUInt32LE(21);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    case 'VP8X':
      return { width: h.readUIntLE(24, 3) + 1, height: h.readUIntLE(27, 3) + 1 };
    default:
      return null;
  }
}

/** JPEG: walks the marker segments from SOI to the first start-of-frame. */
async function readJpeg(read: ByteReader): Promise<Dimensions | null> {
  let offset = 2;
  for (let i = 0; i < JPEG_MAX_SEGMENTS; i++) {
    const segment = await read(offset, 9);
    if (segment.length < 4 || segment[0] !== 0xff) return null;
    const marker = segment[1];
    if (marker === 0xff) {
      offset += 1; // fill byte before a marker
      continue;
    }
    if (JPEG_SOF.has(marker)) {
      return segment.length < 9
        ? null
        : { width: segment.readUInt16BE(7), height: segment.readUInt16BE(5) };
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan before any frame
    offset += 2 + segment.readUInt16BE(2);
  }
  return null;
}
