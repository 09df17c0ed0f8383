import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexTerms, relatedPapers, type RelatedDoc } from './related.ts';

/** Small corpus with distinct subjects, two near-duplicate pairs and one loner. */
const corpus: RelatedDoc[] = [
  {
    id: 'spec-a',
    title: 'Speculative Decoding with Draft Models for Faster Inference',
    abstract:
      'A small draft model proposes tokens that the large target model verifies in parallel, so speculative decoding speeds up autoregressive inference without changing outputs.',
  },
  {
    id: 'spec-b',
    title: 'Faster Speculative Decoding via Draft Models',
    abstract:
      'Speculative decoding lets a draft model propose tokens and the target model verify them in parallel, which speeds up autoregressive inference while keeping the outputs unchanged.',
  },
  {
    id: 'spec-tree',
    title: 'Tree Attention for Speculative Verification',
    abstract: 'We verify many draft token trees at once with a tree attention mask, raising acceptance rates of speculative decoding.',
  },
  {
    id: 'diff-a',
    title: 'Latent Diffusion for High-Resolution Image Synthesis',
    abstract:
      'Denoising diffusion in a compressed latent space produces high-resolution images with a fraction of the compute of pixel-space diffusion.',
  },
  {
    id: 'diff-b',
    title: 'High-Resolution Image Synthesis with Latent Diffusion',
    abstract:
      'Running the denoising diffusion process in a compressed latent space yields high-resolution images at a fraction of pixel-space diffusion compute.',
  },
  {
    id: 'video-diff',
    title: 'Temporal Layers Turn Image Diffusion into Video Generation',
    abstract: 'Inserting temporal attention layers into a pretrained latent diffusion model generates coherent video clips.',
  },
  {
    id: 'speech',
    title: 'Streaming Speech Recognition with Chunked Conformers',
    abstract: 'Chunked conformer encoders transcribe streaming audio with low latency and a small word error rate.',
  },
  {
    id: 'robot',
    title: 'Dexterous Grasping from Tactile Feedback',
    abstract:
      'A robot hand learns dexterous grasping policies from tactile sensors and proprioception in simulation, then transfers to hardware.',
  },
  {
    id: 'sourdough',
    title: 'Sourdough Fermentation Kinetics of Rye Starters',
    abstract: 'Lactobacilli and wild yeast in rye starters acidify dough; we measure pH curves over forty hours of fermentation.',
  },
];

describe('relatedPapers', () => {
  const related = relatedPapers(corpus, 3);

  it('makes near-duplicates each other’s top match', () => {
    expect(related.get('spec-a')![0]).toBe('spec-b');
    expect(related.get('spec-b')![0]).toBe('spec-a');
    expect(related.get('diff-a')![0]).toBe('diff-b');
    expect(related.get('diff-b')![0]).toBe('diff-a');
  });

  it('ranks same-subject papers next and keeps other subjects out', () => {
    expect(related.get('spec-a')).toContain('spec-tree');
    expect(related.get('diff-a')).toContain('video-diff');
    for (const id of ['spec-a', 'spec-b', 'spec-tree']) {
      expect(related.get(id)!.every((r) => r.startsWith('spec'))).toBe(true);
    }
  });

  it('never matches unrelated papers (no shared distinctive word)', () => {
    expect(related.get('sourdough')).toEqual([]);
    expect(related.get('robot')).toEqual([]);
    for (const list of related.values()) expect(list).not.toContain('sourdough');
  });

  it('never returns a paper as its own match, and has a key for every paper', () => {
    expect([...related.keys()].sort()).toEqual(corpus.map((d) => d.id).sort());
    for (const [id, list] of related) expect(list).not.toContain(id);
  });

  it('respects k', () => {
    for (const k of [0, 1, 2]) {
      for (const list of relatedPapers(corpus, k).values()) expect(list.length).toBeLessThanOrEqual(k);
    }
    expect(relatedPapers(corpus, 1).get('spec-a')).toEqual(['spec-b']);
    expect(relatedPapers(corpus, 5).get('spec-a')!.length).toBeGreaterThan(1);
  });

  it('gives the same result for any input order', () => {
    const expected = [...relatedPapers(corpus, 3)];
    fc.assert(
      fc.property(fc.shuffledSubarray(corpus, { minLength: corpus.length, maxLength: corpus.length }), (shuffled) => {
        expect([...relatedPapers(shuffled, 3)]).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });

  it('breaks equal scores by id', () => {
    const text = { title: 'Mixture of Experts Routing', abstract: 'Sparse expert routing balances load across experts.' };
    const docs = [
      { id: 'q', title: 'Expert Routing', abstract: 'Load balancing for sparse mixture of experts routing.' },
      { id: 'z-copy', ...text },
      { id: 'a-copy', ...text },
      { id: 'm-copy', ...text },
      ...corpus,
    ];
    expect(relatedPapers(docs, 3).get('q')).toEqual(['a-copy', 'm-copy', 'z-copy']);
  });

  it('lets a shared topic break an otherwise equal match', () => {
    const base = { title: 'Kernel Fusion', abstract: 'Fused attention kernels cut memory traffic on accelerators.' };
    const docs = [
      { id: 'q', title: 'Fused Kernels', abstract: 'Attention kernel fusion on accelerators.', topics: ['efficiency'] },
      { id: 'a', ...base },
      { id: 'b', ...base, topics: ['efficiency'] },
      ...corpus,
    ];
    expect(relatedPapers(docs, 2).get('q')).toEqual(['b', 'a']);
  });

  it('weights title words above abstract words', () => {
    const docs = [
      { id: 'q', title: 'Protein Folding', abstract: 'Notes on quantum annealing hardware.' },
      { id: 'a', title: 'Protein Folding Revisited', abstract: 'Sequence to structure.' },
      { id: 'b', title: 'Annealing Machines', abstract: 'Quantum annealing hardware benchmarks.' },
      ...corpus,
    ];
    expect(relatedPapers(docs, 2).get('q')).toEqual(['a', 'b']);
    expect(relatedPapers(docs, 2, { titleWeight: 1 }).get('q')).toEqual(['b', 'a']);
  });

  it('does not use terms above the document-frequency cap to find candidates', () => {
    // "transformer" is the only word shared between these papers; with a cap of 2 it is not indexed.
    const docs = ['alpha', 'beta', 'gamma'].map((w) => ({ id: w, title: `${w} transformer`, abstract: `${w}${w} transformer` }));
    expect([...relatedPapers(docs, 5, { minScore: 0 }).values()].some((l) => l.length > 0)).toBe(true);
    expect([...relatedPapers(docs, 5, { minScore: 0, maxDocFreq: 2 }).values()].every((l) => l.length === 0)).toBe(true);
  });

  it('handles empty and single-paper inputs', () => {
    expect(relatedPapers([])).toEqual(new Map());
    expect(relatedPapers([corpus[0]!])).toEqual(new Map([['spec-a', []]]));
  });

  it('rejects duplicate ids', () => {
    expect(() => relatedPapers([corpus[0]!, { ...corpus[1]!, id: 'spec-a' }])).toThrow(/duplicate id "spec-a"/);
  });
});

describe('indexTerms', () => {
  it('lower-cases, drops stopwords, numbers and LaTeX commands, folds plurals', () => {
    expect(indexTerms('We propose Novel Policies for the Models in 2024 with $\\mathbf{x}$ and 3D scenes')).toEqual([
      'policy',
      'model',
      '3d',
      'scene',
    ]);
  });

  it('keeps words whose -s is not a plural', () => {
    expect(indexTerms('analysis focus class')).toEqual(['analysis', 'focus', 'class']);
  });
});
