import { barChartSvg } from './digest-chart';

describe('barChartSvg', () => {
  it('draws one bar per day, the tallest for the largest value, with escaped labels', () => {
    const svg = barChartSvg('Engagements <per day>', [
      { label: 'Mon', value: 10 },
      { label: 'Tue', value: 40 },
      { label: 'W&d', value: 0 },
    ]);
    const heights = [...svg.matchAll(/<rect [^>]*height="(\d+)"/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(3);
    expect(heights[1]).toBeGreaterThan(heights[0]);
    expect(heights[2]).toBe(0);
    expect(svg).toContain('W&#38;d');
    expect(svg).toContain('<title>Engagements &#60;per day&#62;</title>');
  });
});
