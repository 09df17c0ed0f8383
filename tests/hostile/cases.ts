/**
 * The hostile-digest set (issue 7): inputs a hostile or careless user could put in
 * `content/digests/`, in every format, each with the outcome Papershelf owes it. The harness
 * (harness.ts) writes each case to its own folder `cases/<id>/` next to the sample digest, ingests
 * them all at once, builds one site of them, and checks every page in Chromium.
 *
 * Every payload calls `__hx('<case id>')` (or `alert`), so a script that runs names its case.
 * Cases that still fail because of a defect another item of issue 7 fixes are listed in
 * known-defects.ts, not weakened here.
 */
import type { Paper } from '../../src/schemas/paper.ts';
import { api, apiEntry, markdown, plaintext, textBrowser, type ApiSpec, type CardSpec } from './formats.ts';

/** What ingest (or, for notes, the build) must do with a case. */
type Outcome =
  /** Read in full with no error: `papers` papers come from it (warnings allowed only when `warning` is set). */
  | { outcome: 'accepted'; papers: number; warning?: RegExp }
  /** Some or all of its cards refused, each with an error naming `file:line`; `papers` papers still come from it. */
  | { outcome: 'rejected'; papers: number; message: RegExp }
  /** Either refused or accepted with a warning (both are fine), as long as a problem naming `file:line` says so; `papers` is [min, max]. */
  | { outcome: 'reported'; papers: [number, number]; message: RegExp }
  /** Not read at all: the report lists the file as not read (with `severity`, when set), its reason matching `message`. */
  | { outcome: 'skipped'; message: RegExp; severity?: 'error' | 'warning' | 'info' }
  /** A note: `npm run build` stops with a message naming the note's `file:line`, and no stack trace. */
  | { outcome: 'build-fails'; message: RegExp };

/** One hostile input. */
export interface HostileCase {
  /** Unique, kebab-case; also the folder name and the canary tag. */
  id: string;
  /** Format it is written in (`file` for file-system tricks, `note` for a hand-written MDX note). */
  format: 'plaintext' | 'markdown' | 'textbrowser' | 'api' | 'file' | 'note';
  /** What it tries to break. */
  tries: string;
  /** Files of the case, written to `cases/<id>/` (a note goes to the notes folder instead). */
  files: Array<{ name: string; content: string | Buffer } | { name: string; symlink: 'outside' | 'dangling' }>;
  expect: Outcome;
  /**
   * What must hold of the case's papers when it is read; returns what is wrong, or null. A failure
   * means text was lost or corrupted without a word: silent loss.
   */
  check?: (papers: Paper[]) => string | null;
  /** What a reader loses when the case is read without the declared warning or error (that makes it a silent loss). */
  silently?: string;
}

/** The script a payload runs: records the case in the test browser (and throws anywhere else). */
const run = (id: string) => `__hx('${id}')`;
const img = (id: string) => `<img src=x onerror="${run(id)}">`;
const scriptTag = (id: string) => `<script>${run(id)}</script>`;
/** Breaks out of a double-quoted attribute. */
const attr = (id: string) => `"><svg onload=${run(id)}>`;
/** Breaks out of an inline `<script>` such as JSON-LD. */
const endScript = (id: string) => `</script><script>${run(id)}</script>`;

const plainAbstract = (what: string) => `We study ${what} with a careful method and report robust results on standard benchmarks.`;

/** The papers' titles must contain `text` exactly (markup kept as text, never dropped). */
const titleKeeps = (text: string) => (papers: Paper[]) =>
  papers.some((p) => p.title.includes(text)) ? null : `no title keeps ${JSON.stringify(text.slice(0, 60))}`;
const abstractKeeps = (text: string) => (papers: Paper[]) =>
  papers.some((p) => p.abstract.includes(text)) ? null : `no abstract keeps ${JSON.stringify(text.slice(0, 60))}`;
const orgNameIs = (name: string) => (papers: Paper[]) =>
  papers.some((p) => p.org?.name === name) ? null : `no paper has the organisation name ${JSON.stringify(name.slice(0, 60))}`;

const plain = (id: string, tries: string, cards: CardSpec[], expect: Outcome, check?: HostileCase['check']): HostileCase => ({
  id,
  format: 'plaintext',
  tries,
  files: [{ name: '2026-02-02.txt', content: plaintext(cards) }],
  expect,
  check,
});
const md = (id: string, tries: string, cards: CardSpec[], expect: Outcome, check?: HostileCase['check']): HostileCase => ({
  id,
  format: 'markdown',
  tries,
  files: [{ name: '2026-02-02.md', content: markdown(cards) }],
  expect,
  check,
});
const tb = (id: string, tries: string, cards: CardSpec[], expect: Outcome, check?: HostileCase['check']): HostileCase => ({
  id,
  format: 'textbrowser',
  tries,
  files: [{ name: '2026-02-02.txt', content: textBrowser(cards) }],
  expect,
  check,
});
const json = (
  id: string,
  tries: string,
  entries: ApiSpec[],
  expect: Outcome,
  check?: HostileCase['check'],
  name = '2026-02-02.json',
): HostileCase => ({
  id,
  format: 'api',
  tries,
  files: [{ name, content: api(entries) }],
  expect,
  check,
});
const ok = (papers = 1): Outcome => ({ outcome: 'accepted', papers });
const rejected = (message: RegExp, papers = 0): Outcome => ({ outcome: 'rejected', papers, message });
const reported = (message: RegExp, papers: [number, number] = [0, 1]): Outcome => ({ outcome: 'reported', papers, message });

/** A 100,000-character word (issue 7, item 6: pages must wrap it). */
const LONG_WORD = 'Superlongword'.repeat(7_700).slice(0, 100_000);
/** The same amount of text in ordinary words: the page a long word's layout is compared with. */
const LONG_PROSE = Array.from({ length: 12_500 }, (_, i) => ['model', 'data', 'tokens', 'layer', 'attention', 'scaling'][i % 6]).join(' ');

/** Every hostile case. Ids are stable: the lead's known-defects list and the report name them. */
export const HOSTILE_CASES: readonly HostileCase[] = [
  // ── Script injection, field by field, format by format ───────────────────────────────────────
  plain(
    'plain-title-img',
    'script in a plain-text title',
    [{ title: `Hostile title ${img('plain-title-img')} decoding`, abstract: plainAbstract('titles') }],
    ok(),
    titleKeeps(img('plain-title-img')),
  ),
  plain(
    'plain-abstract-script',
    'script tag in an abstract',
    [
      {
        title: 'Hostile abstract with a script tag',
        abstract: `Decoding ${scriptTag('plain-abstract-script')} and more ${attr('plain-abstract-script')} text.`,
      },
    ],
    ok(),
    abstractKeeps(scriptTag('plain-abstract-script')),
  ),
  plain(
    'plain-org-alert',
    'issue 7 item 1 as reported: org byline `acme <img onerror=alert(document.domain)>`',
    [
      {
        title: 'Hostile byline from the report decoding',
        abstract: plainAbstract('speculative decoding'),
        org: { slug: 'acme', name: '<img src=x onerror=alert(document.domain)>' },
      },
    ],
    ok(),
    orgNameIs('<img src=x onerror=alert(document.domain)>'),
  ),
  plain(
    'plain-org-canary',
    'script in an organisation name shown as a search filter',
    [
      {
        title: 'Hostile organisation name decoding',
        abstract: plainAbstract('hostile organisations'),
        org: { slug: 'evil-labs', name: `Evil ${img('plain-org-canary')} Labs` },
      },
    ],
    ok(),
    orgNameIs(`Evil ${img('plain-org-canary')} Labs`),
  ),
  plain(
    'plain-org-entities',
    'an organisation name already HTML-escaped (double decoding)',
    [
      {
        title: 'Hostile escaped organisation decoding',
        abstract: plainAbstract('entity decoding'),
        org: { slug: 'entity-labs', name: `&lt;img src=x onerror="${run('plain-org-entities')}"&gt; &amp; Co` },
      },
    ],
    ok(),
    orgNameIs(`&lt;img src=x onerror="${run('plain-org-entities')}"&gt; &amp; Co`),
  ),
  plain(
    'plain-org-slug-markup',
    'markup in an organisation slug (becomes a URL path)',
    [
      {
        title: 'Hostile organisation slug',
        abstract: plainAbstract('slugs'),
        byline: `evil"><svg/onload=${run('plain-org-slug-markup')}> Evil Org`,
      },
    ],
    rejected(/byline|expected/i),
  ),
  plain(
    'plain-attribute-breakout',
    'attribute break-out in a title (meta, og:title, data attributes)',
    [{ title: `Hostile ${attr('plain-attribute-breakout')} attribute break-out`, abstract: plainAbstract('attributes') }],
    ok(),
    titleKeeps(attr('plain-attribute-breakout')),
  ),
  plain(
    'plain-jsonld-breakout',
    '`</script>` in a title and abstract (JSON-LD block)',
    [
      {
        title: `Hostile JSON-LD ${endScript('plain-jsonld-breakout')}`,
        abstract: `Abstract ${endScript('plain-jsonld-breakout')} ends the script.`,
      },
    ],
    ok(),
    titleKeeps(endScript('plain-jsonld-breakout')),
  ),
  plain(
    'plain-rss-breakout',
    'CDATA end and XML markup in a title and abstract (RSS)',
    [
      {
        title: 'Hostile ]]></title><item><title>Injected</title></item> feed',
        abstract: `Abstract ]]> &amp; <![CDATA[ x ]]> <description>${scriptTag('plain-rss-breakout')}</description>`,
      },
    ],
    ok(),
    titleKeeps(']]></title><item>'),
  ),
  plain(
    'plain-url-breakout',
    'a URL in an abstract that breaks out of its href',
    [
      {
        title: 'Hostile linkified URL',
        abstract: `Code at https://example.org/x"onmouseover="${run('plain-url-breakout')}"/y and https://example.org/<script>${run('plain-url-breakout')}</script>.`,
      },
    ],
    ok(),
  ),
  plain(
    'plain-javascript-url',
    '`javascript:` and `data:` URLs in an abstract',
    [
      {
        title: 'Hostile javascript URL in abstract',
        abstract: `Click javascript:${run('plain-javascript-url')} or data:text/html,${scriptTag('plain-javascript-url')} or JaVaScRiPt://%0a${run('plain-javascript-url')}.`,
      },
    ],
    ok(),
  ),
  plain(
    'plain-katex-href',
    'KaTeX commands that make links or HTML (`\\href`, `\\url`, `\\htmlId`)',
    [
      {
        title: `Hostile math $\\href{javascript:${run('plain-katex-href')}}{x}$ title`,
        abstract: `Math $\\url{javascript:${run('plain-katex-href')}}$ and $\\htmlId{x" onmouseover="${run('plain-katex-href')}}{y}$ and $\\includegraphics{x}$.`,
      },
    ],
    ok(),
  ),
  plain(
    'plain-math-markup',
    'markup inside `$…$` math',
    [
      {
        title: `Hostile $<img src=x onerror=${run('plain-math-markup')}>$ math`,
        abstract: `Formula $x < y ${img('plain-math-markup')}$ holds.`,
      },
    ],
    ok(),
  ),
  plain(
    'plain-template-syntax',
    'template and MDX syntax (`{…}`, `${…}`, `{{…}}`, `<Component />`)',
    [
      {
        title: 'Hostile {globalThis.__hx("plain-template-syntax")} ${1+1} {{7*7}}',
        abstract: 'Text <Fragment set:html="<img src=x onerror=__hx(1)>" /> and {Astro.props} and <style>body{display:none}</style>.',
      },
    ],
    ok(),
    titleKeeps('{globalThis.__hx("plain-template-syntax")}'),
  ),
  md(
    'md-title-abstract',
    "script in a markdown capture's title and abstract",
    [
      {
        title: `Hostile markdown ${img('md-title-abstract')} title`,
        abstract: `Markdown abstract ${scriptTag('md-title-abstract')} here.`,
      },
    ],
    ok(),
    titleKeeps(img('md-title-abstract')),
  ),
  md(
    'md-org-badge',
    'script in a markdown org badge name',
    [
      {
        title: 'Hostile markdown organisation',
        abstract: plainAbstract('markdown badges'),
        org: { slug: 'md-evil', name: `Md ${img('md-org-badge')} Org` },
      },
    ],
    ok(),
  ),
  md(
    'md-link-escape',
    'markdown link syntax in a title (a link to `javascript:`)',
    [
      {
        title: `Hostile [click](javascript:${run('md-link-escape')}) title`,
        abstract: `See [here](javascript:${run('md-link-escape')}) and ![x](javascript:${run('md-link-escape')}).`,
      },
    ],
    ok(),
  ),
  md(
    'md-arxiv-id-markup',
    'markup in the arXiv id of a paper link',
    [{ id: `2602.9"><svg onload=${run('md-arxiv-id-markup')}>`, title: 'Hostile markdown arXiv id', abstract: plainAbstract('ids') }],
    rejected(/expected/i),
  ),
  tb(
    'tb-title-abstract',
    "script in a text-browser capture's title and abstract",
    [{ title: `Hostile text browser ${img('tb-title-abstract')}`, abstract: `Text browser ${endScript('tb-title-abstract')} abstract.` }],
    ok(),
    titleKeeps(img('tb-title-abstract')),
  ),
  tb(
    'tb-org',
    'script in a text-browser org badge',
    [
      {
        title: 'Hostile text browser organisation',
        abstract: plainAbstract('badges'),
        org: { slug: 'tb-evil', name: `Tb ${img('tb-org')} Org` },
      },
    ],
    ok(),
  ),
  json(
    'api-title-summary',
    'script in an API title and summary',
    [
      {
        id: '2602.80001',
        title: `Hostile API ${img('api-title-summary')} title`,
        summary: `API summary ${scriptTag('api-title-summary')} and ${endScript('api-title-summary')}.`,
      },
    ],
    ok(),
    titleKeeps(img('api-title-summary')),
  ),
  json(
    'api-authors',
    'script in author names',
    [
      {
        id: '2602.80002',
        title: 'Hostile API authors',
        summary: plainAbstract('authors'),
        authors: [`Ada ${img('api-authors')}`, `Bob ${attr('api-authors')}`, `Eve ${endScript('api-authors')}`],
      },
    ],
    ok(),
  ),
  json(
    'api-org',
    'script in the API organisation name and slug',
    [
      {
        id: '2602.80003',
        title: 'Hostile API organisation',
        summary: plainAbstract('organisations'),
        org: { name: 'api-evil', fullname: `Api ${img('api-org')} Org` },
      },
    ],
    ok(),
    orgNameIs(`Api ${img('api-org')} Org`),
  ),
  json(
    'api-org-slug-traversal',
    'an organisation slug that walks out of /orgs/',
    [
      {
        id: '2602.80004',
        title: 'Hostile API organisation slug',
        summary: plainAbstract('slugs'),
        org: { name: '../../index', fullname: 'Traversal Org' },
      },
    ],
    ok(),
  ),
  json(
    'api-keywords',
    'script in `ai_keywords` (shown on the page and indexed)',
    [
      {
        id: '2602.80005',
        title: 'Hostile API keywords',
        summary: plainAbstract('keywords'),
        keywords: [img('api-keywords'), endScript('api-keywords'), 'hostiletopic'],
      },
    ],
    ok(),
  ),
  json(
    'api-github-javascript',
    '`javascript:` as the GitHub repository',
    [
      {
        id: '2602.80006',
        title: 'Hostile API github javascript',
        summary: plainAbstract('links'),
        github: `javascript:${run('api-github-javascript')}`,
      },
    ],
    { outcome: 'accepted', papers: 1, warning: /^expected "paper\.githubRepo" to be a web address/ },
    (p) => (p.some((x) => x.github !== null) ? 'a javascript: URL was kept as the GitHub link' : null),
  ),
  json(
    'api-project-javascript',
    '`javascript:`, `data:` and entity-obfuscated project pages',
    [
      {
        id: '2602.80007',
        title: 'Hostile API project javascript',
        summary: plainAbstract('links'),
        project: ` JaVaScRiPt:${run('api-project-javascript')}`,
      },
      {
        id: '2602.80008',
        title: 'Hostile API project data URL',
        summary: plainAbstract('links'),
        project: `data:text/html,${scriptTag('api-project-javascript')}`,
      },
      {
        id: '2602.80009',
        title: 'Hostile API project entity URL',
        summary: plainAbstract('links'),
        project: `java&#115;cript:${run('api-project-javascript')}`,
      },
    ],
    { outcome: 'accepted', papers: 3, warning: /^expected "paper\.projectPage" to be a web address/ },
    (p) => (p.some((x) => x.project !== null && !/^https?:\/\//i.test(x.project)) ? 'a non-web project URL was kept' : null),
  ),
  json(
    'api-project-attribute',
    'a project URL that breaks out of its href',
    [
      {
        id: '2602.80010',
        title: 'Hostile API project attribute',
        summary: plainAbstract('links'),
        project: `https://example.org/"onmouseover="${run('api-project-attribute')}"`,
      },
    ],
    ok(),
  ),
  json(
    'api-id-markup',
    'markup as an arXiv id (it becomes the URL)',
    [{ id: `2602.8"><script>${run('api-id-markup')}</script>`, title: 'Hostile API id markup', summary: plainAbstract('ids') }],
    rejected(/id|arxiv/i),
  ),
  json(
    'api-id-traversal',
    'an id that walks out of /papers/ (`../../index`)',
    [{ id: '../../index', title: 'Hostile API id traversal', summary: plainAbstract('ids') }],
    rejected(/id|arxiv/i),
  ),
  json(
    'api-id-takeover',
    "issue 7 item 2: an id equal to a sample paper's slug",
    [{ id: 'fast-dllm-v2-efficient-block-diffusion-llm', title: 'Hostile takeover of Fast-dLLM v2', summary: plainAbstract('takeovers') }],
    rejected(/id|arxiv/i),
  ),
  // One arXiv id is one paper (README, Permalinks): the captures merge, and the title that is not
  // shown is named with both sources rather than lost without a word.
  json(
    'api-id-collision',
    'two different papers under one arXiv id',
    [
      { id: '2602.80011', title: 'Hostile collision first paper', summary: plainAbstract('collisions') },
      { id: '2602.80011', title: 'Hostile collision second, different paper', summary: plainAbstract('something else entirely') },
    ],
    {
      outcome: 'accepted',
      papers: 1,
      warning:
        /^expected arXiv 2602\.80011 to keep the title "Hostile collision first paper" of cases\/api-id-collision\/2026-02-02\.json:\d+, found "Hostile collision second, different paper"/,
    },
  ),
  json(
    'api-id-old-style',
    'an old-style arXiv id with a slash (`hep-th/9901001`)',
    [{ id: 'hep-th/9901001', title: 'Hostile old style arXiv id', summary: plainAbstract('strings') }],
    ok(),
    (p) => (p.every((x) => /^[a-z0-9.-]+$/i.test(x.id)) ? null : `unsafe URL id ${JSON.stringify(p.map((x) => x.id))}`),
  ),
  json(
    'api-proto-keys',
    '`__proto__` and `constructor` keys in an entry',
    [
      {
        id: '2602.80012',
        title: 'Hostile API prototype keys',
        summary: plainAbstract('prototypes'),
        paper: { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } },
      },
    ],
    ok(),
  ),
  json(
    'api-title-number',
    'a title that is a JSON number',
    [{ id: '2602.80013', title: 12345, summary: plainAbstract('types') }],
    reported(/title/i),
  ),
  json(
    'api-authors-object',
    'authors given as an object, not a list',
    [{ id: '2602.80014', title: 'Hostile authors object', summary: plainAbstract('types'), paper: { authors: { name: 'Ada' } } }],
    { outcome: 'accepted', papers: 1, warning: /^expected "paper\.authors" to be a list of authors/ },
    (p) => (p.some((x) => x.authors !== null || x.authorCount !== null) ? 'authors read from an object' : null),
  ),
  json('api-summary-null', 'a summary that is null', [{ id: '2602.80015', title: 'Hostile null summary', summary: null }], {
    outcome: 'accepted',
    papers: 1,
    warning: /^expected an abstract \("paper\.summary"\), found null/,
  }),
  json(
    'api-count-types',
    'issue 7 item 12: counts of -5, 3.5 and "7"',
    [
      { id: '2602.80016', title: 'Hostile negative upvotes', summary: plainAbstract('counts'), upvotes: -5 },
      { id: '2602.80017', title: 'Hostile fractional upvotes', summary: plainAbstract('counts'), upvotes: 3.5 },
      { id: '2602.80018', title: 'Hostile string upvotes', summary: plainAbstract('counts'), upvotes: '7' },
    ],
    { outcome: 'accepted', papers: 3, warning: /upvote|count/i },
  ),
  json(
    'api-count-huge',
    'issue 7 item 12: a count of 10^20',
    [{ id: '2602.80019', title: 'Hostile huge upvotes', summary: plainAbstract('counts'), upvotes: 1e20 }],
    { outcome: 'accepted', papers: 1, warning: /upvote|count/i },
  ),

  // ── Redirect and shared pages built from hostile titles ─────────────────────────────────────
  {
    id: 'redirect-alias',
    format: 'api',
    tries: 'a hostile title whose slug URL becomes a redirect page (captured first without, then with an arXiv id)',
    files: [
      {
        name: '2026-02-02.txt',
        content: plaintext([
          { title: `Hostile redirect ${img('redirect-alias')} paper`, abstract: plainAbstract('redirects'), date: 'Feb 1, 2026' },
        ]),
      },
      {
        name: '2026-02-03.json',
        content: api([
          {
            id: '2602.80020',
            title: `Hostile redirect ${img('redirect-alias')} paper`,
            summary: plainAbstract('redirects'),
            submittedOnDailyAt: '2026-02-03T03:00:00.000Z',
          },
        ]),
      },
    ],
    expect: ok(1),
    check: (p) => (p[0]?.aliases.length ? null : 'the slug URL was not kept as an alias'),
  },
  {
    id: 'shared-slug',
    format: 'plaintext',
    tries: 'two different hostile papers with one title (their URL becomes a shared page)',
    files: [
      {
        name: '2026-02-02.txt',
        content: plaintext([
          { title: `Hostile shared ${attr('shared-slug')} title`, abstract: plainAbstract('sharing'), date: 'Jan 20, 2026' },
        ]),
      },
      {
        name: '2026-02-04.txt',
        content: plaintext(
          [{ title: `Hostile shared ${attr('shared-slug')} title`, abstract: plainAbstract('another thing'), date: 'Jan 30, 2026' }],
          'Feb 4',
        ),
      },
    ],
    expect: ok(2),
  },

  // ── Control characters and encodings ───────────────────────────────────────────────────────
  plain(
    'control-soh-title',
    'issue 7 item 5: a \\x01 control character in a title (feed.xml)',
    [{ title: 'Hostile control \u0001 character title', abstract: plainAbstract('control characters') }],
    { outcome: 'accepted', papers: 1, warning: /control/i },
    (p) => (p.some((x) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(x.title)) ? 'the control character was kept' : null),
  ),
  plain(
    'control-nul-abstract',
    'issue 7 item 5: NUL in an abstract (raw into HTML)',
    [{ title: 'Hostile NUL abstract', abstract: 'An abstract with a NUL \u0000 byte and ESC \u001b[31m red \u001b[0m text.' }],
    { outcome: 'accepted', papers: 1, warning: /control/i },
  ),
  plain(
    'control-ansi-org',
    'ANSI escapes in an organisation name (terminal injection in the report)',
    [
      {
        title: 'Hostile ANSI organisation',
        abstract: plainAbstract('terminals'),
        org: { slug: 'ansi', name: 'Ansi \u001b]0;pwned\u0007\u001b[2J Org' },
      },
    ],
    { outcome: 'accepted', papers: 1, warning: /control/i },
  ),
  json(
    'control-json-escapes',
    'issue 7 item 5: control characters and a lone surrogate as JSON escapes',
    [
      {
        id: '2602.80021',
        title: 'Hostile JSON \u0002 escapes \ud800 title',
        summary: 'Summary with \u0000 NUL, \u000b VT and \ufffe noncharacter.',
      },
    ],
    { outcome: 'accepted', papers: 1, warning: /control|character/i },
  ),
  {
    id: 'invalid-utf8',
    format: 'file',
    tries: 'issue 7 item 5: invalid UTF-8 bytes in a plain-text copy',
    files: [
      {
        name: '2026-02-02.txt',
        content: Buffer.concat([
          Buffer.from(plaintext([{ title: 'Hostile invalid UTF-8 \u00ff', abstract: 'Bytes: ' }]).split('Bytes: ')[0]!),
          Buffer.from('Bytes: '),
          Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
          Buffer.from(' end.\n\n  • 3 authors\n·\nFeb 2, 2026\n'),
        ]),
      },
    ],
    expect: {
      outcome: 'skipped',
      severity: 'error',
      message: /^expected UTF-8 text, found the byte 0xC3 at column 8, which is not valid UTF-8/,
    },
  },
  {
    id: 'latin1-file',
    format: 'file',
    tries: 'issue 7 item 5: a Latin-1 file (é as one byte)',
    files: [
      {
        name: '2026-02-02.txt',
        content: Buffer.from(plaintext([{ title: 'Hostile Latin-1 résumé paper', abstract: 'Un résumé écrit en Latin-1.' }]), 'latin1'),
      },
    ],
    expect: {
      outcome: 'skipped',
      severity: 'error',
      message: /^expected UTF-8 text, found the byte 0xE9 at column \d+, which is not valid UTF-8 \(the file is in another encoding/,
    },
  },
  {
    id: 'utf16-file',
    format: 'file',
    tries: 'issue 7 item 13: a UTF-16 file with BOM (44 cards lost while the report said "rejected 0")',
    files: [
      {
        name: '2026-02-02.txt',
        content: Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(plaintext([{ title: 'Hostile UTF-16 paper', abstract: plainAbstract('encodings') }]), 'utf16le'),
        ]),
      },
    ],
    expect: ok(),
    check: (p) => titleKeeps('Hostile UTF-16 paper')(p) ?? abstractKeeps(plainAbstract('encodings'))(p),
  },
  plain(
    'bidi-zero-width',
    'bidi overrides and zero-width characters in a title',
    [{ title: 'Hostile \u202egnidoced\u202c bidi \u200b\u200d zero width', abstract: plainAbstract('bidi') }],
    ok(),
  ),

  // ── Huge fields and pathological text ────────────────────────────────────────────────────────
  plain(
    'huge-title-word',
    'issue 7 item 6: a 100,000-character word as a title',
    [{ title: `Hostile${LONG_WORD}`, abstract: plainAbstract('long titles') }],
    ok(),
  ),
  plain(
    'huge-abstract-word',
    'issue 7 item 6: a 100,000-character word in an abstract',
    [{ title: 'Hostile long word abstract', abstract: `Start ${LONG_WORD} end.` }],
    ok(),
  ),
  plain(
    'huge-abstract-prose',
    'the same length of ordinary words (the layout baseline for the long word)',
    [{ title: 'Hostile long prose abstract', abstract: LONG_PROSE }],
    ok(),
  ),
  plain(
    'quadratic-urls',
    'issue 7 item 6: 224 KB of `https://a.bc/{` (quadratic URL scanning)',
    [{ title: 'Hostile URL debris', abstract: `Links ${'https://a.bc/{'.repeat(16_000)} end.` }],
    ok(),
  ),
  plain(
    'huge-org-name',
    'a 100,000-character organisation name',
    [{ title: 'Hostile huge organisation', abstract: plainAbstract('orgs'), byline: `huge-org ${LONG_WORD}` }],
    rejected(/byline|organi[sz]ation|long/i),
  ),
  json(
    'huge-authors',
    '20,000 authors on one paper',
    [
      {
        id: '2602.80022',
        title: 'Hostile twenty thousand authors',
        summary: plainAbstract('author lists'),
        authors: Array.from({ length: 20_000 }, (_, i) => `Author ${i}`),
      },
    ],
    ok(),
  ),
  json('deep-json', 'JSON nested 20,000 levels deep', [], rejected(/expected|JSON|nest/i, 0), undefined),

  // ── Dates ────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'digest-year-0026',
    format: 'plaintext',
    tries: 'issue 7 item 4: digest day 0026-01-08 (RangeError in the build)',
    files: [
      {
        name: '0026-01-08.txt',
        content: plaintext([{ title: 'Hostile year 26 digest', abstract: plainAbstract('dates'), date: 'Jan 1, 0026' }], 'Jan 8'),
      },
    ],
    expect: rejected(/0026|date|year/i),
  },
  {
    id: 'digest-year-9999',
    format: 'plaintext',
    tries: 'issue 7 item 4: digest day 9999-12-30 (stack overflow in the chart, 43 MB topics page)',
    files: [
      {
        name: '9999-12-30.txt',
        content: plaintext([{ title: 'Hostile year 9999 digest', abstract: plainAbstract('dates'), date: 'Dec 1' }], 'Dec 30'),
      },
    ],
    expect: rejected(/9999|date|year/i),
  },
  plain(
    'paper-year-3000',
    'issue 7 item 4: a paper dated in the year 3000',
    [{ title: 'Hostile paper from the future', abstract: plainAbstract('dates'), date: 'Jan 1, 3000' }],
    rejected(/3000|date|year/i),
  ),
  plain(
    'impossible-date',
    'an impossible date (Feb 30) after a good card',
    [
      { title: 'Hostile good card before a bad date', abstract: plainAbstract('dates') },
      { title: 'Hostile impossible date', abstract: plainAbstract('dates'), date: 'Feb 30, 2026' },
    ],
    rejected(/date/i, 1),
  ),
  json(
    'api-date-garbage',
    'API dates that are not dates',
    [
      {
        id: '2602.80023',
        title: 'Hostile API date garbage',
        summary: plainAbstract('dates'),
        publishedAt: 'yesterday',
        submittedOnDailyAt: 'soon',
      },
    ],
    rejected(/date|publishedAt|submitted/i),
    undefined,
    'api-day.json',
  ),
  json(
    'api-date-year-1',
    'issue 7 item 4: an API day in the year 1',
    [
      {
        id: '2602.80024',
        title: 'Hostile API year one',
        summary: plainAbstract('dates'),
        publishedAt: '0001-01-01T00:00:00.000Z',
        submittedOnDailyAt: '0001-01-02T00:00:00.000Z',
      },
    ],
    rejected(/0001|date|year/i),
    undefined,
    'api-year-one.json',
  ),

  // ── Titles that are hard to key (issue 7 item 11) ──────────────────────────────────────────
  plain(
    'no-letter-titles',
    'issue 7 item 11: titles with no letters or digits on one day',
    [
      { title: '!!! ???', abstract: plainAbstract('punctuation one') },
      { title: '..', abstract: plainAbstract('punctuation two') },
      { title: '🚀🔥', abstract: plainAbstract('emoji') },
    ],
    ok(3),
  ),
  plain(
    'digit-title',
    'issue 7 item 11: a title made only of digits (`404`)',
    [{ title: '404', abstract: plainAbstract('numbers') }],
    ok(),
    titleKeeps('404'),
  ),
  {
    id: 'date-one-day-off',
    format: 'plaintext',
    tries: 'issue 7 item 11: the same card saved again with its date one day off',
    files: [
      {
        name: '2026-02-02.txt',
        content: plaintext([{ title: 'Hostile date one day off', abstract: plainAbstract('days'), date: 'Jan 20, 2026' }]),
      },
      {
        name: '2026-02-05.txt',
        content: plaintext([{ title: 'Hostile date one day off', abstract: plainAbstract('days'), date: 'Jan 21, 2026' }], 'Feb 5'),
      },
    ],
    expect: ok(1),
  },

  // ── Other tools' captures (issue 7 items 14–16) ─────────────────────────────────────────────
  {
    id: 'api-2024-no-submitted',
    format: 'api',
    tries: 'issue 7 item 14: a 2024 API day without `submittedOnDailyAt` (digest day from top-level `publishedAt`)',
    files: [
      {
        name: 'daily_papers.json',
        content: `${JSON.stringify([(({ paper, ...rest }) => ({ ...rest, publishedAt: '2024-03-05T00:00:00.000Z', paper: Object.fromEntries(Object.entries(paper as Record<string, unknown>).filter(([k]) => !['submittedOnDailyAt', 'organization', 'githubRepo'].includes(k))) }))(apiEntry({ id: '2403.80001', title: 'Hostile 2024 API entry', summary: plainAbstract('old captures'), publishedAt: '2024-03-04T17:00:00.000Z' }))], null, 2)}\n`,
      },
    ],
    expect: ok(1),
  },
  {
    id: 'md-other-converter',
    format: 'markdown',
    tries: "issue 7 item 15: another converter's trending capture (inline `· Published on`, `[Upvote\\n\\nN]`, badges)",
    files: [
      {
        name: '2026-10-04-trending.md',
        content: [
          '### [Hostile Other Converter Paper](https://huggingface.co/papers/2610.80001)',
          '',
          '· Published on Oct 4, 2026',
          '',
          '[Upvote',
          '',
          '42](https://huggingface.co/login?next=%2Fpapers%2F2610.80001)',
          '',
          '[[image: acme] Acme Org](https://huggingface.co/acme)',
          '',
          'An abstract of the other converter.',
          '',
          '[Submitted by someone](https://huggingface.co/someone)',
          '',
          '### [Hostile Other Converter Paper](https://huggingface.co/papers/2610.80001)',
          '',
          '· Published on Oct 4, 2026',
          '',
          'An abstract of the other converter.',
          '',
        ].join('\n'),
      },
    ],
    // The first copy swallowed page chrome (a badge below the upvotes, a Submitted-by link): refused.
    // The second copy is a whole card of its own (title, date, abstract; no byline, with a warning): read.
    expect: rejected(
      /^expected the abstract of "Hostile Other Converter Paper" to end before the page around the card, found "\[\[image: acme\] Acme Org\]/,
      1,
    ),
    check: (p) =>
      p.some((x) => /Published on|Upvote|Submitted by|\]\(/.test(x.abstract))
        ? 'page chrome was accepted as an abstract'
        : p[0]?.abstract === 'An abstract of the other converter.'
          ? null
          : `abstract ${JSON.stringify(p[0]?.abstract)}`,
  },
  {
    id: 'two-captures-one-day',
    format: 'api',
    tries: 'issue 7 item 16: two captures of one day with different counts (take the newest, deterministically)',
    files: [
      {
        name: '2026-02-06-a-late.json',
        content: api([
          {
            id: '2602.80025',
            title: 'Hostile two captures',
            summary: plainAbstract('captures'),
            upvotes: 90,
            submittedOnDailyAt: '2026-02-06T03:00:00.000Z',
          },
        ]),
      },
      {
        name: '2026-02-06-z-early.json',
        content: api([
          {
            id: '2602.80025',
            title: 'Hostile two captures',
            summary: plainAbstract('captures'),
            upvotes: 3,
            submittedOnDailyAt: '2026-02-06T03:00:00.000Z',
          },
        ]),
      },
    ],
    expect: ok(1),
    check: (p) => (p[0]?.upvotes === 90 ? null : `expected the larger count 90, found ${p[0]?.upvotes}`),
  },

  // ── Files the ingest must not read blindly (issue 7 items 3 and 13) ─────────────────────────
  {
    id: 'symlink-outside',
    format: 'file',
    tries: 'issue 7 item 3: a symlink to a file outside the input folder (its first line was printed)',
    files: [{ name: '2026-02-02.txt', symlink: 'outside' }],
    expect: { outcome: 'skipped', severity: 'error', message: /^a link to a file outside the input folder \(.*\); not followed$/ },
  },
  {
    id: 'symlink-dangling',
    format: 'file',
    tries: 'issue 7 item 13: a dangling symlink',
    files: [{ name: '2026-02-02.txt', symlink: 'dangling' }],
    expect: { outcome: 'skipped', severity: 'error', message: /^a link to nothing \(.*gone\.txt does not exist\)$/ },
  },
  {
    id: 'unknown-extension',
    format: 'file',
    tries: 'issue 7 item 13: a digest saved as .html',
    files: [{ name: '2026-02-02.html', content: plaintext([{ title: 'Hostile html extension', abstract: plainAbstract('extensions') }]) }],
    expect: {
      outcome: 'skipped',
      severity: 'warning',
      message: /^not a digest file name \(expected \.txt, \.md, \.json or a counts \.jsonl\)/,
    },
  },
  {
    id: 'json-empty-array',
    format: 'api',
    tries: 'issue 7 item 13: a JSON `[]` taken as an empty day',
    files: [{ name: '2026-02-02.json', content: '[]\n' }],
    expect: { outcome: 'accepted', papers: 0, warning: /^expected at least one paper, found an empty list/ },
  },
  {
    id: 'empty-file',
    format: 'file',
    tries: 'an empty file',
    files: [{ name: '2026-02-02.txt', content: '' }],
    expect: rejected(/empty/i, 0),
  },
  {
    id: 'binary-garbage',
    format: 'file',
    tries: 'binary bytes saved as .txt',
    files: [{ name: '2026-02-02.txt', content: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)) }],
    expect: { outcome: 'skipped', severity: 'error', message: /^expected a text digest, found binary data/ },
  },
  {
    id: 'truncated-json',
    format: 'api',
    tries: 'an API day cut off mid-entry',
    files: [
      {
        name: '2026-02-02.json',
        content: api([
          { id: '2602.80026', title: 'Hostile truncated good entry', summary: plainAbstract('truncation') },
          { id: '2602.80027', title: 'Hostile truncated lost entry', summary: plainAbstract('truncation') },
        ]).slice(0, -200),
      },
    ],
    expect: rejected(/expected|truncat|JSON/i, 1),
  },
  {
    id: 'yaml-bomb',
    format: 'markdown',
    tries: 'a markdown capture whose YAML front matter is an alias bomb',
    files: [
      {
        name: '2026-02-02.md',
        content: `---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nretrieved: *g\n---\n${markdown([{ title: 'Hostile YAML bomb paper', abstract: plainAbstract('yaml') }])}`,
      },
    ],
    expect: ok(1),
  },

  // ── Hand-written notes (issue 7 item 8) ─────────────────────────────────────────────────────
  {
    id: 'note-broken-mdx',
    format: 'note',
    tries: 'issue 7 item 8: a note that is not valid MDX',
    files: [{ name: 'fast-dllm-v2-efficient-block-diffusion-llm.mdx', content: 'A note with an unclosed <div and {broken expression\n' }],
    expect: { outcome: 'build-fails', message: /fast-dllm-v2-efficient-block-diffusion-llm\.mdx:\d+(:\d+)?/ },
  },
  {
    id: 'note-no-paper',
    format: 'note',
    tries: 'issue 7 item 8: a note for a paper that does not exist',
    files: [{ name: 'no-such-paper.mdx', content: 'A note about nothing.\n' }],
    expect: {
      outcome: 'accepted',
      papers: 0,
      warning:
        /no-such-paper\.mdx: warning: expected a paper with the id "no-such-paper" \(the note's file name\), found none; the note is not shown/,
    },
  },
];

/** `deep-json` is built here: a 20,000-level nesting would not fit in the table above. */
const deep = HOSTILE_CASES.find((c) => c.id === 'deep-json')!;
deep.files = [{ name: '2026-02-02.json', content: `${'['.repeat(20_000)}${']'.repeat(20_000)}\n` }];

/** The hostile topics added to the taxonomy for the hostile build (a topic name is shown as a search filter too). */
export const HOSTILE_TOPICS_YAML = `
# Hostile topics (tests/hostile): names with markup, matched only by the hostile cases.
- slug: hostile-topic
  name: "Evil <img src=x onerror=\\"__hx('hostile-topic')\\"> topic"
  description: "A topic whose name and description carry markup: </script><script>__hx('hostile-topic')</script>"
  strong_phrases: [hostiletopic, hostile organisation, hostile byline]
- slug: hostile-entities
  name: "&lt;b&gt;Escaped&lt;/b&gt; & ampersand topic"
  description: An already-escaped name (double decoding).
  strong_phrases: [hostile escaped organisation]
`;

/** What is lost when these cases are read without a word (see `HostileCase.silently`). */
const SILENTLY: Record<string, string> = {
  'api-github-javascript': 'the GitHub field is dropped',
  'api-project-javascript': 'the project fields are dropped',
  'api-authors-object': 'the authors are dropped',
  'api-summary-null': 'the abstract is empty',
  'api-count-types': 'the counts become null',
  'invalid-utf8': 'bytes become U+FFFD',
  'json-empty-array': 'the file is taken as an empty day',
  'control-nul-abstract': 'control characters go into the pages raw',
  'control-json-escapes': 'control characters go into the pages raw',
};
for (const c of HOSTILE_CASES) if (SILENTLY[c.id]) c.silently = SILENTLY[c.id];
