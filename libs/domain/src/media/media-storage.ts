import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';

export interface StoredObject {
  sizeBytes: number;
  sha256: string;
}

/** Inclusive byte range, as in HTTP `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where media bytes live. Local disk by default; an S3-compatible store implements the same
 * four calls (put = streaming multipart upload, get = ranged GET, delete) and omits `path`.
 */
export abstract class MediaStorage {
  /** Streams `source` to `key`; the object exists only if this resolves. */
  abstract put(key: string, source: Readable): Promise<StoredObject>;
  abstract get(key: string, range?: ByteRange): Readable;
  abstract delete(key: string): Promise<void>;
  /** A local file path, for consumers that need one (the YouTube uploader); absent on remote stores. */
  path?(key: string): string;
}

/** Passes bytes through while counting and hashing them; read `result()` once the stream ends. */
export function meter(): Transform & { result(): StoredObject } {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      callback(null, chunk);
    },
  });
  return Object.assign(stream, { result: () => ({ sizeBytes, sha256: hash.digest('hex') }) });
}

/** Reads `length` bytes at `offset` (fewer at the end of the object). */
export type ByteReader = (offset: number, length: number) => Promise<Buffer>;

export function storageReader(storage: MediaStorage, key: string): ByteReader {
  return async (offset, length) => {
    if (length <= 0) return Buffer.alloc(0);
    const chunks: Buffer[] = [];
    for await (const chunk of storage.get(key, { start: offset, end: offset + length - 1 })) {
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  };
}

export function bufferReader(buffer: Buffer): ByteReader {
  return (offset, length) => Promise.resolve(buffer.subarray(offset, offset + length));
}
