import { describe, expect, it } from 'vitest';
import { seenInHtml } from './seen-in.ts';
import { testPaper } from '../../../tests/support/builders.ts';

describe('seenInHtml', () => {
  it('writes one line for a paper seen once, naming a later capture day', () => {
    expect(seenInHtml(testPaper({ appearances: [{ digest: '2026-01-08', format: 'plaintext' }] }))).toBe(
      '<section data-seen><h2>Seen in</h2><p>Digest <a href="/digests/2026-01-08/">2026-01-08</a>, plain text capture</p></section>',
    );
    expect(seenInHtml(testPaper({ appearances: [{ digest: '2026-01-08', capturedAt: '2026-01-10T09:00:00Z' }] }))).toBe(
      '<section data-seen><h2>Seen in</h2><p>Digest <a href="/digests/2026-01-08/">2026-01-08</a>, unknown capture of 2026-01-10</p></section>',
    );
  });

  it('writes a table of every capture in order, the sparkline and counts, and wraps only a later day', () => {
    const paper = testPaper({
      appearances: [
        { digest: '2026-01-08', format: 'api', upvotes: 12, comments: 1, capturedAt: '2026-01-10T09:00:00Z' },
        { digest: '2026-01-08', format: 'plaintext', upvotes: 5, comments: null },
      ],
    });
    const html = seenInHtml(paper, '/shelf/');
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
    expect(svg).toMatch(/^<svg viewBox="0 0 160 32" [^>]*aria-label="Upvotes by capture: 5 on 2026-01-08, 12 on 2026-01-10\."/);
    expect(html).toBe(
      `<section data-seen><h2>Seen in</h2><p data-sparkline><span>${svg}</span><span aria-hidden="true">5 → 12 upvotes</span></p>` +
        '<table><thead><tr><th>Digest</th><th>Format</th><th>Upvotes</th><th>Comments</th></tr></thead><tbody>' +
        '<tr><td><a href="/shelf/digests/2026-01-08/">2026-01-08</a></td><td>plain text</td><td>5</td><td>–</td></tr>' +
        '<tr><td><a href="/shelf/digests/2026-01-08/">2026-01-08</a></td><td class="wr">API, 2026-01-10</td><td>12</td><td>1</td></tr>' +
        '</tbody></table></section>',
    );
  });

  it('leaves out the count columns when no capture showed a count', () => {
    const paper = testPaper({ appearances: [{ digest: '2026-01-08' }, { digest: '2026-01-09', format: 'markdown' }] });
    expect(seenInHtml(paper)).toBe(
      '<section data-seen><h2>Seen in</h2><table><thead><tr><th>Digest</th><th>Format</th></tr></thead><tbody>' +
        '<tr><td><a href="/digests/2026-01-08/">2026-01-08</a></td><td>?</td></tr>' +
        '<tr><td><a href="/digests/2026-01-09/">2026-01-09</a></td><td>markdown</td></tr></tbody></table></section>',
    );
  });

  it('escapes a hostile conflicting value as Astro escapes text, and shows a table even for one capture with conflicts', () => {
    const paper = testPaper({
      appearances: [{ digest: '2026-01-08', format: 'api' }],
      conflicts: [{ field: 'title', value: `<script>alert("x")</script> & 'y'\u2028`, digest: '2026-01-08' }],
    });
    expect(seenInHtml(paper, '/a&"b/')).toBe(
      '<section data-seen><h2>Seen in</h2><table><thead><tr><th>Digest</th><th>Format</th></tr></thead><tbody>' +
        '<tr><td><a href="/a&amp;&quot;b/digests/2026-01-08/">2026-01-08</a></td><td>API</td></tr></tbody></table>' +
        '<p data-conflict>The capture of 2026-01-08 showed the title “&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;\u2028”.</p></section>',
    );
  });
});
