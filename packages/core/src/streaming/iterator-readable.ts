import { Readable } from 'node:stream';

/** Encodes one item of a stream as bytes or text for the wire. */
export type ItemEncoder = (item: unknown) => string | Buffer;

/** A chunk sent whenever the source has been quiet for `intervalMs` (server-sent events' keep-alive comment). */
export interface KeepAlive {
  readonly intervalMs: number;
  readonly chunk: string;
}

/**
 * A Node stream of an async iterator's items, each encoded as it comes, and
 * asked for only when the stream wants more (one item ahead of the socket:
 * backpressure reaches the source). One layer between the source and the
 * socket, with one timer for the keep-alive, which reads when the wait for
 * the source began, instead of a timer and a race per item.
 *
 * Destroying it (the client went away) returns from the iterator, so a
 * generator's `finally` runs (it is never resumed again), and `close` is
 * emitted once that is done. An error from the source or the encoder
 * destroys the stream with it.
 */
export class IteratorReadable extends Readable {
  private pulling = false;
  /** When the wait for the source's next item began (`performance.now()`), while there is a keep-alive. */
  private waitingSince = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly encode: ItemEncoder,
    private readonly keepAlive?: KeepAlive,
  ) {
    super({ objectMode: true, highWaterMark: 1 });
    if (keepAlive) this.timer = setTimeout(this.ping, keepAlive.intervalMs);
  }

  override _read(): void {
    if (this.pulling) return;
    this.pull();
  }

  private pull(): void {
    this.pulling = true;
    // A clock read per item: re-arming a timer per item (Timeout#refresh) cost a fifth of a fast event stream.
    if (this.keepAlive) this.waitingSince = performance.now();
    this.source.next().then(this.took, this.failed);
  }

  /**
   * The keep-alive's one timer: a ping once the source has been waited for
   * `intervalMs`, then again after each quiet interval; a client that reads
   * slowly (nothing is being waited for) is not sent more.
   */
  private readonly ping = (): void => {
    const { intervalMs, chunk } = this.keepAlive!;
    let next = intervalMs;
    if (this.pulling) {
      const quiet = performance.now() - this.waitingSince;
      // Timers fire on the loop's millisecond clock, a fraction of a millisecond off this one.
      if (quiet >= intervalMs - 1) {
        this.push(chunk);
        this.waitingSince = performance.now();
      } else {
        next = intervalMs - quiet;
      }
    }
    if (!this.destroyed) this.timer = setTimeout(this.ping, next);
  };

  private readonly took = (step: IteratorResult<unknown>): void => {
    this.pulling = false;
    if (this.destroyed) return;
    if (step.done) {
      clearTimeout(this.timer);
      this.push(null);
      return;
    }
    let chunk: string | Buffer;
    try {
      chunk = this.encode(step.value);
    } catch (error) {
      this.destroy(error as Error);
      return;
    }
    // The socket took it at once: ask for the next item now rather than on the stream's next tick.
    if (this.push(chunk) && !this.pulling) this.pull();
  };

  private readonly failed = (error: unknown): void => {
    this.pulling = false;
    this.destroy(error instanceof Error ? error : new Error(String(error)));
  };

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    clearTimeout(this.timer);
    const returned = this.source.return?.();
    if (returned === undefined) return callback(error);
    returned.then(
      () => callback(error),
      (thrown: unknown) => callback(error ?? (thrown as Error)),
    );
  }
}
