import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { mkdir, rename, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { joinSegments, MediaText } from './media-text';

/** English and Spanish, the languages the PHI scanner reads. */
const LANGUAGES = ['eng', 'spa'] as const;

/**
 * tesseract.js reads every language from one `langPath`, while each @tesseract.js-data package
 * ships its own folder: a folder of links to the shipped files (the LSTM-only integer models) is
 * that path. A local path is read from disk, never fetched, and `cacheMethod: 'none'` keeps
 * tesseract from looking in or writing to a cache: nothing is downloaded at run time.
 */
async function shippedLanguages(): Promise<string> {
  const langPath = join(tmpdir(), 'rounds-tessdata');
  await mkdir(langPath, { recursive: true });
  for (const code of LANGUAGES) {
    const root = dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
    // Made aside and renamed into place: processes starting together each replace it whole.
    const link = join(langPath, `${code}.traineddata.gz`);
    const fresh = `${link}.${process.pid}`;
    await symlink(join(root, '4.0.0_best_int', `${code}.traineddata.gz`), fresh);
    await rename(fresh, link);
  }
  return langPath;
}

/** Reads the text in an image with tesseract.js; one engine per process, started on first use. */
@Injectable()
export class TextRecognizer implements OnModuleDestroy {
  private engine?: Promise<Worker>;

  /** The lines read, each a segment with its bounding box in the image's pixels. */
  async read(image: Buffer): Promise<MediaText> {
    const engine = await this.start();
    const { data } = await engine.recognize(image, {}, { blocks: true, text: false });
    const lines = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
    return joinSegments(
      lines
        .map((line) => ({ line, text: line.text.trim() }))
        .filter(({ text }) => text.length > 0)
        .map(({ line: { bbox }, text }) => ({
          text,
          region: { x: bbox.x0, y: bbox.y0, width: bbox.x1 - bbox.x0, height: bbox.y1 - bbox.y0 },
        })),
    );
  }

  async onModuleDestroy(): Promise<void> {
    const engine = this.engine;
    this.engine = undefined;
    if (engine) await (await engine).terminate();
  }

  private start(): Promise<Worker> {
    this.engine ??= shippedLanguages()
      .then((langPath) =>
        createWorker([...LANGUAGES], OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' }),
      )
      .catch((error: unknown) => {
        this.engine = undefined; // the next image tries again
        throw error;
      });
    return this.engine;
  }
}
