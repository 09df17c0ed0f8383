/**
 * Repairs the LaTeX leftovers that text copies of paper abstracts carry. Hugging Face strips the
 * `$` delimiters from arXiv math, so `2$\times$` reaches a copy as `2times` and `$\sim$5` as
 * `sim 5`. Only unambiguous leftovers are repaired: a rule must never fire on an English word
 * (`sometimes`, `simulation`, `sim2real`, `textless speech`), and real `$…$` math is left to KaTeX.
 *
 * Hand-written because no library knows these copy artefacts; each rule is a small regex with a
 * comment saying why it cannot hit ordinary text.
 */
import { findMath } from '../core/math.ts';

interface Rule {
  pattern: RegExp;
  replace: string;
  /** Text every match of `pattern` contains: a rule whose text is absent is skipped without running its regex. */
  needs: string;
}

/** A number as abstracts write them: `5`, `22.58`, `14,000`. */
const NUM = String.raw`\d[\d,.]*`;
/** What may follow a number after `sim` so that `sim2real`/`sim2sim` stay words. */
const AFTER_NUM = String.raw`(?:[KMGTkm]?B|[KMGTkm]|ms|s|x|×|%|\\%)?(?![A-Za-z0-9])`;

// Order matters: every other rule runs before the `sim` rules, which look at what follows the number.
const RULES: readonly Rule[] = [
  // `\textless`/`\textgreater` with their backslash; bare `textless` is a real word (textless speech models).
  { pattern: /\\textless(?![A-Za-z]) ?/g, replace: '<', needs: '\\textless' },
  { pattern: /\\textgreater(?![A-Za-z]) ?/g, replace: '>', needs: '\\textgreater' },
  // `\times` keeps its backslash only in copies that kept LaTeX; it is never a word.
  { pattern: /\\times(?![A-Za-z])/g, replace: '×', needs: 'times' },
  // `4{times}`: braces around a command name only come from LaTeX.
  { pattern: /(?<=\d)\{times\}/g, replace: '×', needs: 'times' },
  // `5times`, `22.58times`, `256times256`: no English word starts with a digit then `times`.
  // `5timesteps` has letters after `times` and is left alone.
  { pattern: /(?<=\d)times(?![A-Za-z])/g, replace: '×', needs: 'times' },
  // `Ntimes`, `Rtimes`: a lone capital glued to `times` is a variable (`N\times`).
  { pattern: /(?<![A-Za-z])([A-Z])times(?![A-Za-z])/g, replace: '$1×', needs: 'times' },
  // `x!in!{4,8}` (`x\!\in\!\{4,8\}`): `!in!` never occurs in prose; only before a set literal.
  { pattern: /(?<=[A-Za-z0-9])!in!(?=\{)/g, replace: '∈', needs: '!in!' },
  // `leq 4B`, `geq 90%`: not words; only before a number.
  { pattern: new RegExp(String.raw`\\?(?<![A-Za-z])leq ?(?=${NUM})`, 'g'), replace: '≤', needs: 'leq' },
  { pattern: new RegExp(String.raw`\\?(?<![A-Za-z])geq ?(?=${NUM})`, 'g'), replace: '≥', needs: 'geq' },
  // `approx20%`: glued to a number it cannot be the abbreviation "approx." of prose.
  { pattern: new RegExp(String.raw`\\?(?<![A-Za-z])approx(?=${NUM})`, 'g'), replace: '≈', needs: 'approx' },
  // `Paris rightarrow France`: not a word.
  { pattern: /\\?(?<![A-Za-z])rightarrow(?![A-Za-z])/g, replace: '→', needs: 'rightarrow' },
  // `30\%`: a LaTeX escape; a backslash before `%` means nothing in plain text.
  { pattern: /(?<!\\)\\%/g, replace: '%', needs: '\\%' },
  // Last, so no later rule can turn what follows the number into a symbol (idempotence).
  // `{sim}20%`, `{sim} 1.5`: braced command name.
  { pattern: new RegExp(String.raw`\{sim\} ?(?=${NUM})`, 'g'), replace: '~', needs: '{sim}' },
  // `sim 5×`, `sim 18GB`, `sim!30 FPS` (`\!` lost its backslash), `\sim 5`: `sim` then a quantity.
  { pattern: new RegExp(String.raw`\\?(?<![A-Za-z])sim(?:!| )?(?=${NUM}${AFTER_NUM})`, 'g'), replace: '~', needs: 'sim' },
];

function repairPlain(text: string): string {
  let out = text;
  // Most abstracts hold none of the rules' words: a substring search is far cheaper than a regex with lookbehinds.
  for (const rule of RULES) if (out.includes(rule.needs)) out = out.replace(rule.pattern, rule.replace);
  return out;
}

/**
 * Repairs unambiguous LaTeX leftovers (`22.58times` → `22.58×`, `sim 5times` → `~5×`,
 * `sim 18GB` → `~18GB`, `\textless2MB` → `<2MB`, `x!in!{4,8}` → `x∈{4,8}`, `30\%` → `30%`)
 * outside math, which is kept verbatim. Math is what the site renders (`core/math.ts`), so a formula
 * is never repaired into something KaTeX then shows differently. Idempotent.
 */
export function repairLatex(text: string): string {
  const spans = findMath(text);
  if (spans.length === 0) return repairPlain(text);
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += repairPlain(text.slice(at, span.start)) + text.slice(span.start, span.end);
    at = span.end;
  }
  return out + repairPlain(text.slice(at));
}
