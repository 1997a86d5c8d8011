/** What a benchmark scenario is: a worker half run by each generator process, and a parent half driving them. */
import type { Crew, WorkerJob } from "./crew.ts";
import type { RunningServer } from "./servers.ts";
import { Histogram, type HistogramData, latencySummary } from "./stats.ts";

export interface WorkerContext {
  job: WorkerJob;
  /** Hands `data` to the parent at barrier `name` and resolves with the value it releases everyone with. */
  barrier<T>(name: string, data?: unknown): Promise<T>;
}

export interface RunContext {
  server: RunningServer;
  crew: Crew;
  params: Record<string, number>;
}

/** Figures of one run, by metric key (see metrics.ts for names, units and which way is better). */
export type Figures = Record<string, number>;

export interface Scenario {
  worker(ctx: WorkerContext): Promise<unknown>;
  run(ctx: RunContext): Promise<Figures>;
}

/** The clients of a scenario that worker `index` of `count` owns: every count-th one. */
export function ownedBy(job: Pick<WorkerJob, "index" | "count">, total: number): number[] {
  const owned: number[] = [];
  for (let i = job.index; i < total; i += job.count) owned.push(i);
  return owned;
}

/** Generator CPU time since `start` (from process.cpuUsage), in seconds. */
export function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** This worker's share of the server's setup concurrency (see SETUP_CONCURRENCY in servers.ts). */
export function setupLanes(job: Pick<WorkerJob, "count" | "params">): number {
  return Math.max(1, Math.ceil((job.params.setupConcurrency ?? 100) / job.count));
}

/** p50 / p99 / max in ms over the latency histograms of every worker. */
export function mergedLatency(results: readonly { histogram: HistogramData }[]) {
  const histogram = new Histogram();
  for (const r of results) histogram.merge(r.histogram);
  return latencySummary(histogram);
}

/** Seconds from the earliest start to the latest end over all workers (µs timestamps). */
export function spanSeconds(startsUs: readonly number[], endsUs: readonly number[]): number {
  return (Math.max(...endsUs) - Math.min(...startsUs)) / 1e6;
}
