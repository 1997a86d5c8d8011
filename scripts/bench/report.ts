/** The results table: one row per case and figure, servers side by side, and ours over the best peer. Pure. */
import { type Spread, spread } from "./stats.ts";

export type Better = "higher" | "lower" | "info";

/** Each figure's meaning for the table: its column label and which way is better. */
export const FIGURES: Record<string, { label: string; better: Better }> = {
  deliveries_per_s: { label: "deliveries/s", better: "higher" },
  round_trips_per_s: { label: "round trips/s", better: "higher" },
  connections_per_s: { label: "conn/s until 001", better: "higher" },
  churn_cycles_per_s: { label: "churn cycles/s", better: "higher" },
  registered: { label: "registered", better: "higher" },
  join_storm_s: { label: "s until every 366", better: "lower" },
  p50_ms: { label: "p50 ms", better: "lower" },
  p99_ms: { label: "p99 ms", better: "lower" },
  max_ms: { label: "max ms", better: "lower" },
  lost: { label: "lost", better: "lower" },
  duplicated: { label: "duplicated", better: "lower" },
  failed: { label: "failed", better: "lower" },
  churn_failures: { label: "churn failures", better: "lower" },
  kib_per_idle_connection: { label: "KiB per idle conn", better: "lower" },
  server_cpu_s: { label: "server CPU s", better: "lower" },
  server_cpu_us_per_delivery: { label: "server CPU µs/delivery", better: "lower" },
  server_rss_baseline_kib: { label: "server RSS before, KiB", better: "info" },
  sent: { label: "lines sent", better: "info" },
  generator_cpu_s: { label: "generator CPU s", better: "info" },
  generator_cores: { label: "generator cores busy", better: "info" },
};

export interface RunRecord {
  label: string;
  server: string;
  run: number;
  /** The machine's 1-minute load average when the run began: other work on a shared machine shows here. */
  loadavg1?: number;
  figures?: Record<string, number>;
  error?: string;
}

export type Summary = Record<string, Record<string, Record<string, Spread>>>;

/** case label → figure → server → median/min/max over its successful runs. */
export function summarize(records: readonly RunRecord[]): Summary {
  const summary: Summary = {};
  const values = new Map<string, number[]>();
  for (const r of records) {
    for (const [figure, value] of Object.entries(r.figures ?? {})) {
      const key = JSON.stringify([r.label, figure, r.server]);
      values.set(key, [...(values.get(key) ?? []), value]);
    }
  }
  for (const [key, list] of values) {
    const [label, figure, server] = JSON.parse(key) as [string, string, string];
    summary[label] ??= {};
    summary[label][figure] ??= {};
    summary[label][figure][server] = spread(list);
  }
  return summary;
}

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return "–";
  const a = Math.abs(v);
  if (a >= 1e6) return `${(v / 1e6).toFixed(2)}M`;
  if (a >= 1e4) return `${(v / 1e3).toFixed(1)}k`;
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a === 0) return "0";
  return v.toFixed(2);
}

function cell(s: Spread | undefined): string {
  if (!s || s.n === 0) return "–";
  if (s.n === 1 || s.min === s.max) return formatNumber(s.median);
  return `${formatNumber(s.median)} (${formatNumber(s.min)}–${formatNumber(s.max)})`;
}

/** ours / best peer, where best follows the figure's direction; "" when it cannot be computed. */
export function ratioToBestPeer(
  byServer: Record<string, Spread>,
  peers: readonly string[],
  better: Better,
): number | null {
  const ours = byServer.ours?.median;
  const peerValues = peers.map((p) => byServer[p]?.median).filter((v): v is number => Number.isFinite(v));
  if (better === "info" || ours === undefined || !Number.isFinite(ours) || peerValues.length === 0)
    return null;
  const best = better === "higher" ? Math.max(...peerValues) : Math.min(...peerValues);
  return best === 0 ? null : ours / best;
}

/** A Markdown table (readable as plain text too). Failed runs are listed per case after the figures. */
export function renderTable(
  records: readonly RunRecord[],
  servers: readonly string[],
  peers: readonly string[],
): string {
  const summary = summarize(records);
  const header = ["case", "figure", ...servers, "ours / best peer"];
  const rows: string[][] = [];
  for (const [label, figures] of Object.entries(summary)) {
    for (const [figure, meta] of Object.entries(FIGURES)) {
      const byServer = figures[figure];
      if (!byServer) continue;
      const ratio = ratioToBestPeer(byServer, peers, meta.better);
      rows.push([
        label,
        meta.label,
        ...servers.map((s) => cell(byServer[s])),
        ratio === null ? "" : ratio.toFixed(2),
      ]);
    }
  }
  for (const r of records.filter((r) => r.error)) {
    rows.push([r.label, `run ${r.run} FAILED`, ...servers.map((s) => (s === r.server ? "error" : "")), ""]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
