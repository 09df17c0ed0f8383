import { describe, expect, it } from 'vitest';
import { barChartSvg, chartSummary, sparklineSvg } from './charts.ts';

/** Attribute values of every `<tag …>` in `svg`, in order. */
function attrs(svg: string, tag: string): Array<Record<string, string>> {
  return [...svg.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}

describe('chartSummary', () => {
  it('states total, range, peak and latest value', () => {
    const points = [
      { label: '2024-W01', count: 3 },
      { label: '2024-W02', count: 1200 },
      { label: '2024-W03', count: 0 },
    ];
    expect(chartSummary(points, 'Papers per week')).toBe(
      'Papers per week: 1,203 papers from 2024-W01 to 2024-W03; most in 2024-W02 (1,200); latest 0.',
    );
    expect(chartSummary([], 'Papers per week')).toBe('Papers per week: no data.');
  });
});

const points = [
  { label: '2024-01', count: 2 },
  { label: '2024-02', count: 0 },
  { label: '2024-03', count: 8 },
  { label: '2024-04', count: 4 },
];

describe.each([
  ['sparklineSvg', sparklineSvg],
  ['barChartSvg', barChartSvg],
])('%s', (_name, chart) => {
  it('is an accessible, script-free SVG using currentColor', () => {
    const out = chart(points, { title: 'Reasoning papers per month' });
    const [root] = attrs(out, 'svg');
    expect(root).toMatchObject({ role: 'img', xmlns: 'http://www.w3.org/2000/svg' });
    expect(root!.viewBox).toMatch(/^0 0 \d+ \d+$/);
    expect(root!['aria-label']).toBe('Reasoning papers per month: 14 papers from 2024-01 to 2024-04; most in 2024-03 (8); latest 4.');
    expect(out).toContain(`<title>${root!['aria-label']}</title>`);
    expect(out).toContain('currentColor');
    expect(out).not.toMatch(/<script|\son\w+=/i);
  });

  it('escapes the title and labels', () => {
    const out = chart([{ label: '<b>"x"</b>', count: 1 }], { title: 'Topic <script>alert(1)</script> & "co"', className: 'a"b' });
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<b>');
    expect(out).toContain('Topic &#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;co&#34;');
    expect(attrs(out, 'svg')[0]!.class).toBe('a&#34;b');
  });

  it('handles empty input with a "no data" name and no shapes', () => {
    const out = chart([], { title: 'Papers per week' });
    expect(attrs(out, 'svg')[0]!['aria-label']).toBe('Papers per week: no data.');
    expect(out).not.toMatch(/<(rect|polyline|polygon|circle)/);
  });
});

describe('sparklineSvg geometry', () => {
  it('puts the maximum at the top, zero on the baseline, one vertex per point', () => {
    const out = sparklineSvg(points, { title: 't', width: 100, height: 20 });
    const coords = attrs(out, 'polyline')[0]!
      .points!.split(' ')
      .map((p) => p.split(',').map(Number));
    expect(coords).toHaveLength(4);
    expect(coords.map(([x]) => x)).toEqual([2, 34, 66, 98]);
    expect(coords[2]![1]).toBe(2); // count 8 = max → top padding
    expect(coords[1]![1]).toBe(18); // count 0 → baseline
    expect(coords[3]![1]).toBe(10); // count 4 = half
  });

  it('draws all-zero data flat and a single point as a dot', () => {
    const flat = sparklineSvg(
      [
        { label: 'a', count: 0 },
        { label: 'b', count: 0 },
      ],
      { title: 't', height: 20 },
    );
    expect(
      new Set(
        attrs(flat, 'polyline')[0]!
          .points!.split(' ')
          .map((p) => p.split(',')[1]),
      ),
    ).toEqual(new Set(['18']));
    const single = sparklineSvg([{ label: 'a', count: 5 }], { title: 't' });
    expect(single).toContain('<circle');
    expect(single).not.toContain('<polyline');
  });
});

describe('barChartSvg geometry', () => {
  it('draws one bar per non-zero count, heights proportional, each with a label', () => {
    const out = barChartSvg(points, { title: 't', width: 400, height: 101 });
    const rects = attrs(out, 'rect');
    expect(rects).toHaveLength(3);
    expect(rects.map((r) => Number(r.height))).toEqual([25, 100, 50]);
    expect(rects.map((r) => Number(r.x))).toEqual([10, 210, 310]); // slots of 100, 20% gap
    for (const r of rects) expect(Number(r.y) + Number(r.height)).toBe(100);
    expect(out).toContain('<title>2024-03: 8</title>');
    // The fill is set once, on the group around the bars.
    expect(out).toMatch(/<g fill="currentColor"><rect/);
    expect(rects.every((r) => r.fill === undefined)).toBe(true);
  });
});
