/**
 * The history fixture (tests/fixtures/history) as a user gets it: `npm run ingest` on its digests
 * (four captures of one paper, a counts file, a retitled paper, a missing weekday, a weekday in
 * empty-days.txt), then
 * `astro build`. Checked in the built HTML, `archive.jsonl` and the ingest report.
 */
import { describe, expect, it, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { page, squash } from '../support/html.ts';
import { HISTORY } from '../fixtures/history/digests.ts';
import { archiveRecordSchema } from '../../src/schemas/archive.ts';

const site = inject('history');
const paperPage = (id: string) => page(site.dist, `papers/${id}/`);
const seenRows = (id: string) =>
  paperPage(id)
    .querySelectorAll('[data-seen] tr')
    .slice(1)
    .map((tr) => tr.querySelectorAll('td').map((td) => squash(td.text)));

describe('provenance', () => {
  it('lists every capture of the four-times-captured paper, in capture order, each linking to its digest', () => {
    expect(seenRows(HISTORY.tracked)).toEqual([
      ['2026-01-08', 'plain text', '5', '1'],
      ['2026-01-08', 'markdown', '9', '1'],
      ['2026-01-08', 'API', '12', '1'],
      ['2026-01-08', 'API, 2026-01-10', '20', '1'],
    ]);
    const links = paperPage(HISTORY.tracked)
      .querySelectorAll('[data-seen] td a')
      .map((a) => a.getAttribute('href'));
    expect(links).toEqual(Array(4).fill('/digests/2026-01-08/'));
  });

  it('says which capture the shown counts came from', () => {
    const doc = paperPage(HISTORY.tracked);
    const upvotes = doc.querySelectorAll('li').find((li) => squash(li.text) === '20 upvotes');
    expect(upvotes?.getAttribute('title')).toBe('from the API capture of 2026-01-10 (digest 2026-01-08)');
    const authors = doc.querySelectorAll('p').find((p) => squash(p.text) === 'Ada Lovelace, Alan Turing');
    expect(authors?.getAttribute('title')).toMatch(/^from the API capture of 2026-01-1?[08]/);
  });

  it('archive.jsonl carries the appearances in capture order', () => {
    const records = readFileSync(site.archive, 'utf8')
      .trim()
      .split('\n')
      .map((l) => archiveRecordSchema.parse(JSON.parse(l)));
    const tracked = records.find((r) => r.id === HISTORY.tracked)!;
    expect(tracked.appearances).toEqual([
      { digest: '2026-01-08', format: 'plaintext', upvotes: 5, comments: 1 },
      { digest: '2026-01-08', format: 'markdown', upvotes: 9, comments: 1 },
      { digest: '2026-01-08', format: 'api', upvotes: 12, comments: 1 },
      { digest: '2026-01-08', format: 'api', upvotes: 20, comments: 1 },
    ]);
    expect(records.find((r) => r.id === HISTORY.counted)!.appearances.map((a) => [a.format, a.upvotes])).toEqual([
      ['api', 3],
      ['counts', 17],
    ]);
  });
});

describe('trends', () => {
  /** The sparkline's points as [x, y]. */
  const points = (id: string) =>
    paperPage(id)
      .querySelector('[data-sparkline] polyline')!
      .getAttribute('points')!
      .split(' ')
      .map((p) => p.split(',').map(Number) as [number, number]);

  it("the sparkline's points follow the counts of the captures", () => {
    const svg = paperPage(HISTORY.tracked).querySelector('[data-sparkline] svg')!;
    const height = Number(svg.getAttribute('height'));
    const pts = points(HISTORY.tracked);
    expect(pts).toHaveLength(4);
    // y measures upvotes from the bottom (3 units of padding), scaled to the largest count.
    const max = Math.max(...HISTORY.trackedUpvotes);
    const shown = pts.map(([, y]) => Math.round(((height - 3 - y) / (height - 6)) * max));
    expect(shown).toEqual([...HISTORY.trackedUpvotes]);
    // x follows capture time: the later API save (two days on) is far right of the others.
    expect(pts.map(([x]) => x)).toEqual([...pts.map(([x]) => x)].sort((a, b) => a - b));
    expect(pts[3]![0] - pts[2]![0]).toBeGreaterThan(pts[2]![0] - pts[0]![0]);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'Upvotes by capture: 5 on 2026-01-08, 9 on 2026-01-08, 12 on 2026-01-08, 20 on 2026-01-10.',
    );
  });

  it('a counts line adds a capture, the newest counts and a sparkline point', () => {
    expect(seenRows(HISTORY.counted)).toEqual([
      ['2026-01-09', 'API', '3', '0'],
      ['2026-01-09', 'counts, 2026-01-12', '17', '2'],
    ]);
    expect(squash(paperPage(HISTORY.counted).text)).toContain('17 upvotes');
    expect(points(HISTORY.counted)).toHaveLength(2);
  });

  it('a paper seen once has no sparkline, and the Seen in block stays small', () => {
    const doc = paperPage('2601.10501');
    expect(doc.querySelector('[data-sparkline]')).toBeNull();
    // One capture: one line naming the digest (linked) and the capture, not a one-row table; the
    // counts it showed are the page's own, and no field needs a "from which capture" tooltip
    // (issue 9: ~600 bytes less on nearly every one of 50,000 pages).
    const seen = doc.querySelector('[data-seen]')!;
    expect(seen.querySelector('table')).toBeNull();
    expect(squash(seen.querySelector('p')!.text)).toMatch(/^Digest 2026-01-\d\d, (plain text|markdown|API) capture$/);
    expect(seen.querySelector('a')!.getAttribute('href')).toMatch(/^\/digests\/2026-01-\d\d\/$/);
    expect(doc.querySelectorAll('article [title]')).toEqual([]);
    expect(seen.outerHTML.length).toBeLessThan(200);
    // The largest case: four rows and a sparkline, still about a kilobyte (1,413 B with the thead/tbody
    // html-validate's prefer-tbody asks for; 1,383 B without them).
    expect(paperPage(HISTORY.tracked).querySelector('[data-seen]')!.outerHTML.length).toBeLessThan(1450);
  });
});

describe('rising', () => {
  it('the home page lists the papers whose upvotes grew most over the last 14 days, with the counts', () => {
    const items = page(site.dist, '')
      .querySelectorAll('[data-rising] li')
      .map((li) => [li.querySelector('a')!.getAttribute('href'), squash(li.text)]);
    expect(items).toEqual([
      [`/papers/${HISTORY.tracked}/`, '+15 Tracked Across Captures 5 on Jan 8, 2026 → 20 on Jan 10, 2026'],
      [`/papers/${HISTORY.counted}/`, '+14 Counted Again Later 3 on Jan 9, 2026 → 17 on Jan 12, 2026'],
      [`/papers/${HISTORY.retitled}/`, '+2 A Revised and Longer Title 4 on Jan 6, 2026 → 6 on Jan 7, 2026'],
    ]);
  });
});

describe('trust', () => {
  it('shows the current title and notes the older one', () => {
    const doc = paperPage(HISTORY.retitled);
    expect(squash(doc.querySelector('h1')!.text)).toBe('A Revised and Longer Title');
    expect(doc.querySelectorAll('[data-conflict]').map((p) => squash(p.text))).toEqual([
      'The capture of 2026-01-06 showed the title “An Early Title”.',
    ]);
  });

  it('the ingest report counts the conflicts', () => {
    expect(readFileSync(site.report, 'utf8')).toMatch(/^ {2}conflicts {10}1 /m);
  });
});

describe('coverage', () => {
  const calendar = () => page(site.dist, 'digests/').querySelector('[data-calendar]')!;

  it('shows the one missing weekday with the fetch line, and no weekend as missing', () => {
    expect(
      calendar()
        .querySelectorAll('[data-missing] li')
        .map((li) => squash(li.text)),
    ).toEqual([`npm run fetch -- --date ${HISTORY.missing}`]);
    const svg = calendar().querySelector('svg')!;
    expect(svg.getAttribute('aria-label')).toBe(
      '2026: 8 digest days (12 papers), 1 missing weekday, 2 weekend days without a digest, 1 weekday with no digest (the API had none).',
    );
    // The outlined (missing) path holds exactly one square.
    const outlined = svg.querySelectorAll('path').filter((p) => p.getAttribute('fill') === 'none');
    expect(outlined.map((p) => p.getAttribute('d')!.match(/M/g)!.length)).toEqual([1]);
  });

  it('shows the weekday in empty-days.txt as no digest expected: faint like the weekend, named, no fetch line', () => {
    expect(squash(calendar().querySelector('[data-empty]')!.text)).toBe(`No digest (the API had none): ${HISTORY.holiday}`);
    expect(squash(calendar().text)).toContain('or a weekday with no digest (the API had none)');
    expect(calendar().text).not.toContain(`--date ${HISTORY.holiday}`);
    // The faint path holds the weekend (10th, 11th) and the holiday: three squares.
    const faint = calendar()
      .querySelectorAll('svg path')
      .filter((p) => p.getAttribute('opacity') === '.15');
    expect(faint.map((p) => p.getAttribute('d')!.match(/M/g)!.length)).toEqual([3]);
    // 2026-01-08 is listed too, but has digests: it stays a digest day (not in the list above; one of
    // the 8 digest days of the text alternative).
  });

  it('npm run ingest warns once about the missing weekday', () => {
    const lines = readFileSync(site.report, 'utf8')
      .split('\n')
      .filter((l) => l.includes('no digest'));
    expect(lines).toEqual([
      'warning: 1 weekday has no digest between the first and last digest day (2026-01-13); /digests/ lists them, `npm run fetch -- --date YYYY-MM-DD` saves one',
    ]);
    // empty-days.txt is read as the list it is: no file read as a digest, no error, no entry.
    expect(readFileSync(site.report, 'utf8')).toMatch(
      /^ {2}empty days {9}2 \(weekdays the API had no papers for, not missing; .*empty-days\.txt\)$/m,
    );
    expect(readFileSync(site.report, 'utf8')).toMatch(/^ {2}files read {9}12$/m);
  });
});
