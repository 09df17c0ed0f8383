/**
 * "Save the archive for offline" (/offline/): downloads every file the build listed
 * (offline-manifest.json + parts) into the `papershelf-saved` cache, which the service worker reads
 * when its own caches have nothing. Size first, then progress with cancel; resume skips what is
 * saved; an update fetches only files whose hash changed and drops files no longer listed.
 */
import { parseOfflinePart, type OfflineFile, type OfflineManifest } from '../../site/search/offline-manifest.ts';

const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
const CACHE = 'papershelf-saved';
/** Where the saved copy records itself, inside its own cache. */
const RECORD = `${BASE}__saved__.json`;
const LIST = `${BASE}__saved__/files.txt`;
/** Parallel downloads: enough to fill a connection, few enough to keep the page responsive. */
const PARALLEL = 6;

interface SavedRecord {
  version: string;
  date: string;
  files: number;
  bytes: number;
}

const root = document.querySelector<HTMLElement>('[data-save-archive]')!;
const q = <T extends HTMLElement>(s: string) => root.querySelector<T>(s)!;
const size = q('[data-save-size]');
const storage = q('[data-save-storage]');
const start = q<HTMLButtonElement>('[data-save-start]');
const cancel = q<HTMLButtonElement>('[data-save-cancel]');
const remove = q<HTMLButtonElement>('[data-save-remove]');
const progressLabel = q('[data-save-progress-label]');
const progress = q<HTMLProgressElement>('progress');
const status = q('[data-save-status]');

const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
let manifest: OfflineManifest | undefined;
let controller: AbortController | undefined;

/** The saved copy's record, if there is one. */
async function savedRecord(): Promise<SavedRecord | undefined> {
  // caches.match with a cache name, not caches.open: opening would create the cache again after a removal.
  const response = await caches.match(RECORD, { cacheName: CACHE });
  return response ? ((await response.json()) as SavedRecord) : undefined;
}

/** Storage used and free, and whether it is persistent. */
async function showStorage() {
  if (!navigator.storage?.estimate) return;
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  const persisted = (await navigator.storage.persisted?.()) ?? false;
  const low = manifest && quota - usage < manifest.bytes * 1.2;
  storage.textContent = `This site uses ${mb(usage)} of storage on this device; about ${mb(Math.max(0, quota - usage))} is free${
    low ? ', which may not be enough' : ''
  }. Storage is ${persisted ? 'persistent' : 'not persistent (the browser may clear it when space runs low)'}.`;
}

/** Size, saved state and the right buttons. */
async function showState() {
  const saved = await savedRecord();
  remove.hidden = !saved;
  if (!manifest) return;
  const about = `The whole archive is ${manifest.files.toLocaleString('en')} files, about ${mb(manifest.bytes)}.`;
  if (saved && saved.version === manifest.version) {
    size.textContent = `${about} It is saved on this device (${saved.date.slice(0, 10)}).`;
    start.textContent = 'Check the saved copy';
  } else if (saved) {
    size.textContent = `${about} The copy saved on this device (${saved.date.slice(0, 10)}) is out of date.`;
    start.textContent = 'Update the saved copy';
  } else {
    size.textContent = `${about} Saving downloads all of it.`;
    start.textContent = 'Save the archive';
  }
  start.disabled = false;
  await showStorage();
}

/** Every file of the current manifest (its parts are fetched now, not before). */
async function listFiles(signal: AbortSignal): Promise<{ files: OfflineFile[]; text: string }> {
  const texts = await Promise.all(
    manifest!.parts.map(async (part) => {
      const response = await fetch(`${BASE}${part}`, { signal, cache: 'no-cache' });
      if (!response.ok) throw new Error(`${part}: HTTP ${response.status}`);
      return [part, await response.text()] as const;
    }),
  );
  return { files: texts.flatMap(([part, text]) => parseOfflinePart(text, part)), text: texts.map(([, t]) => t).join('') };
}

/** Saves (or resumes, or updates) the copy. */
async function save() {
  if (!manifest) return;
  controller = new AbortController();
  const { signal } = controller;
  start.disabled = true;
  cancel.hidden = false;
  progressLabel.hidden = false;
  // Pressing Save is consent: register the worker even with Save-Data on, so the copy is used.
  if ('serviceWorker' in navigator && !navigator.serviceWorker.controller) {
    navigator.serviceWorker.register(`${BASE}sw.js`, { scope: BASE }).catch(() => {});
  }
  const persisted = (await navigator.storage?.persist?.()) ?? false;
  status.textContent = persisted ? 'Storage is persistent. Listing files…' : 'Listing files…';
  const cache = await caches.open(CACHE);
  let done = 0;
  let doneBytes = 0;
  try {
    const { files, text } = await listFiles(signal);
    // What is saved already, and with which hash (an update skips unchanged files).
    const oldList = await cache.match(LIST);
    const oldHash = new Map(oldList ? parseOfflinePart(await oldList.text(), 'saved list').map((f) => [f.path, f.hash]) : []);
    const have = new Set((await cache.keys()).map((r) => r.url));
    const url = (f: OfflineFile) => new URL(`${BASE}${f.path}`, location.href).href;
    const todo = files.filter((f) => !have.has(url(f)) || (oldHash.has(f.path) && oldHash.get(f.path) !== f.hash));
    const total = todo.reduce((s, f) => s + f.bytes, 0);
    const skipped = files.length - todo.length;
    progress.max = Math.max(1, total);
    const tick = () => {
      progress.value = doneBytes;
      status.textContent = `Saved ${(skipped + done).toLocaleString('en')} of ${files.length.toLocaleString('en')} files (${mb(doneBytes)} of ${mb(total)} to download).`;
    };
    tick();
    let next = 0;
    const worker = async () => {
      while (next < todo.length) {
        const file = todo[next++]!;
        const response = await fetch(url(file), { signal, cache: 'no-cache' });
        if (!response.ok) throw new Error(`${file.path}: HTTP ${response.status}`);
        await cache.put(url(file), response);
        done++;
        doneBytes += file.bytes;
        if (done % 20 === 0 || done === todo.length) tick();
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    // Files the new list no longer has (an update) go.
    const wanted = new Set(files.map(url));
    for (const request of await cache.keys()) {
      if (
        !wanted.has(request.url) &&
        request.url !== new URL(RECORD, location.href).href &&
        request.url !== new URL(LIST, location.href).href
      ) {
        await cache.delete(request);
      }
    }
    await cache.put(LIST, new Response(text));
    const record: SavedRecord = { version: manifest.version, date: new Date().toISOString(), files: files.length, bytes: manifest.bytes };
    await cache.put(RECORD, new Response(JSON.stringify(record), { headers: { 'content-type': 'application/json' } }));
    progress.value = progress.max;
    status.textContent = `Done: the archive is saved on this device (${files.length.toLocaleString('en')} files). Pages and search now work without a network.`;
  } catch (error) {
    status.textContent = signal.aborted
      ? `Cancelled after ${done.toLocaleString('en')} files. What was saved stays; press the button again to resume.`
      : `Saving stopped: ${error instanceof Error ? error.message : String(error)}. Press the button again to resume.`;
  } finally {
    cancel.hidden = true;
    controller = undefined;
    await showState();
  }
}

start.addEventListener('click', () => void save());
cancel.addEventListener('click', () => controller?.abort());
remove.addEventListener('click', async () => {
  controller?.abort();
  await caches.delete(CACHE);
  status.textContent = 'The saved copy was removed.';
  progressLabel.hidden = true;
  await showState();
});

void (async () => {
  if (!('caches' in window)) {
    size.textContent = 'This browser cannot save the archive (no Cache Storage).';
    return;
  }
  try {
    const response = await fetch(`${BASE}offline-manifest.json`, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    manifest = (await response.json()) as OfflineManifest;
  } catch {
    size.textContent = 'The list of files to save could not be loaded (are you offline?).';
  }
  await showState();
})();
