import type { AbortSource } from '../errors/request-aborted';

/** A request whose handler still runs and that has something to tear down: it can be ended at once. */
export interface Cuttable {
  /** Ends the request now, as aborted by the server, its teardowns run without waiting for its handler. */
  cut(): Promise<unknown>;
}

/**
 * What an app still has running: handlers being called, and request endings
 * (a response being sent, then its background tasks and teardowns). `close()`
 * waits for all of it before the app frame ends, so nothing a request still
 * uses is torn down under it. Counting a handler is two integer operations;
 * only requests that have something to finish after their response are
 * watched, and only those that have something to tear down are held while
 * their handler runs (so the end of the shutdown grace period can end them).
 */
export class InFlight {
  private handlers = 0;
  private readonly endings = new Set<Promise<unknown>>();
  private readonly aborters = new Set<(source: AbortSource) => void>();
  private readonly held = new Set<Cuttable>();
  private waiters: (() => void)[] | undefined;
  /** Set once the app has begun to close: requests ended from now on were ended by the server. */
  closing = false;

  enter(): void {
    this.handlers++;
  }

  /** The handler part of a request is over (its response is on its way, or it failed); `request` is no longer held. */
  leave(request?: Cuttable): void {
    if (request !== undefined && this.held.size > 0) this.held.delete(request);
    if (--this.handlers === 0 && this.waiters) this.wake();
  }

  /** A request whose handler runs has something to tear down. */
  hold(request: Cuttable): void {
    this.held.add(request);
  }

  release(request: Cuttable): void {
    if (this.held.size > 0) this.held.delete(request);
  }

  /** Tracks a request's ending until it settles; `abort` ends it early when the server must stop waiting. */
  track(ending: Promise<unknown>, abort?: (source: AbortSource) => void): void {
    this.endings.add(ending);
    if (abort) this.aborters.add(abort);
    void ending.finally(() => {
      this.endings.delete(ending);
      if (abort) this.aborters.delete(abort);
      if (this.waiters) this.wake();
    }).catch(() => undefined);
  }

  get size(): number {
    return this.handlers + this.endings.size;
  }

  /** Resolves once no handler runs and every tracked ending has settled. */
  async drain(): Promise<void> {
    while (this.size > 0) await this.change();
  }

  /** Resolves once every tracked ending has settled, whether or not handlers still run. */
  async settled(): Promise<void> {
    while (this.endings.size > 0) await this.change();
  }

  /**
   * Ends every request that has not ended yet, as aborted by the server:
   * the watched ones (their responses on their way), and the held ones,
   * whose handlers still run, at once (their teardowns do not wait for the
   * handler any more; it is past the grace period).
   */
  abortAll(): void {
    for (const abort of [...this.aborters]) abort('server');
    const held = [...this.held];
    this.held.clear();
    for (const request of held) this.track(request.cut());
  }

  private change(): Promise<void> {
    return new Promise<void>((resolve) => (this.waiters ??= []).push(resolve));
  }

  private wake(): void {
    const waiters = this.waiters!;
    this.waiters = undefined;
    for (const resolve of waiters) resolve();
  }
}
