/**
 * The items of `source`, with `ping` in between whenever the source has been
 * quiet for `intervalMs`. The pending item is never abandoned: a ping is
 * sent while waiting for it, then the item when it comes. Returning from this
 * iterator returns from the source.
 */
export async function* withKeepAlive<T, P>(source: AsyncIterable<T>, intervalMs: number, ping: P): AsyncGenerator<T | P> {
  const iterator = source[Symbol.asyncIterator]();
  let timer: NodeJS.Timeout | undefined;
  const quiet = (): Promise<typeof QUIET> => new Promise((resolve) => (timer = setTimeout(resolve, intervalMs, QUIET)));
  try {
    for (;;) {
      const next = iterator.next();
      for (;;) {
        const step = await Promise.race([next, quiet()]);
        clearTimeout(timer);
        if (step === QUIET) {
          yield ping;
          continue;
        }
        if (step.done) return;
        yield step.value;
        break;
      }
    }
  } finally {
    clearTimeout(timer);
    await iterator.return?.();
  }
}

const QUIET = Symbol('quiet');
