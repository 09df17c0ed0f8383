/**
 * Topic quality on the real corpus (9,877 papers): content/topics.yaml must give at least 95% of
 * papers a topic, no topic may hold more than 25% of papers (a topic that matches everything says
 * nothing), and the median paper has 1 to 3 topics. Prints the figures, the busiest topics and
 * the assignment time; `npm run topics -- suggest --input <corpus>/papers.jsonl` shows what the
 * unmatched papers talk about. The assignment time is printed here and measured by
 * `npm run bench:topics` (a time bound in a test fails on a busy machine for the wrong reason).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTopics } from '../../src/schemas/topic.ts';
import { assignTopics, compileTopics } from '../../src/ingest/topics.ts';
import type { TopicMatch } from '../../src/schemas/paper.ts';
import { corpusDir, repoRoot } from '../support/repo.ts';

const papersFile = path.join(corpusDir, 'papers.jsonl');

interface CorpusPaper {
  title: string;
  abstract: string;
  keywords: string[] | null;
}

describe.skipIf(!existsSync(papersFile))('topic quality on the real corpus', () => {
  let papers: CorpusPaper[];
  let assigned: TopicMatch[][];
  let slugs: string[];
  let ms: number;

  beforeAll(() => {
    papers = readFileSync(papersFile, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as CorpusPaper);
    const topics = parseTopics(readFileSync(path.join(repoRoot, 'content/topics.yaml'), 'utf8'));
    slugs = topics.map((t) => t.slug);
    const started = performance.now();
    const compiled = compileTopics(topics);
    assigned = papers.map((p) => assignTopics({ title: p.title, abstract: p.abstract, keywords: p.keywords ?? [] }, compiled));
    ms = performance.now() - started;

    const perTopic = countPerTopic();
    const top = [...perTopic].sort((a, b) => b[1] - a[1]).slice(0, 10);
    console.log(
      `topics: ${papers.length} papers in ${ms.toFixed(0)} ms; coverage ${pct(covered())}, ` +
        `largest topic ${pct(top[0]![1] / papers.length)}, median ${median()} topics/paper\n` +
        top.map(([slug, n]) => `  ${String(n).padStart(5)}  ${pct(n / papers.length).padStart(6)}  ${slug}`).join('\n'),
    );
  });

  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const covered = () => assigned.filter((m) => m.length > 0).length / papers.length;
  const median = () => assigned.map((m) => m.length).sort((a, b) => a - b)[Math.floor(papers.length / 2)]!;
  function countPerTopic(): Map<string, number> {
    const counts = new Map(slugs.map((s) => [s, 0]));
    for (const matches of assigned) for (const m of matches) counts.set(m.slug, counts.get(m.slug)! + 1);
    return counts;
  }

  it('reads the whole corpus', () => {
    expect(papers.length).toBeGreaterThan(9000);
  });

  it('gives at least 95% of papers a topic', () => {
    expect(covered()).toBeGreaterThanOrEqual(0.95);
  });

  it('puts no more than 25% of papers in any one topic', () => {
    for (const [slug, n] of countPerTopic()) expect(n / papers.length, slug).toBeLessThanOrEqual(0.25);
  });

  it('gives the median paper 1 to 3 topics', () => {
    expect(median()).toBeGreaterThanOrEqual(1);
    expect(median()).toBeLessThanOrEqual(3);
  });

  it('uses every topic (a topic nobody lands in is dead weight)', () => {
    for (const [slug, n] of countPerTopic()) expect(n, slug).toBeGreaterThanOrEqual(20);
  });
});
