import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { repairLatex } from './latex-repair.ts';

describe('repairLatex: leftovers it repairs', () => {
  it.each([
    ['achieves up to 22.58times speedup', 'achieves up to 22.58× speedup'],
    ['a 5times reduction', 'a 5× reduction'],
    ['up to sim 5times and 1.29times speedups', 'up to ~5× and 1.29× speedups'],
    ['(consistently sim 18GB, independent', '(consistently ~18GB, independent'],
    ['requires \\textless2MB of storage', 'requires <2MB of storage'],
    ['retaining \\textgreater 96\\% of accuracy', 'retaining >96% of accuracy'],
    ['(typically x!in!{4,8}) than', '(typically x∈{4,8}) than'],
    ['ImageNet 256times256 and 512times512', 'ImageNet 256×256 and 512×512'],
    ['achieving a sim14,000times speedup', 'achieving a ~14,000× speedup'],
    ['only sim20% of the data', 'only ~20% of the data'],
    ['large (sim100B) models', 'large (~100B) models'],
    ['frame rates of sim!30 FPS', 'frame rates of ~30 FPS'],
    ['facilitating {sim}11% faster', 'facilitating ~11% faster'],
    ['retrieval ({sim}2{times} over', 'retrieval (~2× over'],
    ['fine-tuning (sim 1\\% of pretraining)', 'fine-tuning (~1% of pretraining)'],
    ['a 4{times} speedup', 'a 4× speedup'],
    ['lds up to Ntimes wall-clock', 'lds up to N× wall-clock'],
    ['Paris rightarrow France', 'Paris → France'],
    ['with leq 4B parameters and geq 90%', 'with ≤4B parameters and ≥90%'],
    ['performance is approx20%.', 'performance is ≈20%.'],
    ['by 30\\% and 25\\%', 'by 30% and 25%'],
    ['costs 2\\times less', 'costs 2× less'],
  ])('%j', (input, expected) => expect(repairLatex(input)).toBe(expected));
});

describe('repairLatex: text it must leave alone', () => {
  it.each([
    'sometimes the simulation lifetimes are similar',
    'timesteps and timestamps; 50 timesteps; 5timesteps',
    'the sim-to-real gap and sim2real transfer, sim2sim evaluation',
    'textless speech models (textless-SLMs)',
    'it is 5 times faster and 10 times larger',
    'a pre-trained encoder times pre-trained decoder, timesNet, x-times fewer',
    'a $5 million budget and $10 per hour',
    'costs \\$0.34 per sample',
    'Sim 2 is a game; sim card',
    'approx 30K tokens',
    'cannot leq the geq of rightarrowed text',
    'Times New Roman, The Times, At times',
  ])('%j', (text) => expect(repairLatex(text)).toBe(text));

  it('keeps real $…$ math verbatim while repairing around it', () => {
    expect(repairLatex('the $\\times$ operator gives 5times; $x_{sim 5times}$ stays')).toBe(
      'the $\\times$ operator gives 5×; $x_{sim 5times}$ stays',
    );
    expect(repairLatex('$\\nabla^2$DFT uses 2times fewer')).toBe('$\\nabla^2$DFT uses 2× fewer');
    expect(repairLatex('SL$^{2}$A-INR')).toBe('SL$^{2}$A-INR');
  });

  it('keeps every formula the site renders (core/math.ts), \\(…\\) and a price-shaped one included', () => {
    // A real abstract (2607.21051): ingest used to turn this into `\\(9.6×\\)`.
    expect(repairLatex('at least \\(9.6\\times\\) fewer, 2times')).toBe('at least \\(9.6\\times\\) fewer, 2×');
    expect(repairLatex('cost $2 \\times 10^5$ units, 5times')).toBe('cost $2 \\times 10^5$ units, 5×');
    expect(repairLatex('\\[ x \\times y \\] and 3times')).toBe('\\[ x \\times y \\] and 3×');
  });
});

describe('repairLatex properties', () => {
  const pieces = fc.constantFrom(
    'some',
    'times',
    'time',
    'sim',
    'ulation',
    'life',
    'ilar',
    '5',
    '22.58',
    ' ',
    '. ',
    '$',
    '\\',
    '{',
    '}',
    '!in!',
    'x',
    'GB',
    'textless',
    '\\textless',
    'approx',
    'leq',
    'rightarrow',
    '%',
    '\\%',
    '2real',
    'N',
    'steps',
    '\n\n',
    '(',
    ')',
    'π',
    '×',
    '~',
  );
  const text = fc.array(pieces, { maxLength: 30 }).map((a) => a.join(''));

  it('is idempotent', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(repairLatex(repairLatex(t))).toBe(repairLatex(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('only ever shortens text (every repair replaces a LaTeX word with a symbol)', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(repairLatex(t).length).toBeLessThanOrEqual(t.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('never touches text without a backslash, `!in!`, braces or a LaTeX command word', () => {
    const plain = fc.string({ maxLength: 80 }).filter((s) => !/\\|!in!|\{|times|sim|approx|leq|geq|rightarrow/.test(s));
    fc.assert(
      fc.property(plain, (t) => {
        expect(repairLatex(t)).toBe(t);
      }),
      { numRuns: 3000 },
    );
  });

  it('never changes ordinary English words containing the command names', () => {
    const words = fc.constantFrom(
      'sometimes',
      'lifetimes',
      'runtimes',
      'simulation',
      'similar',
      'simple',
      'Sims',
      'timestep',
      'approximately',
      'textless',
      'sim-to-real',
    );
    const prose = fc
      .array(fc.tuple(words, fc.constantFrom(' ', ', ', '. ', ' 5 ', ' (3) ')), { maxLength: 12 })
      .map((a) => a.flat().join(''));
    fc.assert(
      fc.property(prose, (t) => {
        expect(repairLatex(t)).toBe(t);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves the inside of every math span unchanged', () => {
    const body = fc
      .array(fc.constantFrom('x', '5times', 'sim 5', '\\textless', '_{', '}', '^2', '\\%'), { minLength: 1, maxLength: 6 })
      .map((a) => 'a' + a.join(''));
    fc.assert(
      fc.property(body, (b) => {
        expect(repairLatex(`see $${b}$ here 5times`)).toBe(`see $${b}$ here 5×`);
      }),
      { numRuns: 500 },
    );
  });
});
