import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runWorker, workerFailure } from './worker-result.ts';

// Plain .mjs workers: what each posts or does is the case under test.
const dir = mkdtempSync(path.join(tmpdir(), 'papershelf-worker-result-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function worker(name: string, body: string): URL {
  const file = path.join(dir, `${name}.mjs`);
  writeFileSync(file, `import { parentPort, workerData } from 'node:worker_threads';\n${body}\n`);
  return pathToFileURL(file);
}

describe('runWorker', () => {
  it('settles with the first message take() turns into a value, after the ones it skips', async () => {
    const url = worker('two', `parentPort.postMessage({ step: 1 }); parentPort.postMessage({ step: 2, n: workerData.n * 2 });`);
    const seen: number[] = [];
    const value = await runWorker(url, { n: 21 }, 'the doubling worker', (m: { step: number; n?: number }) => {
      seen.push(m.step);
      return m.n;
    });
    expect(value).toBe(42);
    expect(seen).toEqual([1, 2]);
  });

  it("rejects with a posted failure's message, with what the worker was doing", async () => {
    const url = worker(
      'fails',
      `parentPort.postMessage(${JSON.stringify(workerFailure(new Error('ENOENT: no such folder'), 'listing'))});`,
    );
    await expect(runWorker(url, {}, 'the listing worker', () => 1)).rejects.toThrow(/^listing: ENOENT: no such folder$/);
  });

  it('rejects with an uncaught error thrown in the worker', async () => {
    const url = worker('throws', `throw new Error('boom in the worker');`);
    await expect(runWorker(url, {}, 'the thrower', () => 1)).rejects.toThrow('boom in the worker');
  });

  it('rejects when the worker exits without a result, instead of leaving the caller waiting', async () => {
    const url = worker('quiet', `parentPort.postMessage({ not: 'it' });`);
    await expect(runWorker(url, {}, 'the quiet worker', () => undefined)).rejects.toThrow(
      'the quiet worker stopped (exit 0) without a result',
    );
  });

  it('rejects when take() throws on a message', async () => {
    const url = worker('odd', `parentPort.postMessage({ odd: true });`);
    const take = () => {
      throw new Error('unexpected message');
    };
    await expect(runWorker(url, {}, 'the odd worker', take)).rejects.toThrow('unexpected message');
  });
});
