/**
 * Latency histogram and run summaries for the benchmark. Pure: no I/O.
 * Latencies are recorded in microseconds into log-linear buckets (1 µs steps up to 1 ms, then 1% steps), so a
 * worker can record millions of samples in constant memory and ship the histogram to the parent as JSON.
 */

const LINEAR_LIMIT_US = 1000;
const LOG_STEP = Math.log(1.01);

export function bucketOf(us: number): number {
  const v = Math.max(0, Math.round(us));
  return v < LINEAR_LIMIT_US ? v : LINEAR_LIMIT_US + Math.floor(Math.log(v / LINEAR_LIMIT_US) / LOG_STEP);
}

/** The lower bound of a bucket, in microseconds. */
export function bucketValue(bucket: number): number {
  return bucket < LINEAR_LIMIT_US
    ? bucket
    : LINEAR_LIMIT_US * Math.exp((bucket - LINEAR_LIMIT_US) * LOG_STEP);
}

/** What a histogram looks like on the wire between processes: sparse [bucket, count] pairs. */
export interface HistogramData {
  buckets: [number, number][];
  maxUs: number;
}

/** Enough buckets for an hour; anything slower lands in the last one (and still sets the max). */
const BUCKETS = bucketOf(3.6e9) + 1;

export class Histogram {
  // A typed array rather than a Map: recording sits on the generator's per-delivery path.
  private readonly counts = new Float64Array(BUCKETS);
  count = 0;
  maxUs = 0;

  record(us: number): void {
    this.counts[Math.min(bucketOf(us), BUCKETS - 1)]!++;
    this.count++;
    if (us > this.maxUs) this.maxUs = us;
  }

  merge(data: HistogramData): void {
    for (const [b, n] of data.buckets) {
      this.counts[Math.min(b, BUCKETS - 1)]! += n;
      this.count += n;
    }
    this.maxUs = Math.max(this.maxUs, data.maxUs);
  }

  /** The value (µs) at quantile q in [0, 1]; NaN when empty. */
  quantile(q: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let b = 0; b < BUCKETS; b++) {
      seen += this.counts[b]!;
      if (seen >= rank) return Math.min(bucketValue(b), this.maxUs);
    }
    return this.maxUs;
  }

  toData(): HistogramData {
    const buckets: [number, number][] = [];
    this.counts.forEach((n, b) => {
      if (n) buckets.push([b, n]);
    });
    return { buckets, maxUs: this.maxUs };
  }
}

/** p50 / p99 / max in milliseconds, the form every latency figure in the report takes. */
export function latencySummary(h: Histogram): { p50: number; p99: number; max: number } {
  return { p50: h.quantile(0.5) / 1000, p99: h.quantile(0.99) / 1000, max: h.count ? h.maxUs / 1000 : NaN };
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

/** Median, min and max of the finite values (the runs that produced this figure). */
export function spread(values: readonly number[]): Spread {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return { median, min: v[0]!, max: v[v.length - 1]!, n: v.length };
}
