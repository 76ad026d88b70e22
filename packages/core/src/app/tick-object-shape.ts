import { executionAsyncResource } from 'node:async_hooks';

let kept: object | undefined;

/**
 * Keeps one of Node's tick objects (the record `process.nextTick` queues)
 * alive for the life of the process.
 *
 * On Node 20 a server process either spends about 1 % of its CPU creating
 * tick objects or, from some point in its life on, about 8–10 % (an HTTP
 * request queues several ticks; ~2 µs more per request). Which state a
 * process ends in is chance: 7 of 12 Deft and hand-written Fastify processes
 * sampled fell into the slow one. With one tick object kept alive, none of 28
 * did; presumably the tick object's hidden class is otherwise collected by a
 * garbage collection that finds no tick pending (an idle server), and the
 * code creating and reading them does not get fast again. Measured in
 * bench/results/2026-11-27.md ("Tick objects").
 */
export function keepTickObjectShape(): void {
  if (kept) return;
  process.nextTick(() => {
    kept = executionAsyncResource();
  });
}
