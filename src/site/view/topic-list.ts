/**
 * A paper's topics on its page, each linking to its topic page with the reasons it was assigned,
 * as the HTML string the PaperTopics component wrote (a component render per paper page; issue 9
 * build time). No data attributes for tests: the list is on each of 50,000 paper pages (issue 9);
 * the link names the topic. Pure.
 */
import { escapeAttribute, escapeHtml, escapeText } from '../../core/escape.ts';
import { topicPath } from '../../core/paths.ts';
import { href } from './links.ts';
import { compactReasons } from './reasons.ts';

/** One of a paper's topics as the page shows it (a `PaperTopic` of src/site/data/topics.ts). */
export interface TopicWithReasons {
  slug: string;
  name: string;
  reasons: readonly string[];
}

/**
 * The content of the paper page's topics `<section>` (the page leaves the section out when there
 * are no topics). The reasons are one compact line (reasons.ts) escaped for element content only
 * (`escapeText`): they quote phrases, and `"` is five bytes less than `&quot;`.
 */
export function paperTopicsHtml(topics: readonly TopicWithReasons[], base?: string): string {
  const items = topics
    .map(
      (t) =>
        `<li><a href="${escapeAttribute(href(topicPath(t.slug), base))}">${escapeHtml(t.name)}</a><span>Why: ${escapeText(compactReasons(t.reasons))}</span></li>`,
    )
    .join('');
  return `<h2>Topics</h2><ul class="topics">${items}</ul>`;
}
