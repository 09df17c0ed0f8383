/**
 * The one place the issue-9 benchmark files (scripts/bench/scale-*.ts, floor.ts, page-weight.ts,
 * …) import from the rest of the repository. Issue 11 moves these modules (the renderers to
 * tests/support/, the build-log parser to scripts/bench/build-log.ts): after that merge only the
 * paths below change.
 */
export { renderApi, renderPlaintext, type CardRecord } from '../../src/ingest/formats/render.ts';
export { parseBuildLog, parseTimeStat, type BuildLogTimes } from '../bench-build-log.ts';
