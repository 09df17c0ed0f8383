/**
 * The bookkeeping every format reader shares: which problems reject a card.
 */
import type { Problem } from '../types.ts';

/** An error about one entry (a line of its own) is a rejected entry; line 0 means the whole file. */
export const isRejection = (p: Problem): boolean => p.severity === 'error' && p.line > 0;
