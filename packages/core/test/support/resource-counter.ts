import { Depends } from '@deft/core';

/**
 * Generator dependencies that count themselves: `open` holds those set up and
 * not yet torn down, so it returns to 0 once every one has been, and
 * `eachOnce()` says whether each was torn down exactly once.
 */
export function resourceCounter() {
  const open = new Set<number>();
  const times = new Map<number, number>();
  let made = 0;
  const resource = (scope: 'request' | 'function' = 'request') =>
    Depends(
      async function* () {
        const id = ++made;
        open.add(id);
        try {
          yield id;
        } finally {
          open.delete(id);
          times.set(id, (times.get(id) ?? 0) + 1);
        }
      },
      { scope },
    );
  return { resource, open, made: () => made, eachOnce: () => times.size === made && [...times.values()].every((n) => n === 1) };
}

/** A small seeded generator (mulberry32), so that a failing run can be repeated with its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
