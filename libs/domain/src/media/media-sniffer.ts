import { TextDecoder } from 'node:util';
import FileType from 'file-type';
import { MediaKind } from './media.entity';

export interface SniffedType {
  kind: MediaKind;
  mimeType: string;
}

/** What the bytes are; `accepted` is absent when Rounds does not take that type. */
export interface SniffResult {
  accepted?: SniffedType;
  /** The detected MIME type, or a description of why nothing was recognised. */
  detected: string;
}

/** Bytes enough for every signature file-type checks (its own minimum sample size). */
export const SNIFF_BYTES = 4100;

const BINARY_KINDS: Record<string, MediaKind> = {
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
  'video/mp4': 'video',
  'video/quicktime': 'video',
  'video/webm': 'video',
};

const BOM = '\uFEFF';
const WEBVTT = /^WEBVTT(?:[ \t\r\n]|$)/;
const SRT_CUE = /^\d+\r?\n\d{2}:\d{2}:\d{2},\d{3} --> \d{2}:\d{2}:\d{2},\d{3}/;

/** The start of the file as text, or null when it is not UTF-8 text (binary or NUL bytes). */
export function decodeTextHead(head: Buffer, complete: boolean): string | null {
  if (head.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
  } catch {
    return null;
  }
}

/** A caption track by its content: a WebVTT header, or an SRT file opening with its first cue. */
export function sniffCaption(text: string): SniffedType | undefined {
  const start = text.startsWith(BOM) ? text.slice(1) : text;
  if (WEBVTT.test(start)) return { kind: 'caption', mimeType: 'text/vtt' };
  if (SRT_CUE.test(start.trimStart())) return { kind: 'caption', mimeType: 'application/x-subrip' };
  return undefined;
}

/**
 * Identifies a file from its first bytes (at least SNIFF_BYTES unless the file is shorter),
 * never from its name or declared content type.
 */
export async function sniffMedia(head: Buffer, complete: boolean): Promise<SniffResult> {
  const binary = await FileType.fromBuffer(head);
  if (binary) {
    const kind = BINARY_KINDS[binary.mime];
    return {
      detected: binary.mime,
      ...(kind ? { accepted: { kind, mimeType: binary.mime } } : {}),
    };
  }
  const text = decodeTextHead(head, complete);
  if (text === null) return { detected: 'unrecognised binary data' };
  const caption = sniffCaption(text);
  return caption ? { detected: caption.mimeType, accepted: caption } : { detected: 'plain text' };
}
