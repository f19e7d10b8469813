/** One part of a multipart/form-data body, bytes untouched. */
export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Splits a raw multipart/form-data body. Hand-rolled because twitter-api-v2 sends the media chunk
 * as a field without a filename, which form parsers decode as text and corrupt.
 */
export function parseMultipart(body: Buffer, contentType: string): FormPart[] | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: FormPart[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const headerStart = afterDelimiter + CRLF.length;
    const headerEnd = body.indexOf(HEADER_END, headerStart);
    const next = body.indexOf(delimiter, headerStart);
    if (headerEnd < 0 || next < 0) return undefined;
    const part = readPart(body.subarray(headerStart, headerEnd).toString('utf8'));
    // The part's data ends with the CRLF that precedes the next delimiter.
    part.data = body.subarray(headerEnd + HEADER_END.length, next - CRLF.length);
    parts.push(part);
    start = next;
  }
  return parts;
}

function readPart(headerBlock: string): FormPart {
  const part: FormPart = { name: '', data: Buffer.alloc(0) };
  for (const line of headerBlock.split('\r\n')) {
    const [key, ...rest] = line.split(':');
    const value = rest.join(':').trim();
    if (key.toLowerCase() === 'content-type') part.contentType = value;
    if (key.toLowerCase() === 'content-disposition') {
      part.name = /\bname="([^"]*)"/i.exec(value)?.[1] ?? '';
      part.filename = /\bfilename="([^"]*)"/i.exec(value)?.[1];
    }
  }
  return part;
}
