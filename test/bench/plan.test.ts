import { describe, expect, test } from "bun:test";
import { buildPlan, parseSizes, SCENARIO_ORDER } from "../../scripts/bench/plan.ts";

describe("parseSizes", () => {
  test("CLIENTSxSENDERS pairs", () => {
    expect(parseSizes("100x10, 2000x2")).toEqual([
      [100, 10],
      [2000, 2],
    ]);
  });

  test.each(["100", "100x0", "3x2", "ax1", ""])("%j is refused with a one-line message", (text) => {
    expect(() => parseSizes(text)).toThrow(/^bad size/);
  });
});

describe("buildPlan", () => {
  const all = { quick: false, scenarios: SCENARIO_ORDER, sizes: null, seconds: null, inFlight: null };

  test("the full plan has the sizes of issue 6", () => {
    expect(buildPlan(all).map((c) => c.label)).toEqual([
      "fanout-paced C=100 S=10 1000/s",
      "fanout C=100 S=10",
      "fanout C=500 S=5",
      "fanout C=2000 S=2",
      "pm 50 pairs",
      "connect 5000, 200 at a time",
      "join-storm 200 × 20",
      "churn C=100 S=10 1000/s, 20 churning",
    ]);
  });

  test("--quick keeps every scenario, smaller and shorter", () => {
    const quick = buildPlan({ ...all, quick: true });
    expect(new Set(quick.map((c) => c.scenario))).toEqual(new Set(SCENARIO_ORDER));
    expect(quick.every((c) => (c.params.seconds ?? 0) <= 2 && (c.params.clients ?? 0) <= 500)).toBe(true);
  });

  test("chosen scenarios, sizes and seconds", () => {
    const plan = buildPlan({ ...all, scenarios: ["fanout"], sizes: [[30, 3]], seconds: 1 });
    expect(plan).toHaveLength(1);
    expect(plan[0]!.params).toMatchObject({ clients: 30, senders: 3, rate: 0, seconds: 1 });
  });
});
