/** A server that can be suspended and resumed (see `ServerProcess`). */
export interface Pausable {
  pause(): void;
  resume(): void;
}

/**
 * Lets one server at a time run on the server core: every other one is
 * paused (SIGSTOP), and the running one changes after a slice of random
 * length (0.2 to 1.2 times `sliceMs`). All of them stay under load the whole
 * time, so each runs as it would alone, while a slow phase of the machine,
 * lasting longer than a few slices, falls on all of them alike. Slices are of
 * random length because a virtual machine's CPU quota comes in periods (often
 * 100 ms): slices in step with it would give one server the throttled part of
 * every period.
 */
export class SliceRotation {
  private running = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly servers: readonly Pausable[],
    private readonly sliceMs: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** Starts with `first` running. */
  start(first = 0): void {
    this.running = first % this.servers.length;
    this.servers.forEach((server, i) => (i === this.running ? server.resume() : server.pause()));
    this.schedule();
  }

  /** Stops rotating and lets every server run again. */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const server of this.servers) server.resume();
  }

  private schedule(): void {
    this.timer = setTimeout(() => this.next(), this.sliceMs * (0.2 + this.random()));
  }

  private next(): void {
    this.servers[this.running]!.pause();
    this.running = (this.running + 1) % this.servers.length;
    this.servers[this.running]!.resume();
    this.schedule();
  }
}
