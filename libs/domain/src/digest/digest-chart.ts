export interface ChartBar {
  label: string;
  value: number;
}

const WIDTH = 560;
const HEIGHT = 200;
const AXIS = 24;
const TOP = 20;

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A bar chart as inline SVG (no image library is installed, and an e-mail cannot run scripts):
 * one bar per day, its value above it, its label below.
 */
export function barChartSvg(title: string, bars: ChartBar[]): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = WIDTH / Math.max(1, bars.length);
  const barWidth = Math.max(4, slot * 0.6);
  const plot = HEIGHT - AXIS - TOP;
  const shapes = bars.map((bar, i) => {
    const height = Math.round((Math.max(0, bar.value) / max) * plot);
    const x = Math.round(i * slot + (slot - barWidth) / 2);
    const y = TOP + plot - height;
    const middle = Math.round(i * slot + slot / 2);
    return [
      `<rect x="${x}" y="${y}" width="${Math.round(barWidth)}" height="${height}" fill="#1d9bf0"/>`,
      `<text x="${middle}" y="${y - 4}" font-size="11" text-anchor="middle" fill="#333">${bar.value}</text>`,
      `<text x="${middle}" y="${HEIGHT - 8}" font-size="11" text-anchor="middle" fill="#666">${escapeXml(bar.label)}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<line x1="0" y1="${HEIGHT - AXIS}" x2="${WIDTH}" y2="${HEIGHT - AXIS}" stroke="#ccc"/>`,
    ...shapes,
    '</svg>',
  ].join('');
}
