/**
 * The benchmark of issue 6: our compiled server against ngircd, InspIRCd and a plain-Bun ceiling, all driven by
 * the same Bun load generator (scripts/bench/), in one run on one machine.
 *   bun scripts/bench.ts                  full plan, 3 runs per server, servers alternating run by run
 *   bun scripts/bench.ts --quick          small sizes, 1 run, ~2 s per scenario: a smoke test
 *   --scenarios fanout,pm  --servers ours,ngircd  --runs 5  --sizes 100x10,500x5  --seconds 5  --workers 2
 *   --in-flight 65536 (deliveries in flight in the as-fast-as-possible fanout)  --out bench-results/x.json
 * Prints one table and writes the runs and their summary as JSON under bench-results/.
 */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { hardFdLimit } from "./bench/fd-limit.ts";
import { buildPlan, parseSizes, SCENARIO_ORDER } from "./bench/plan.ts";
import { formatNumber, type RunRecord, renderTable, summarize } from "./bench/report.ts";
import { runOnce } from "./bench/run-once.ts";
import {
  ensureOurBinary,
  ensurePeers,
  PEERS,
  SERVER_NAMES,
  type ServerName,
  snapshotOurBinary,
} from "./bench/servers.ts";

const ROOT = join(import.meta.dir, "..");

function parseOptions() {
  const { values } = parseArgs({
    args: Bun.argv.slice(2),
    options: {
      quick: { type: "boolean", default: false },
      scenarios: { type: "string", default: SCENARIO_ORDER.join(",") },
      servers: { type: "string", default: SERVER_NAMES.join(",") },
      runs: { type: "string" },
      sizes: { type: "string" },
      seconds: { type: "string" },
      "in-flight": { type: "string" },
      workers: { type: "string", default: "2" },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const list = (text: string, allowed: readonly string[], what: string) => {
    const items = text
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = items.filter((s) => !allowed.includes(s));
    if (bad.length) throw new Error(`unknown ${what}: ${bad.join(", ")} (known: ${allowed.join(", ")})`);
    return items;
  };
  const positive = (text: string | undefined, what: string) => {
    if (text === undefined) return null;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`--${what} needs a positive whole number, got "${text}"`);
    return n;
  };
  return {
    help: values.help,
    quick: values.quick,
    scenarios: list(values.scenarios, SCENARIO_ORDER, "scenario"),
    servers: list(values.servers, SERVER_NAMES, "server") as ServerName[],
    runs: positive(values.runs, "runs") ?? (values.quick ? 1 : 3),
    sizes: values.sizes ? parseSizes(values.sizes) : null,
    seconds: positive(values.seconds, "seconds"),
    inFlight: positive(values["in-flight"], "in-flight"),
    workers: positive(values.workers, "workers") ?? 2,
    out:
      values.out ??
      join(ROOT, "bench-results", `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`),
  };
}

function machine() {
  return {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? "unknown",
    memory_gib: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    kernel: `${os.type()} ${os.release()}`,
    bun: Bun.version,
    loadavg_at_start: os.loadavg().map((v) => Number(v.toFixed(2))),
  };
}

/** The headline figure of a run, for the progress line. */
function headline(figures: Record<string, number>): string {
  const keys = [
    "deliveries_per_s",
    "round_trips_per_s",
    "connections_per_s",
    "join_storm_s",
    "p99_ms",
    "lost",
  ];
  return keys
    .filter((k) => k in figures)
    .map((k) => `${k}=${formatNumber(figures[k]!)}`)
    .join(" ");
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (options.help) {
    console.log((await Bun.file(import.meta.path).text()).split("*/")[0]);
    return;
  }
  if (options.servers.some((s) => s === "ngircd" || s === "inspircd")) await ensurePeers();
  if (options.servers.includes("ours")) await ensureOurBinary();
  const dropSnapshot = options.servers.includes("ours") ? await snapshotOurBinary() : async () => {};
  const fdLimit = hardFdLimit();
  const plan = buildPlan(options);
  const command = `bun scripts/bench.ts ${Bun.argv.slice(2).join(" ")}`.trim();
  console.log(`${command}\nmachine: ${JSON.stringify(machine())}  fd limit: ${fdLimit}`);

  const records: RunRecord[] = [];
  const began = performance.now();
  for (const { label, scenario, params } of plan) {
    for (let run = 1; run <= options.runs; run++) {
      // Servers alternate run by run, so slow drift on a shared machine spreads over all of them.
      for (const server of options.servers) {
        const t0 = performance.now();
        const loadavg1 = Number(os.loadavg()[0]!.toFixed(2));
        const outcome = await runOnce(label, scenario, params, server, options.workers, fdLimit);
        records.push({ label, server, run, loadavg1, ...outcome });
        const took = ((performance.now() - t0) / 1000).toFixed(1);
        const what = outcome.figures ? headline(outcome.figures) : `FAILED: ${outcome.error}`;
        console.log(`${label} · ${server} · run ${run}: ${what} (${took} s)`);
      }
    }
  }

  await dropSnapshot();
  const peers = PEERS.filter((p) => options.servers.includes(p));
  console.log(`\n${renderTable(records, options.servers, peers)}`);
  const report = {
    command,
    started_at: new Date(Date.now() - (performance.now() - began)).toISOString(),
    seconds_total: Number(((performance.now() - began) / 1000).toFixed(1)),
    machine: machine(),
    workers: options.workers,
    plan,
    runs: records,
    summary: summarize(records),
  };
  await mkdir(join(options.out, ".."), { recursive: true });
  await writeFile(options.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${options.out} (${report.seconds_total} s in all)`);
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
