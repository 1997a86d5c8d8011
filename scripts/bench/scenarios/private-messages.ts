/**
 * `pm`: `pairs` pairs of clients play ping-pong with private messages for `seconds`. The pinger sends a stamped
 * line to its partner, the partner sends the same text back, and the pinger records the round trip and sends
 * the next one. Each pair lives in one generator process.
 */
import { arrivalUs, registerAll } from "../load-client.ts";
import { decodePayload, encodePayload, nowUs, trailingStart } from "../payload.ts";
import { cpuSeconds } from "../proc-stats.ts";
import {
  cpuSince,
  type Figures,
  mergedLatency,
  ownedBy,
  type RunContext,
  type Scenario,
  setupLanes,
  spanSeconds,
  sum,
  type WorkerContext,
} from "../scenario.ts";
import { Histogram, type HistogramData } from "../stats.ts";

interface PingPongResult {
  roundTrips: number;
  startUs: number;
  endUs: number;
  cpuS: number;
  histogram: HistogramData;
}

async function worker({ job, barrier }: WorkerContext): Promise<PingPongResult> {
  const { pairs: total = 50, seconds = 5, size = 64 } = job.params;
  const pairs = ownedBy(job, total);
  const nicks = pairs.flatMap((p) => [`p${p}`, `q${p}`]);
  const clients = await registerAll(job.port, nicks, setupLanes(job), 120_000);
  const histogram = new Histogram();
  let roundTrips = 0;
  let endUs = Number.POSITIVE_INFINITY;
  const pings = pairs.map((pair, k) => {
    const pinger = clients[2 * k]!;
    const ponger = clients[2 * k + 1]!;
    let seq = 0;
    const ping = () =>
      nowUs() < endUs && pinger.send(`PRIVMSG q${pair} :${encodePayload(pair, seq++, nowUs(), size)}`);
    ponger.onLine = (line) => {
      const start = trailingStart(line);
      if (start > 0 && line.charCodeAt(start) === 126) ponger.send(`PRIVMSG p${pair} :${line.slice(start)}`);
    };
    pinger.onLine = (line) => {
      const start = trailingStart(line);
      const payload = start < 0 ? null : decodePayload(line, start);
      if (!payload) return;
      histogram.record(arrivalUs() - payload.sentAtUs);
      roundTrips++;
      ping();
    };
    return ping;
  });
  await barrier("ready");
  const cpuStart = process.cpuUsage();
  const startUs = nowUs();
  endUs = startUs + seconds * 1e6;
  for (const ping of pings) ping();
  await Bun.sleep(seconds * 1000);
  // Lines still in flight at the end are not counted: the rate covers exactly `seconds`.
  const result = {
    roundTrips,
    startUs,
    endUs: nowUs(),
    cpuS: cpuSince(cpuStart),
    histogram: histogram.toData(),
  };
  for (const client of clients) client.close();
  return result;
}

async function run({ server, crew, params }: RunContext): Promise<Figures> {
  await crew.meet("ready", 240_000);
  const cpuBefore = cpuSeconds(server.pid);
  crew.release("ready");
  const results = await crew.meet<PingPongResult>("result", ((params.seconds ?? 5) + 30) * 1000);
  const serverCpu = cpuSeconds(server.pid) - cpuBefore;
  crew.release("result");
  const latency = mergedLatency(results);
  const wallS = spanSeconds(
    results.map((r) => r.startUs),
    results.map((r) => r.endUs),
  );
  const roundTrips = sum(results.map((r) => r.roundTrips));
  const generatorCpu = sum(results.map((r) => r.cpuS));
  return {
    round_trips_per_s: roundTrips / wallS,
    p50_ms: latency.p50,
    p99_ms: latency.p99,
    max_ms: latency.max,
    server_cpu_s: serverCpu,
    server_cpu_us_per_delivery: (serverCpu * 1e6) / (2 * roundTrips),
    generator_cpu_s: generatorCpu,
    generator_cores: generatorCpu / wallS,
  };
}

export const privateMessages: Scenario = { worker, run };
