/** Runs the compiled chat-client as a real process, fed through a stdin pipe, read line by line. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LineLog, pumpLines } from "../support/lines.ts";
import { CLIENT_BINARY } from "../support/server-process.ts";

export interface ClientProcess {
  proc: ReturnType<typeof Bun.spawn>;
  stdout: LineLog;
  stderr: LineLog;
  /** Writes lines to the client's stdin. */
  type(...lines: string[]): void;
  /** Closes stdin (EOF) and waits for the exit code. */
  end(): Promise<number>;
  /** Kills the client if it is still running (test cleanup). */
  kill(): void;
}

/** HOME and XDG_CONFIG_HOME in a fresh temp dir, so no test reads or writes a real config. */
export function isolatedEnv(extra: Record<string, string> = {}): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), "nc-client-home-"));
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    ...extra,
  };
}

export function runClient(args: string[], env: Record<string, string> = {}): ClientProcess {
  const proc = Bun.spawn([CLIENT_BINARY, ...args], {
    stdin: "pipe",
    stdout: "pipe",
    stderr: "pipe",
    env: isolatedEnv(env),
  });
  const stdout = new LineLog("chat-client stdout");
  const stderr = new LineLog("chat-client stderr");
  void pumpLines(proc.stdout, stdout);
  void pumpLines(proc.stderr, stderr);
  return {
    proc,
    stdout,
    stderr,
    type(...lines) {
      proc.stdin.write(lines.map((l) => `${l}\n`).join(""));
      proc.stdin.flush();
    },
    async end() {
      proc.stdin.end();
      return proc.exited;
    },
    kill() {
      if (proc.exitCode === null) proc.kill();
    },
  };
}
