import { chromium } from 'playwright-core';

export interface TextImageOptions {
  width: number;
  height: number;
  /** Each line is drawn where it says, in CSS pixels (= image pixels). */
  lines: { text: string; x: number; y: number; size: number }[];
}

/**
 * A PNG of the given lines, drawn at test time by Debian's Chromium: an image with known text at
 * known places, for OCR to read (no binary fixture in the repository).
 */
export async function renderTextImage({ width, height, lines }: TextImageOptions): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width, height } });
    const html = lines
      .map(
        ({ text, x, y, size }) =>
          `<div style="position:absolute;left:${x}px;top:${y}px;font-size:${size}px">${text}</div>`,
      )
      .join('');
    await page.setContent(
      `<body style="margin:0;background:#f6f3ea;color:#1d2a3a;font-family:sans-serif">${html}</body>`,
    );
    return await page.screenshot({ type: 'png' });
  } finally {
    await browser.close();
  }
}
