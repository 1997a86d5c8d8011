/** Starts Debian's ngircd as a real IRC peer on a free 127.0.0.1 port and stops it by PID. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TestClient } from "./irc-client.ts";
import { LineLog, pumpLines } from "./lines.ts";
import { requireTool } from "./tools.ts";
import { waitFor } from "./wait.ts";

const TEMPLATE = join(import.meta.dir, "..", "client", "fixtures", "ngircd.conf.template");

export interface NgircdHandle {
  port: number;
  proc: ReturnType<typeof Bun.spawn>;
  stderr: LineLog;
  /** A connected and registered raw client. */
  client(nick: string): Promise<TestClient>;
  stop(): Promise<void>;
  /** Stops it and starts a new one on the same port (for reconnect tests). */
  restart(): Promise<void>;
}

/** Where ngircd is, or an error saying how to get it (tests fail with it rather than skip). */
export function ngircdPath(): string {
  return requireTool("ngircd");
}

/** A port that was free a moment ago: listen on port 0, note the port, close. */
function freePort(): number {
  const listener = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
  const port = listener.port;
  listener.stop(true);
  return port;
}

/** Polls with a deadline until a TCP connect succeeds (ngircd prints nothing when it is ready). */
async function waitListening(
  port: number,
  proc: ReturnType<typeof Bun.spawn>,
  timeoutMs: number,
): Promise<void> {
  const accepts = async () => {
    if (proc.exitCode !== null) throw new Error(`ngircd exited with code ${proc.exitCode}`);
    try {
      const socket = await Bun.connect({ hostname: "127.0.0.1", port, socket: { data() {} } });
      socket.end();
      return true;
    } catch {
      return false;
    }
  };
  await waitFor(accepts, `ngircd listening on ${port}`, timeoutMs);
}

export async function startNgircd(timeoutMs = 10_000): Promise<NgircdHandle> {
  const binary = ngircdPath();
  const dir = mkdtempSync(join(tmpdir(), "nc-ngircd-"));
  const port = freePort();
  const motd = join(dir, "motd");
  writeFileSync(motd, "Welcome to the client test server.\n");
  const config = join(dir, "ngircd.conf");
  writeFileSync(
    config,
    readFileSync(TEMPLATE, "utf8")
      .replaceAll("{{PORT}}", String(port))
      .replaceAll("{{DIR}}", dir)
      .replaceAll("{{MOTD}}", motd),
  );
  const clients: TestClient[] = [];
  const stderr = new LineLog("ngircd");
  const spawn = async () => {
    const proc = Bun.spawn([binary, "-n", "-f", config], { stdin: "ignore", stdout: "pipe", stderr: "pipe" });
    void pumpLines(proc.stdout, stderr);
    void pumpLines(proc.stderr, new LineLog("ngircd stderr"));
    try {
      await waitListening(port, proc, timeoutMs);
    } catch (e) {
      proc.kill();
      throw new Error(`${(e as Error).message}\n  ${stderr.lines.join("\n  ")}`);
    }
    return proc;
  };
  const handle: NgircdHandle = {
    port,
    proc: await spawn(),
    stderr,
    async client(nick) {
      const c = await TestClient.connect(port, nick);
      clients.push(c);
      await c.register(nick);
      return c;
    },
    async stop() {
      for (const c of clients.splice(0)) if (!c.isClosed) c.close();
      handle.proc.kill("SIGTERM");
      await handle.proc.exited;
    },
    async restart() {
      await handle.stop();
      handle.proc = await spawn();
    },
  };
  return handle;
}
