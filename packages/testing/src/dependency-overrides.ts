import type { DeftApp, DependencyRef } from '@deft/core';

/**
 * Runs `body` with dependencies replaced, then restores what was there before
 * (also when `body` throws), so one test's overrides never leak into the next.
 *
 * ```ts
 * await withOverrides(app, [[getDb, () => fakeDb]], async () => { ... });
 * ```
 */
export async function withOverrides<T>(
  app: DeftApp,
  replacements: Iterable<readonly [unknown, DependencyRef]>,
  body: () => Promise<T> | T,
): Promise<T> {
  const overrides = app.dependencyOverrides;
  const previous = new Map<unknown, DependencyRef | undefined>();
  for (const [original, replacement] of replacements) {
    if (!previous.has(original)) previous.set(original, overrides.get(original));
    overrides.set(original, replacement);
  }
  try {
    return await body();
  } finally {
    for (const [original, replacement] of previous) {
      if (replacement === undefined) overrides.delete(original);
      else overrides.set(original, replacement);
    }
  }
}
