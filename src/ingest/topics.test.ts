/**
 * Topic assignment. Fixtures: `fixtures/topics/taxonomy.yaml` is a small taxonomy and each case
 * folder holds `papers.json` (input) and `expected.json` (the matches, regenerated with
 * `UPDATE=1 npx vitest run src/ingest/topics`). The explicit tests below pin each rule, so a
 * regenerated snapshot cannot hide a regression.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTopics } from '../schemas/topic.ts';
import { assignTopics, compileTopics, MAX_TOPICS_PER_PAPER, type TopicInput } from './topics.ts';
import { fixtureCases, matchJsonFixture } from '../../tests/support/fixtures.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, 'fixtures', 'topics');
const compiled = compileTopics(parseTopics(readFileSync(path.join(fixtures, 'taxonomy.yaml'), 'utf8')));

function readPapers(name: string): TopicInput[] {
  return JSON.parse(readFileSync(path.join(fixtures, name, 'papers.json'), 'utf8')) as TopicInput[];
}

/** Compiles an inline taxonomy; `topic()` fills in the fields a test does not care about. */
function taxonomy(...topics: string[]) {
  return compileTopics(parseTopics(topics.join('\n')));
}
function topic(slug: string, rules: string): string {
  return `- slug: ${slug}\n  name: ${slug}\n  description: ${slug}.\n${rules.replace(/^/gm, '  ')}`;
}
const paper = (title: string, abstract = '', keywords: string[] = []): TopicInput => ({ title, abstract, keywords });
const slugs = (p: TopicInput, c = compiled) => assignTopics(p, c).map((m) => m.slug);

describe('topic fixtures', () => {
  for (const name of fixtureCases(fixtures, 'papers.json')) {
    it(`${name} matches expected.json`, () => {
      const actual = readPapers(name).map((p) => ({ title: p.title, topics: assignTopics(p, compiled) }));
      matchJsonFixture(path.join(fixtures, name, 'expected.json'), actual);
    });
  }
});

describe('word boundaries, case and spelling variants', () => {
  const [reagent, drag, rags, robotFramework, variants, vqa] = readPapers('word-boundaries');

  it('does not find "agent" inside "reagent"', () => {
    expect(slugs(reagent!)).toEqual([]);
  });

  it('does not find "RAG" inside "drag", nor in lower-case "rag"', () => {
    expect(slugs(drag!)).toEqual([]);
  });

  it('matches an acronym\'s plural ("RAGs") and ignores case for ordinary words', () => {
    const rag = assignTopics(rags!, compiled).find((m) => m.slug === 'rag');
    expect(rag?.reasons).toEqual(['title mentions "RAG"', 'abstract mentions "retrieval" (2×)', 'abstract mentions "RAG"']);
    expect(slugs(paper('SPECULATIVE DECODING, shouted'))).toEqual(['speculative-decoding']);
  });

  it('treats hyphens, spaces, closed-up spellings and plurals alike', () => {
    const matches = assignTopics(variants!, compiled);
    expect(matches.find((m) => m.slug === 'efficient-inference')?.reasons).toEqual([
      'title mentions "KV cache"',
      'abstract mentions "KV cache" (2×)',
    ]);
    expect(matches.find((m) => m.slug === 'fine-tuning')?.reasons).toEqual([
      'title mentions "fine-tuning"',
      'abstract mentions "fine-tuning" (2×)',
    ]);
  });

  it('does not count words inside an exclusion for its topic, but counts them elsewhere', () => {
    expect(slugs(robotFramework!)).toEqual(['agents']);
    const abstract = 'Robot Framework meets robot arms; Robot Framework, again.';
    expect(assignTopics(paper('Plugins', abstract), compiled)).toEqual([
      { slug: 'robotics', reasons: ['abstract mentions "robot"'] }, // once, not 3×
    ]);
    // Another topic's phrase inside the excluded words still counts for that topic.
    const c = taxonomy(
      topic('robots', 'strong_phrases: [robot]\nexclude: [robot framework]'),
      topic('testing', 'strong_phrases: [robot framework]'),
    );
    expect(slugs(paper('Robot Framework at Scale'), c)).toEqual(['testing']);
    expect(slugs(paper('Robot Arms at Scale'), c)).toEqual(['robots']);
  });

  it('counts words once, for the longest phrase that covers them, across topics', () => {
    // "question answering" (rag) sits inside "visual question answering" (vision-language).
    expect(slugs(vqa!)).toEqual(['vision-language']);
    expect(slugs(paper('Open-Domain Question Answering'))).toEqual(['rag']);
  });

  it('counts both of two phrases that merely overlap', () => {
    const c = taxonomy(topic('humans', 'phrases: [human video]'), topic('video-generation', 'phrases: [video generation]'));
    expect(slugs(paper('Human Video Generation in the Wild'), c)).toEqual(['humans', 'video-generation']);
  });

  it('does not match a phrase across punctuation', () => {
    expect(slugs(paper('Why Speculative? Decoding, Revisited'))).toEqual([]);
  });
});

describe('scoring', () => {
  const [full, oneMention, twoMentions, keywordsOnly, crowded, titleOnly] = readPapers('scoring');

  it('writes reasons for the title, then the abstract (most mentioned first), then keywords', () => {
    expect(assignTopics(full!, compiled)).toEqual([
      {
        slug: 'speculative-decoding',
        reasons: [
          'title mentions "speculative decoding"',
          'title mentions "draft model"',
          'abstract mentions "speculative decoding"',
          'abstract mentions "draft model"',
          'keyword "speculative decoding"',
        ],
      },
      {
        slug: 'efficient-inference',
        reasons: ['title mentions "fast"', 'abstract mentions "KV cache" (3×)', 'abstract mentions "latency"', 'keyword "KV cache"'],
      },
    ]);
  });

  it('needs two abstract mentions of an ordinary phrase, but one of a strong phrase', () => {
    expect(slugs(oneMention!)).toEqual([]);
    expect(slugs(twoMentions!)).toEqual(['agents', 'vision-language']);
  });

  it('counts title-only phrases in titles only', () => {
    expect(slugs(titleOnly!)).toEqual(['efficient-inference']);
    expect(slugs(paper('Inference Without Tricks', 'Fast decoding, fast serving, fast everything.'))).toEqual([]);
  });

  it('assigns from machine keywords alone, matching a rule inside a longer keyword, each keyword once', () => {
    expect(assignTopics(keywordsOnly!, compiled)).toEqual([
      { slug: 'speculative-decoding', reasons: ['keyword "Self-Speculative Decoding"'] },
      { slug: 'fine-tuning', reasons: ['keyword "LoRA adapters"'] },
    ]);
  });

  it(`keeps at most ${MAX_TOPICS_PER_PAPER} topics, strongest first`, () => {
    const matches = assignTopics(crowded!, compiled);
    expect(matches.map((m) => m.slug)).toEqual(['rag', 'agents', 'vision-language', 'robotics']);
  });

  it('drops a passing abstract mention far weaker than the main topic, unless the title names it', () => {
    const c = taxonomy(topic('main', 'strong_phrases: [diffusion]'), topic('aside', 'strong_phrases: [robot]'));
    const abstract = 'Diffusion, diffusion, diffusion and diffusion; once, a robot.';
    expect(slugs(paper('A Paper', abstract), c)).toEqual(['main']);
    expect(slugs(paper('A Paper on Robots', abstract), c)).toEqual(['main', 'aside']);
  });

  it('counts a phrase listed in two spellings once', () => {
    const c = taxonomy(topic('pretraining', 'phrases: [pre-training, pretraining, Pre-Training]'));
    expect(assignTopics(paper('Pretraining at Scale'), c)).toEqual([{ slug: 'pretraining', reasons: ['title mentions "pre-training"'] }]);
  });

  it('is deterministic: same input, same output, whatever was assigned before', () => {
    const papers = [...readPapers('scoring'), ...readPapers('word-boundaries')];
    const first = papers.map((p) => assignTopics(p, compiled));
    const again = [...papers]
      .reverse()
      .map((p) => assignTopics(p, compileTopics(parseTopics(readFileSync(path.join(fixtures, 'taxonomy.yaml'), 'utf8')))))
      .reverse();
    expect(again).toEqual(first);
  });
});

describe('the default taxonomy (content/topics.yaml)', () => {
  const repoRoot = path.resolve(here, '../..');
  const real = compileTopics(parseTopics(readFileSync(path.join(repoRoot, 'content/topics.yaml'), 'utf8')));

  it.each([
    ['EAGLE-3: Faster Speculative Decoding via Draft Model Training', 'speculative-decoding'],
    ['Gaussian Splatting for Real-Time Novel View Synthesis', '3d-4d-vision'],
    ['Whisper Goes Multilingual: Speech Recognition for 100 Languages', 'speech-audio'],
    ['Masked Diffusion Language Models Are Fast Reasoners', 'diffusion-language-models'],
    ['Mitigating Hallucination in Vision-Language Models', 'hallucination-factuality'],
  ])('files "%s" under %s', (title, expected) => {
    expect(slugs(paper(title), real)).toContain(expected);
  });

  it('leaves an off-topic text without topics rather than guessing', () => {
    expect(slugs(paper('Notes on Baking Sourdough Bread', 'Flour, water and salt; the dough rests overnight.'), real)).toEqual([]);
  });
});
