/** Starts chat-server as a real process on a free port and stops it by PID. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TestClient } from "./irc-client.ts";
import { LineLog, pumpLines } from "./lines.ts";

const ROOT = join(import.meta.dir, "..", "..");
export const SERVER_BINARY = join(ROOT, "dist", "chat-server");
export const CLIENT_BINARY = join(ROOT, "dist", "chat-client");

/**
 * The command that runs the server. Tests use the compiled binary (built by `pretest`);
 * NC_FROM_SOURCE=1 runs src/ with Bun instead, for a quicker edit-test loop.
 */
export function serverCommand(): string[] {
  return process.env.NC_FROM_SOURCE === "1"
    ? [process.execPath, join(ROOT, "src", "chat-server.ts")]
    : [SERVER_BINARY];
}

export interface ServerHandle {
  port: number;
  proc: ReturnType<typeof Bun.spawn>;
  stdout: LineLog;
  stderr: LineLog;
  connect(name?: string): Promise<TestClient>;
  /** A connected and registered client. */
  client(nick: string, caps?: string[]): Promise<TestClient>;
  stop(): Promise<number>;
}

const LISTENING = /listening on .*:(\d+)\s*$/;

/** A temporary TOML file for `--config`. */
export function writeConfig(toml: string): string {
  const dir = mkdtempSync(join(tmpdir(), "nc-test-"));
  const path = join(dir, "server.toml");
  writeFileSync(path, toml);
  return path;
}

export async function startServer(args: string[] = [], timeoutMs = 10_000): Promise<ServerHandle> {
  const proc = Bun.spawn([...serverCommand(), "--host", "127.0.0.1", "--port", "0", ...args], {
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  const stdout = new LineLog("server stdout");
  const stderr = new LineLog("server stderr");
  void pumpLines(proc.stdout, stdout);
  void pumpLines(proc.stderr, stderr);
  let ready: string;
  try {
    // A server that exits at start-up (bad config) fails the wait at once instead of at the deadline.
    const exited = proc.exited.then((code) => {
      throw new Error(`chat-server exited with code ${code} before listening`);
    });
    ready = await Promise.race([stdout.next(LISTENING, timeoutMs), exited]);
  } catch (e) {
    proc.kill();
    await proc.exited;
    throw new Error(`${(e as Error).message}\nstderr:\n  ${stderr.lines.join("\n  ")}`);
  }
  const port = Number(LISTENING.exec(ready)![1]);
  const clients: TestClient[] = [];
  const connect = async (name?: string) => {
    const c = await TestClient.connect(port, name);
    clients.push(c);
    return c;
  };
  return {
    port,
    proc,
    stdout,
    stderr,
    connect,
    async client(nick, caps) {
      const c = await connect(nick);
      await c.register(nick, caps);
      return c;
    },
    async stop() {
      for (const c of clients) if (!c.isClosed) c.close();
      proc.kill("SIGTERM");
      return proc.exited;
    },
  };
}
