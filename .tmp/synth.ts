import { launchBrowser } from '../tests/support/browser.ts';
import { serveDist } from '../tests/support/serve.ts';
const dist = process.argv[2]!;
const server = await serveDist(dist, '/');
const browser = await launchBrowser();
const index = JSON.parse(await (await fetch(`${server.url}search/index.json`)).text());
for (const synthetic of [false, true, false, true]) {
  const page = await browser.newPage();
  await page.goto(`${server.url}404.html`);
  const out = await page.evaluate(async ({ index, synthetic }) => {
    const pf: any = await import('/pagefind/pagefind.js');
    const o = { baseUrl: '/', excerptLength: 24, ranking: { metaWeights: { title: 5 } } };
    const inst = pf.createInstance({ ...o, basePath: '/pagefind/', ...(synthetic ? { mergeFilter: { shard: 's0' } } : {}) });
    await inst.init();
    for (const [i, s] of index.shards.slice(1).entries()) await inst.mergeIndex('/' + s.bundle, { ...o, ...(synthetic ? { mergeFilter: { shard: 's' + (i + 1) } } : {}) });
    const times: Record<string, number[]> = {};
    for (const q of ['diffusion', 'model', 'speculative decoding', 'RynnBrain']) {
      times[q] = [];
      for (let k = 0; k < 4; k++) {
        const t = performance.now();
        const r = await inst.search(q);
        times[q].push(Math.round(performance.now() - t));
        if (k === 3) times[q].push(r.results.length);
      }
    }
    return times;
  }, { index, synthetic });
  console.log(synthetic ? 'synthetic' : 'plain    ', JSON.stringify(out));
  await page.close();
}
await browser.close();
await server.close();
