import { describe, expect, test } from "bun:test";
import {
  formatNumber,
  type RunRecord,
  ratioToBestPeer,
  renderTable,
  summarize,
} from "../../scripts/bench/report.ts";
import { spread } from "../../scripts/bench/stats.ts";

describe("formatNumber", () => {
  test.each([
    [2_180_000, "2.18M"],
    [218_400, "218.4k"],
    [687.4, "687"],
    [19.04, "19.0"],
    [2.94, "2.94"],
    [0, "0"],
    [Number.NaN, "–"],
  ])("%d → %s", (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe("ratioToBestPeer", () => {
  const bySrv = { ours: spread([300]), ngircd: spread([200]), inspircd: spread([100]) };
  test.each([
    ["higher", 1.5],
    ["lower", 3],
    ["info", null],
  ] as const)("%s is better → %p", (better, ratio) => {
    expect(ratioToBestPeer(bySrv, ["ngircd", "inspircd"], better)).toBe(ratio);
  });

  test("no ratio without our figure", () => {
    expect(ratioToBestPeer({ ngircd: spread([1]) }, ["ngircd"], "higher")).toBeNull();
  });
});

describe("table", () => {
  const records: RunRecord[] = [
    { label: "pm", server: "ours", run: 1, figures: { round_trips_per_s: 30_000 } },
    { label: "pm", server: "ours", run: 2, figures: { round_trips_per_s: 34_000 } },
    { label: "pm", server: "ngircd", run: 1, figures: { round_trips_per_s: 20_000 } },
    { label: "pm", server: "ngircd", run: 2, error: "timed out" },
  ];

  test("medians per server over successful runs", () => {
    expect(summarize(records).pm?.round_trips_per_s?.ours).toEqual({
      median: 32_000,
      min: 30_000,
      max: 34_000,
      n: 2,
    });
  });

  test("servers side by side with the ratio, and failed runs listed", () => {
    const lines = renderTable(records, ["ours", "ngircd"], ["ngircd"]).split("\n");
    expect(lines[0]).toMatch(/\| case +\| figure +\| ours +\| ngircd +\| ours \/ best peer \|/);
    expect(lines[2]).toMatch(/\| pm +\| round trips\/s +\| 32\.0k \(30\.0k–34\.0k\) \| 20\.0k +\| 1\.60 +\|/);
    expect(lines[3]).toMatch(/\| pm +\| run 2 FAILED +\| +\| error +\|/);
  });
});
