/**
 * The load generator's processes, seen from the parent. Each worker runs one scenario's worker half over IPC;
 * the halves meet at named barriers: every worker sends its data for a barrier, the parent gathers them
 * (`meet`), does its part (reads the server's CPU, RSS…) and releases them all with one value (`release`).
 */
import { join } from "node:path";
import type { Subprocess } from "bun";
import { withFdLimit } from "./fd-limit.ts";

export interface WorkerJob {
  scenario: string;
  index: number;
  count: number;
  port: number;
  params: Record<string, number>;
}

export type ToParent =
  | { type: "barrier"; index: number; name: string; data: unknown }
  | { type: "error"; message: string };
export type ToWorker = { type: "release"; name: string; value: unknown };

const WORKER = join(import.meta.dir, "worker.ts");

export class Crew {
  private readonly procs: Subprocess[] = [];
  private readonly arrived = new Map<string, unknown[]>();
  private waiting: { name: string; resolve: (data: unknown[]) => void } | null = null;
  private failure: Error | null = null;
  private onFailure: (err: Error) => void = () => {};

  constructor(job: Omit<WorkerJob, "index" | "count">, count: number, fdLimit: number) {
    for (let index = 0; index < count; index++) {
      const command = [process.execPath, WORKER, JSON.stringify({ ...job, index, count })];
      const proc = Bun.spawn(withFdLimit(command, fdLimit), {
        stdin: "ignore",
        stdout: "inherit",
        stderr: "inherit",
        serialization: "json",
        ipc: (message: ToParent) => this.receive(message),
      });
      void proc.exited.then((code) => {
        if (code !== 0) this.fail(new Error(`generator worker ${index} exited with ${code}`));
      });
      this.procs.push(proc);
    }
  }

  /** Waits until every worker has reached barrier `name`; resolves with their data in worker order. */
  meet<T>(name: string, timeoutMs: number): Promise<T[]> {
    return new Promise<T[]>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const timer = setTimeout(() => this.fail(new Error(`timed out waiting for "${name}"`)), timeoutMs);
      this.onFailure = (err) => {
        clearTimeout(timer);
        reject(err);
      };
      this.waiting = {
        name,
        resolve: (data) => {
          clearTimeout(timer);
          resolve(data as T[]);
        },
      };
      this.check();
    });
  }

  release(name: string, value: unknown = null): void {
    for (const proc of this.procs) proc.send({ type: "release", name, value } satisfies ToWorker);
  }

  /** Kills workers still running (by PID) and waits for all to exit. */
  async stop(): Promise<void> {
    for (const proc of this.procs) if (proc.exitCode === null) proc.kill("SIGKILL");
    await Promise.all(this.procs.map((p) => p.exited));
  }

  private receive(message: ToParent): void {
    if (message.type === "error") {
      this.fail(new Error(message.message));
      return;
    }
    const list = this.arrived.get(message.name) ?? [];
    this.arrived.set(message.name, list);
    list[message.index] = message.data;
    this.check();
  }

  private check(): void {
    const list = this.waiting && this.arrived.get(this.waiting.name);
    if (!this.waiting || !list || Object.keys(list).length < this.procs.length) return;
    const { resolve } = this.waiting;
    this.waiting = null;
    resolve(list);
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    this.onFailure(err);
  }
}
