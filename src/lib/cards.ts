/**
 * What a paper card in a list shows besides its title, and whether a list of cards needs
 * KaTeX's stylesheet (titles and excerpts render their formulas).
 */
import type { Paper } from '../schemas/paper.ts';
import { excerpt } from './format.ts';
import { textHasMath } from './rich-text.ts';

/** Characters of the abstract a card shows. */
const CARD_EXCERPT = 260;

/** The start of the abstract a card shows (formulas are rendered from it; a cut one stays text). */
export function cardSummary(paper: Pick<Paper, 'abstract'>): string {
  return excerpt(paper.abstract, CARD_EXCERPT);
}

/** True when any card of `papers` shows a formula: its page must link KaTeX's stylesheet. */
export function cardsNeedMath(papers: ReadonlyArray<Pick<Paper, 'title' | 'abstract'>>): boolean {
  return papers.some((p) => textHasMath(p.title) || textHasMath(cardSummary(p)));
}
