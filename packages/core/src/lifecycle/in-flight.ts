import type { AbortSource } from '../errors/request-aborted';

/**
 * What an app still has running: handlers being called, and request endings
 * (a response being sent, then its background tasks and teardowns). `close()`
 * waits for all of it before the app frame ends, so nothing a request still
 * uses is torn down under it. Counting a handler is two integer operations;
 * only requests that have something to finish after their response are
 * watched.
 */
export class InFlight {
  private handlers = 0;
  private readonly endings = new Set<Promise<unknown>>();
  private readonly aborters = new Set<(source: AbortSource) => void>();
  private waiters: (() => void)[] | undefined;
  /** Set once the app has begun to close: requests ended from now on were ended by the server. */
  closing = false;

  enter(): void {
    this.handlers++;
  }

  leave(): void {
    if (--this.handlers === 0 && this.waiters) this.wake();
  }

  /** Tracks a request's ending until it settles; `abort` ends it early when the server must stop waiting. */
  track(ending: Promise<unknown>, abort?: (source: AbortSource) => void): void {
    this.endings.add(ending);
    if (abort) this.aborters.add(abort);
    void ending.finally(() => {
      this.endings.delete(ending);
      if (abort) this.aborters.delete(abort);
      if (this.waiters) this.wake();
    });
  }

  get size(): number {
    return this.handlers + this.endings.size;
  }

  /** Resolves once no handler runs and every tracked ending has settled. */
  async drain(): Promise<void> {
    while (this.size > 0) await new Promise<void>((resolve) => (this.waiters ??= []).push(resolve));
  }

  /** Ends every watched request that has not ended yet, as aborted by the server. */
  abortAll(): void {
    for (const abort of [...this.aborters]) abort('server');
  }

  private wake(): void {
    if (this.size > 0) return;
    const waiters = this.waiters!;
    this.waiters = undefined;
    for (const resolve of waiters) resolve();
  }
}
