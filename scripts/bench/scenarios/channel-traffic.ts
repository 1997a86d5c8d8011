/**
 * Traffic in one busy channel: `clients` members, the first `senders` of them talking, for `seconds`.
 * - rate = 0 (fanout): as fast as possible, with at most `inFlight` deliveries under way: each sender keeps a
 *   window of lines not yet seen by a probe member in the same generator process, so no sendq grows without
 *   bound and the figure is throughput, not how deep a server lets its queues get.
 * - rate > 0 (fanout-paced): `rate` lines per second in total, spread evenly over the senders.
 * - churners > 0 (churn): meanwhile that many extra clients connect, join, QUIT, and start over.
 * Every member checks each line's sequence number (lost, duplicated) and send time (latency).
 */
import { arrivalUs, joinAll, LoadClient, registerAll, settle } from "../load-client.ts";
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

const CHANNEL = "#bench";
const JOIN_CONCURRENCY = 50;
const SETUP_TIMEOUT_MS = 120_000;

interface TrafficResult {
  expected: number;
  unique: number;
  duplicated: number;
  startUs: number;
  lastDeliveryUs: number;
  cpuS: number;
  histogram: HistogramData;
  churnCycles: number;
  churnFailures: number;
}

/** Members of `mine` other than the sender receive each of its lines: what this worker should see in total. */
export function expectedDeliveries(mine: readonly number[], sentBySender: readonly number[]): number {
  const total = sum(sentBySender);
  return sum(mine.map((member) => total - (sentBySender[member] ?? 0)));
}

/** Lines each sender may have in flight so that all senders together keep about `inFlight` deliveries going. */
export function senderWindow(inFlight: number, clients: number, senders: number): number {
  return Math.max(4, Math.ceil(inFlight / (senders * Math.max(1, clients - 1))));
}

/** Clients that connect, join, quit and start over until `endUs`; resolves with cycles done and failures. */
async function churn(port: number, lanes: number, prefix: string, endUs: number): Promise<[number, number]> {
  let cycles = 0;
  let failures = 0;
  let serial = 0;
  const lane = async () => {
    while (nowUs() < endUs) {
      const client = new LoadClient(`${prefix}${(serial++).toString(36)}`);
      try {
        await client.connect(port);
        await client.register(10_000);
        await client.join([CHANNEL], 10_000);
        client.send("QUIT :churn");
        cycles++;
      } catch {
        failures++;
      } finally {
        client.close();
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return [cycles, failures];
}

async function worker({ job, barrier }: WorkerContext): Promise<TrafficResult> {
  const { clients: total = 0, senders = 0, rate = 0, seconds = 5, size = 64, inFlight = 65_536 } = job.params;
  const { churners = 0, drainSeconds = 10 } = job.params;
  const mine = ownedBy(job, total);
  const window = senderWindow(inFlight, total, senders);
  const clients = await registerAll(
    job.port,
    mine.map((i) => `b${i.toString(36)}`),
    setupLanes(job),
    SETUP_TIMEOUT_MS,
  );
  await joinAll(clients, [CHANNEL], JOIN_CONCURRENCY, SETUP_TIMEOUT_MS);
  await settle(300, 60_000);

  const histogram = new Histogram();
  let unique = 0;
  let duplicated = 0;
  let lastDeliveryUs = 0;
  const sent = new Array<number>(senders).fill(0);
  const seenByProbe = new Array<number>(senders).fill(0);
  const senderClients = new Map<number, LoadClient>();
  mine.forEach((i, k) => {
    if (i < senders) senderClients.set(i, clients[k]!);
  });
  const probe = clients[mine.findIndex((i) => i >= senders)];
  let endUs = Number.POSITIVE_INFINITY;

  const send = (sender: number) => {
    senderClients
      .get(sender)!
      .send(`PRIVMSG ${CHANNEL} :${encodePayload(sender, sent[sender]!, nowUs(), size)}`);
    sent[sender]!++;
  };
  const pump = (sender: number) => {
    if (rate > 0 || !senderClients.has(sender)) return;
    while (sent[sender]! - seenByProbe[sender]! < window && nowUs() < endUs) send(sender);
  };

  for (const client of clients) {
    const lastSeq = new Array<number>(senders).fill(-1);
    client.onLine = (line) => {
      const start = trailingStart(line);
      const payload = start < 0 ? null : decodePayload(line, start);
      if (!payload || payload.sender >= senders) return;
      const now = arrivalUs();
      if (payload.seq <= lastSeq[payload.sender]!) {
        duplicated++;
        return;
      }
      lastSeq[payload.sender] = payload.seq;
      unique++;
      lastDeliveryUs = now;
      histogram.record(now - payload.sentAtUs);
      if (client === probe) {
        seenByProbe[payload.sender] = payload.seq + 1;
        pump(payload.sender);
      }
    };
  }

  await barrier("ready");
  const cpuStart = process.cpuUsage();
  const startUs = nowUs();
  endUs = startUs + seconds * 1e6;
  const perSender = rate / Math.max(1, senders);
  const pacer =
    rate > 0
      ? setInterval(() => {
          const due = Math.floor(((nowUs() - startUs) / 1e6) * perSender) + 1;
          for (const sender of senderClients.keys())
            while (sent[sender]! < due && nowUs() < endUs) send(sender);
        }, 1)
      : null;
  for (const sender of senderClients.keys()) pump(sender);
  const churning = churn(job.port, ownedBy(job, churners).length, `x${job.index}`, endUs);
  await Bun.sleep(seconds * 1000);
  if (pacer) clearInterval(pacer);
  const [churnCycles, churnFailures] = await churning;

  const sentBySender = await barrier<number[]>("sent", sent);
  const expected = expectedDeliveries(mine, sentBySender);
  const drainEndUs = nowUs() + drainSeconds * 1e6;
  while (unique < expected && nowUs() < drainEndUs) await Bun.sleep(10);
  const cpuS = cpuSince(cpuStart);
  for (const client of clients) client.close();
  return {
    expected,
    unique,
    duplicated,
    startUs,
    lastDeliveryUs,
    cpuS,
    histogram: histogram.toData(),
    churnCycles,
    churnFailures,
  };
}

async function run({ server, crew, params }: RunContext): Promise<Figures> {
  const seconds = params.seconds ?? 5;
  await crew.meet("ready", SETUP_TIMEOUT_MS * 2);
  const cpuBefore = cpuSeconds(server.pid);
  crew.release("ready");
  const sentLists = await crew.meet<number[]>("sent", (seconds + 30) * 1000);
  const sentBySender = sentLists.reduce((acc, list) => acc.map((n, i) => n + (list[i] ?? 0)));
  crew.release("sent", sentBySender);
  const results = await crew.meet<TrafficResult>("result", ((params.drainSeconds ?? 10) + 30) * 1000);
  const serverCpu = cpuSeconds(server.pid) - cpuBefore;
  crew.release("result");

  const latency = mergedLatency(results);
  const unique = sum(results.map((r) => r.unique));
  const wallS = spanSeconds(
    results.map((r) => r.startUs),
    results.map((r) => r.lastDeliveryUs),
  );
  const generatorCpu = sum(results.map((r) => r.cpuS));
  const figures: Figures = {
    deliveries_per_s: unique / wallS,
    p50_ms: latency.p50,
    p99_ms: latency.p99,
    max_ms: latency.max,
    lost: sum(results.map((r) => r.expected)) - unique,
    duplicated: sum(results.map((r) => r.duplicated)),
    sent: sum(sentBySender),
    server_cpu_s: serverCpu,
    server_cpu_us_per_delivery: (serverCpu * 1e6) / unique,
    generator_cpu_s: generatorCpu,
    generator_cores: generatorCpu / wallS,
  };
  if (params.churners) {
    figures.churn_cycles_per_s = sum(results.map((r) => r.churnCycles)) / seconds;
    figures.churn_failures = sum(results.map((r) => r.churnFailures));
  }
  return figures;
}

export const channelTraffic: Scenario = { worker, run };
