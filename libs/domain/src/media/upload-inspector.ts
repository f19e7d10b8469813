import { TextDecoder } from 'node:util';
import { Transform, TransformCallback } from 'node:stream';
import { MediaRefusal } from './media-errors';
import { maxBytes } from './media-limits';
import { SNIFF_BYTES, SniffedType, sniffMedia } from './media-sniffer';

/**
 * Holds back the first bytes of an upload until they say what it is, then passes everything
 * through unchanged; fails the stream on a refused type, past its kind's limit, or on a
 * caption track that stops being UTF-8 text. Nothing is buffered beyond SNIFF_BYTES.
 */
export class UploadInspector extends Transform {
  private head: Buffer[] = [];
  private received = 0;
  private limit = Infinity;
  private text?: TextDecoder;
  type?: SniffedType;

  constructor(private readonly maxVideoBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.received += chunk.length;
    if (this.type) {
      callback(this.check(chunk), chunk);
      return;
    }
    this.head.push(chunk);
    if (this.received < SNIFF_BYTES) {
      callback();
      return;
    }
    this.identify(false).then(() => callback(), callback);
  }

  override _flush(callback: TransformCallback) {
    if (this.received === 0) {
      callback(MediaRefusal.empty());
      return;
    }
    const done = this.type ? Promise.resolve() : this.identify(true);
    done.then(() => callback(this.endOfText()), callback);
  }

  private async identify(complete: boolean): Promise<void> {
    const head = Buffer.concat(this.head);
    this.head = [];
    const sample = head.subarray(0, SNIFF_BYTES);
    const sniffed = await sniffMedia(sample, complete && sample.length === head.length);
    if (!sniffed.accepted) throw MediaRefusal.unsupported(sniffed.detected);
    this.type = sniffed.accepted;
    this.limit = maxBytes(this.type.kind, this.maxVideoBytes);
    if (this.type.kind === 'caption') this.text = new TextDecoder('utf-8', { fatal: true });
    const error = this.check(head);
    if (error) throw error;
    this.push(head);
  }

  private check(chunk: Buffer): Error | null {
    if (this.type && this.received > this.limit) {
      return MediaRefusal.tooLarge(this.type.kind, this.limit);
    }
    if (!this.text) return null;
    try {
      this.text.decode(chunk, { stream: true });
    } catch {
      return MediaRefusal.notText();
    }
    return chunk.includes(0) ? MediaRefusal.notText() : null;
  }

  private endOfText(): Error | null {
    try {
      this.text?.decode();
      return null;
    } catch {
      return MediaRefusal.notText();
    }
  }
}
