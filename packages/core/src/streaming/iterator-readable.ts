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
 * socket, with one timer for the keep-alive, refreshed by each item, instead
 * of a timer and a race per item.
 *
 * Destroying it (the client went away) returns from the iterator, so a
 * generator's `finally` runs (it is never resumed again), and `close` is
 * emitted once that is done. An error from the source or the encoder
 * destroys the stream with it.
 */
export class IteratorReadable extends Readable {
  private pulling = false;
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly encode: ItemEncoder,
    keepAlive?: KeepAlive,
  ) {
    super({ objectMode: true, highWaterMark: 1 });
    // A ping only while the source is being waited for: a client that reads slowly is not sent more.
    if (keepAlive) this.timer = setInterval(() => this.pulling && this.push(keepAlive.chunk), keepAlive.intervalMs);
  }

  override _read(): void {
    if (this.pulling) return;
    this.pull();
  }

  private pull(): void {
    this.pulling = true;
    this.source.next().then(this.took, this.failed);
  }

  private readonly took = (step: IteratorResult<unknown>): void => {
    this.pulling = false;
    if (this.destroyed) return;
    if (step.done) {
      clearInterval(this.timer);
      this.push(null);
      return;
    }
    this.timer?.refresh();
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
    clearInterval(this.timer);
    const returned = this.source.return?.();
    if (returned === undefined) return callback(error);
    returned.then(
      () => callback(error),
      (thrown: unknown) => callback(error ?? (thrown as Error)),
    );
  }
}
