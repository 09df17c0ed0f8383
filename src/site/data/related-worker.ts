/**
 * The worker thread shelf.ts computes related papers in (`relatedPapers` of related.ts, the same
 * function and input as on the main thread, so the same lists): posts back the id → ids map.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { relatedPapers, type RelatedDoc } from './related.ts';

const { docs, k } = workerData as { docs: RelatedDoc[]; k: number };
parentPort!.postMessage(relatedPapers(docs, k));
