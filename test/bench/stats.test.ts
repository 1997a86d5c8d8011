import { describe, expect, test } from "bun:test";
import { bucketOf, bucketValue, Histogram, latencySummary, spread } from "../../scripts/bench/stats.ts";

describe("latency buckets", () => {
  test.each([
    [0, 0],
    [1, 1],
    [999, 999],
    [1000, 1000],
    [1009, 1000],
    [1011, 1001],
    [1_000_000, 1694],
  ])("%d µs falls in bucket %d", (us, bucket) => {
    expect(bucketOf(us)).toBe(bucket);
  });

  test.each([500, 1500, 20_000, 3_000_000])("bucket of %d µs starts within 1%% below it", (us) => {
    const low = bucketValue(bucketOf(us));
    expect(low).toBeLessThanOrEqual(us + 1e-6);
    expect(low).toBeGreaterThan(us * 0.99);
  });
});

describe("Histogram", () => {
  test("quantiles of 1..1000 µs", () => {
    const h = new Histogram();
    for (let us = 1; us <= 1000; us++) h.record(us);
    expect([h.quantile(0.5), h.quantile(0.99), h.quantile(1), h.count, h.maxUs]).toEqual([
      500, 990, 1000, 1000, 1000,
    ]);
  });

  test("merging the wire form gives the same quantiles as recording in one place", () => {
    const a = new Histogram();
    const b = new Histogram();
    const both = new Histogram();
    for (let i = 0; i < 500; i++) {
      a.record(i * 7);
      b.record(i * 13);
      both.record(i * 7);
      both.record(i * 13);
    }
    const merged = new Histogram();
    merged.merge(a.toData());
    merged.merge(JSON.parse(JSON.stringify(b.toData())));
    expect(merged.count).toBe(both.count);
    expect([merged.quantile(0.5), merged.quantile(0.99), merged.maxUs]).toEqual([
      both.quantile(0.5),
      both.quantile(0.99),
      both.maxUs,
    ]);
  });

  test("an empty histogram has no latency", () => {
    const s = latencySummary(new Histogram());
    expect([s.p50, s.p99, s.max].every(Number.isNaN)).toBe(true);
  });
});

describe("spread", () => {
  test.each([
    [[3, 1, 2], { median: 2, min: 1, max: 3, n: 3 }],
    [[4, 1], { median: 2.5, min: 1, max: 4, n: 2 }],
    [[5, Number.NaN], { median: 5, min: 5, max: 5, n: 1 }],
  ])("%p → %p", (values, expected) => {
    expect(spread(values)).toEqual(expected);
  });

  test("no finite values", () => {
    expect(spread([Number.NaN]).n).toBe(0);
  });
});
