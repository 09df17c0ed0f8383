/**
 * Hostile cases that still fail on this branch because another item of issue 7 fixes them (and
 * that engineer's branch is not merged yet). Each maps to the item that fixes it. These cases are
 * left out of the combined hostile build and their outcome tests are expected to fail (`it.fails`),
 * so the suite stays green while the list is honest. After merging, delete the entries whose item
 * landed: their tests then run for real, and the cases join the hostile build.
 */
export const KNOWN_DEFECTS: Readonly<Record<string, string>> = {};
