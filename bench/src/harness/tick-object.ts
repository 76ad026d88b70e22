import { executionAsyncResource } from 'node:async_hooks';

let kept: object | undefined;

/**
 * Keeps one of Node's tick objects (the record `process.nextTick` queues)
 * alive for the life of a benchmark server process, whatever the framework.
 *
 * On Node 20 a server process either spends about 1 % of its CPU creating
 * tick objects or, from some point in its life on, about 8–10 % (~2 µs more
 * per request). Which state a process ends in is chance: 7 of 12 Deft and
 * hand-written Fastify processes sampled fell into the slow one; with one
 * tick object kept alive, none of 28 did (bench/results/2026-11-27.md, "Tick
 * objects"). The cause is not confirmed in V8's source, so this is not part
 * of Deft: the benchmark applies it to every Node implementation alike, so
 * that ratios compare frameworks, not luck of the draw.
 */
export function keepTickObject(): void {
  if (kept) return;
  process.nextTick(() => {
    kept = executionAsyncResource();
  });
}
