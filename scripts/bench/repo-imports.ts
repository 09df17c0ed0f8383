/**
 * The one place the issue-9 benchmark files (scripts/bench/scale-*.ts, floor.ts, page-weight.ts,
 * …) import from the rest of the repository.
 */
export { renderApi, renderPlaintext, type CardRecord } from '../../tests/support/render-digests.ts';
export { parseBuildLog, parseTimeStat, type BuildLogTimes } from './build-log.ts';
export { corpusCard, readCorpusFile, type CorpusPaper } from '../../tests/support/corpus.ts';
export { seededRandom } from '../../tests/support/random.ts';
