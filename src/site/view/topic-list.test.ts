import { describe, expect, it } from 'vitest';
import { paperTopicsHtml } from './topic-list.ts';

describe('paperTopicsHtml', () => {
  it('links each topic and gives its reasons on one line, the name escaped as Astro escapes text and the reasons keeping their quotes', () => {
    const html = paperTopicsHtml([
      { slug: 'rl', name: `Q & "A" <RL> 'x'`, reasons: ['title mentions "agent"', 'abstract mentions "a<b & c" (3×)'] },
      { slug: 'misc', name: 'Misc', reasons: [] },
    ]);
    expect(html).toBe(
      '<h2>Topics</h2><ul class="topics">' +
        '<li><a href="/topics/rl/">Q &amp; &quot;A&quot; &lt;RL&gt; &#39;x&#39;</a><span>Why: title "agent"; abstract "a&lt;b &amp; c" ×3</span></li>' +
        '<li><a href="/topics/misc/">Misc</a><span>Why: assigned by the taxonomy</span></li></ul>',
    );
  });

  it('writes topic links under the base path', () => {
    expect(paperTopicsHtml([{ slug: 'rl', name: 'RL', reasons: [] }], '/shelf/')).toContain('<a href="/shelf/topics/rl/">RL</a>');
  });
});
