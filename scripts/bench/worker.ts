/**
 * A load-generator process: runs the worker half of one scenario (job in argv[2], from crew.ts) and talks to
 * the parent over IPC at barriers. Exits when the parent releases the final "result" barrier.
 */
import type { ToParent, ToWorker, WorkerJob } from "./crew.ts";
import type { WorkerContext } from "./scenario.ts";
import { SCENARIOS } from "./scenarios/index.ts";

const job = JSON.parse(process.argv[2] ?? "{}") as WorkerJob;
const releases = new Map<string, (value: unknown) => void>();
process.on("message", (message: ToWorker) => releases.get(message.name)?.(message.value));

const tell = (message: ToParent) => process.send?.(message);
const context: WorkerContext = {
  job,
  barrier<T>(name: string, data: unknown = null): Promise<T> {
    const released = new Promise<T>((resolve) => releases.set(name, resolve as (value: unknown) => void));
    tell({ type: "barrier", index: job.index, name, data });
    return released;
  },
};

try {
  const scenario = SCENARIOS[job.scenario];
  if (!scenario) throw new Error(`unknown scenario "${job.scenario}"`);
  await context.barrier("result", await scenario.worker(context));
  process.exit(0);
} catch (err) {
  const message = `generator worker ${job.index}: ${err instanceof Error ? err.message : String(err)}`;
  tell({ type: "error", message });
  console.error(message);
  // Give the IPC message a moment to leave before the process ends.
  setTimeout(() => process.exit(1), 100);
}
