/**
 * `join-storm`: `clients` registered clients each send `channels` JOINs at once (the same channels for all);
 * seconds from the go until the last client has every end-of-NAMES (366).
 */
import { registerAll } from "../load-client.ts";
import { nowUs } from "../payload.ts";
import { cpuSeconds } from "../proc-stats.ts";
import {
  cpuSince,
  type Figures,
  ownedBy,
  type RunContext,
  type Scenario,
  setupLanes,
  spanSeconds,
  sum,
  type WorkerContext,
} from "../scenario.ts";

interface StormResult {
  startUs: number;
  endUs: number;
  cpuS: number;
}

async function worker({ job, barrier }: WorkerContext): Promise<StormResult> {
  const { clients: total = 200, channels = 20 } = job.params;
  const mine = ownedBy(job, total);
  const clients = await registerAll(
    job.port,
    mine.map((i) => `j${i}`),
    setupLanes(job),
    120_000,
  );
  const names = Array.from({ length: channels }, (_, i) => `#storm${i}`);
  await barrier("ready");
  const cpuStart = process.cpuUsage();
  const startUs = nowUs();
  await Promise.all(clients.map((client) => client.join(names, 120_000)));
  const result = { startUs, endUs: nowUs(), cpuS: cpuSince(cpuStart) };
  for (const client of clients) client.close();
  return result;
}

async function run({ server, crew }: RunContext): Promise<Figures> {
  await crew.meet("ready", 240_000);
  const cpuBefore = cpuSeconds(server.pid);
  crew.release("ready");
  const results = await crew.meet<StormResult>("result", 180_000);
  const serverCpu = cpuSeconds(server.pid) - cpuBefore;
  crew.release("result");
  return {
    join_storm_s: spanSeconds(
      results.map((r) => r.startUs),
      results.map((r) => r.endUs),
    ),
    server_cpu_s: serverCpu,
    generator_cpu_s: sum(results.map((r) => r.cpuS)),
  };
}

export const joinStorm: Scenario = { worker, run };
