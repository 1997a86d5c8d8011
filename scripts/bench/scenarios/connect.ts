/**
 * `connect`: `clients` clients register, at most `concurrency` at a time in total; connections per second until
 * the last 001. Then all are held idle while the parent reads the server's RSS: KiB per connection over the
 * RSS the server had before any client came.
 */
import { LoadClient, pool } from "../load-client.ts";
import { nowUs } from "../payload.ts";
import { rssKiB } from "../proc-stats.ts";
import {
  cpuSince,
  type Figures,
  ownedBy,
  type RunContext,
  type Scenario,
  spanSeconds,
  sum,
  type WorkerContext,
} from "../scenario.ts";

interface ConnectResult {
  registered: number;
  failed: number;
  firstError: string;
  startUs: number;
  endUs: number;
  cpuS: number;
}

/** How long the clients stay idle before the server's RSS is read, so that it settles after the burst. */
const IDLE_HOLD_MS = 1000;

async function worker({ job, barrier }: WorkerContext): Promise<null> {
  const { clients: total = 5000, concurrency = 200 } = job.params;
  const mine = ownedBy(job, total);
  const clients = mine.map((i) => new LoadClient(`c${i.toString(36)}`));
  await barrier("ready");
  const cpuStart = process.cpuUsage();
  const startUs = nowUs();
  let endUs = startUs;
  const failures = await pool(clients.length, Math.ceil(concurrency / job.count), async (k) => {
    await clients[k]!.connect(job.port);
    await clients[k]!.register(60_000);
    endUs = nowUs();
  });
  const result: ConnectResult = {
    registered: clients.length - failures.length,
    failed: failures.length,
    firstError: failures[0]?.message ?? "",
    startUs,
    endUs,
    cpuS: cpuSince(cpuStart),
  };
  await barrier("registered", result);
  for (const client of clients) client.close();
  return null;
}

async function run({ server, crew }: RunContext): Promise<Figures> {
  await crew.meet("ready", 60_000);
  const baselineKiB = rssKiB(server.pid);
  crew.release("ready");
  const results = await crew.meet<ConnectResult>("registered", 300_000);
  await Bun.sleep(IDLE_HOLD_MS);
  const heldKiB = rssKiB(server.pid);
  crew.release("registered");
  await crew.meet("result", 60_000);
  crew.release("result");
  const registered = sum(results.map((r) => r.registered));
  const failed = sum(results.map((r) => r.failed));
  if (failed)
    console.log(`  connect: ${failed} failed, e.g. ${results.find((r) => r.firstError)?.firstError}`);
  const wallS = spanSeconds(
    results.map((r) => r.startUs),
    results.map((r) => r.endUs),
  );
  return {
    connections_per_s: registered / wallS,
    registered,
    failed,
    kib_per_idle_connection: (heldKiB - baselineKiB) / Math.max(1, registered),
    server_rss_baseline_kib: baselineKiB,
    generator_cpu_s: sum(results.map((r) => r.cpuS)),
  };
}

export const connect: Scenario = { worker, run };
