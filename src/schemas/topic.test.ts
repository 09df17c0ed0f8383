/** The taxonomy schema: what a valid file gives, and how a bad one is reported. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTopics, TopicsFileError } from './topic.ts';

const GOOD = `
- slug: speculative-decoding
  name: Speculative decoding
  description: Drafting tokens cheaply and verifying them.
  strong_phrases: [speculative decoding]
`;

/** The error `parseTopics` throws for `text`, so a test can read its message. */
function errorFor(text: string): TopicsFileError {
  try {
    parseTopics(text, 'content/topics.yaml');
  } catch (error) {
    if (error instanceof TopicsFileError) return error;
    throw error;
  }
  throw new Error('expected parseTopics to throw');
}

describe('parseTopics', () => {
  it('fills omitted rule lists with empty ones and trims phrases', () => {
    expect(parseTopics(GOOD.replace('[speculative decoding]', '["  speculative decoding "]'))).toEqual([
      {
        slug: 'speculative-decoding',
        name: 'Speculative decoding',
        description: 'Drafting tokens cheaply and verifying them.',
        phrases: [],
        strong_phrases: ['speculative decoding'],
        title_phrases: [],
        keywords: [],
        exclude: [],
      },
    ]);
  });

  it('names the file, the line, the topic and what was expected', () => {
    const text = `${GOOD}- slug: Agents!\n  name: Agents\n  description: Acting models.\n  phrases: [agent]\n`;
    const { message } = errorFor(text);
    expect(message).toContain('content/topics.yaml: not a valid topic taxonomy');
    expect(message).toContain(
      'content/topics.yaml:6: topic 2 ("Agents!") → slug: expected a lower-case slug such as "speculative-decoding"',
    );
    expect(message).toContain('Each entry should look like:\n- slug: speculative-decoding');
  });

  it('reports a missing field at the topic that lacks it, and every problem at once', () => {
    const { message } = errorFor(`${GOOD}- slug: agents\n  name: Agents\n  phrases: agent\n`);
    expect(message).toContain('content/topics.yaml:6: topic 2 ("agents") → description: expected a one-sentence description');
    expect(message).toContain('content/topics.yaml:8: topic 2 ("agents") → phrases: expected a list of phrases');
  });

  it('rejects a misspelt key instead of silently ignoring its rules', () => {
    const { message } = errorFor(GOOD.replace('strong_phrases', 'strong_phrase'));
    expect(message).toMatch(/topic 1 \("speculative-decoding"\): expected only the keys slug, name, .*; found "strong_phrase"/);
  });

  it('rejects a topic with no rules, an empty phrase, and a duplicate slug', () => {
    expect(errorFor(GOOD.replace('  strong_phrases: [speculative decoding]\n', '')).message).toContain('expected at least one rule');
    expect(errorFor(GOOD.replace('[speculative decoding]', '["speculative decoding", " "]')).message).toContain(
      'topic 1 ("speculative-decoding") → strong_phrases[1]: expected a non-empty phrase',
    );
    expect(errorFor(GOOD + GOOD).message).toContain(
      'topic 2 ("speculative-decoding") → slug: expected a unique slug, but "speculative-decoding" is already used by topic 1',
    );
  });

  it('reports YAML syntax errors with their line, and a file that is not a list', () => {
    const broken = errorFor(`${GOOD}- slug: x\n  phrases: [unclosed\n`);
    expect(broken.message).toMatch(/content\/topics\.yaml:\d+: expected valid YAML: /);
    expect(broken.cause).toBeDefined();
    expect(errorFor('slug: lonely\n').message).toContain(
      'content/topics.yaml:1: the file: expected a list of topics (a YAML sequence of mappings)',
    );
  });
});

describe('content/topics.yaml', () => {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content/topics.yaml');
  const topics = parseTopics(readFileSync(file, 'utf8'), file);

  it('is a valid taxonomy of 30 to 50 topics', () => {
    expect(topics.length).toBeGreaterThanOrEqual(30);
    expect(topics.length).toBeLessThanOrEqual(50);
  });

  it('gives every topic a one-sentence description', () => {
    for (const t of topics) expect(t.description, t.slug).toMatch(/^[A-Z][^]*\.$/);
  });
});
