/**
 * Response times at full precision. autocannon's own histogram keeps whole
 * milliseconds, too coarse for servers that answer in a fraction of one.
 */
export class Latencies {
  private values = new Float64Array(1 << 16);
  private count = 0;

  record(ms: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = ms;
  }

  /** The `p`-th percentile (0–100), nearest rank; NaN when nothing was recorded. */
  percentiles(...ps: number[]): number[] {
    const sorted = this.values.slice(0, this.count).sort();
    return ps.map((p) => (this.count === 0 ? Number.NaN : sorted[Math.min(this.count - 1, Math.max(0, Math.ceil((p / 100) * this.count) - 1))]!));
  }
}
