import { describe, expect, test } from "bun:test";
import { cpuSeconds, parseCpuSeconds, parseRssKiB, rssKiB } from "../../scripts/bench/proc-stats.ts";

describe("/proc parsing", () => {
  test("utime + stime, with spaces and parentheses in the command name", () => {
    const stat = "1234 (chat (server) x) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 1 0 5 0 0";
    expect(parseCpuSeconds(stat)).toBe(3);
  });

  test.each([
    ["Name:\tx\nVmRSS:\t   12345 kB\nVmData:\t 1 kB\n", 12345],
    ["Name:\tx\n", Number.NaN],
  ])("VmRSS of %j", (status, kib) => {
    expect(parseRssKiB(status)).toBe(kib);
  });

  test("this process has CPU time and memory; a missing PID has neither", () => {
    expect(cpuSeconds(process.pid)).toBeGreaterThanOrEqual(0);
    expect(rssKiB(process.pid)).toBeGreaterThan(1000);
    expect(cpuSeconds(2 ** 30)).toBeNaN();
  });
});
