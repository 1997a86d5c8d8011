/**
 * Starting and stopping the servers under test: ours (the compiled binary), the Debian peers ngircd and
 * InspIRCd, and the plain-Bun ceiling. Each run gets a fresh process on a free 127.0.0.1 port and a fresh
 * temporary directory for the peer's config; it is stopped by its PID.
 */
import { chmod, copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Subprocess } from "bun";
import { withFdLimit } from "./fd-limit.ts";

export const SERVER_NAMES = ["ours", "ngircd", "inspircd", "ceiling"] as const;
export type ServerName = (typeof SERVER_NAMES)[number];
export const PEERS: readonly ServerName[] = ["ngircd", "inspircd"];

/**
 * How many clients the generator registers at once while setting a scenario up (not measured). ngircd listens
 * with a backlog of 10: beyond that SYNs are dropped and retried after 1 s, 3 s…, so 200 at a time took 28–53 s
 * for 1,000 clients where 10 at a time took 0.3–0.9 s. InspIRCd registers on a 1-second timer and wants many
 * at once.
 */
export const SETUP_CONCURRENCY: Record<ServerName, number> = {
  ours: 400,
  ngircd: 10,
  inspircd: 400,
  ceiling: 400,
};

const ROOT = join(import.meta.dir, "..", "..");
const BENCH = import.meta.dir;
export const OUR_BINARY = join(ROOT, "dist", "chat-server");
/** The copy of OUR_BINARY every run starts (see snapshotOurBinary); OUR_BINARY itself until a snapshot is made. */
let ourBinary = OUR_BINARY;
const READY_LINE = /listening on 127\.0\.0\.1:(\d+)/;
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

export interface RunningServer {
  name: ServerName;
  pid: number;
  port: number;
  /** The last few KiB of the server's output, for diagnosing a failed run. */
  outputTail(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

/** A port nobody is listening on right now: bind port 0, read it, close. */
export function freePort(): number {
  const probe = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
  const port = probe.port;
  probe.stop(true);
  return port;
}

async function render(template: string, dir: string, port: number): Promise<string> {
  const text = await readFile(join(BENCH, template), "utf8");
  const path = join(dir, template);
  await writeFile(path, text.replaceAll("@PORT@", String(port)).replaceAll("@DIR@", dir));
  return path;
}

/** The command line for each server; `port` is used by the peers, which cannot pick their own. */
async function commandFor(name: ServerName, dir: string, port: number): Promise<string[]> {
  switch (name) {
    case "ours": {
      const config = join(BENCH, "networkcomm.toml");
      return [ourBinary, "--host", "127.0.0.1", "--port", "0", "--config", config, "--autojoin", ""];
    }
    case "ceiling":
      return [process.execPath, join(BENCH, "ceiling-server.ts"), "0"];
    case "ngircd":
      return ["ngircd", "--nodaemon", "--config", await render("ngircd.conf", dir, port)];
    case "inspircd":
      return ["inspircd", "--nofork", "--runasroot", `--config=${await render("inspircd.conf", dir, port)}`];
  }
}

/** Keeps reading a pipe so the server never blocks on a full one; remembers its tail and watches for a line. */
function drain(stream: ReadableStream<Uint8Array>, onText: (text: string) => void): void {
  const decoder = new TextDecoder();
  void (async () => {
    for await (const chunk of stream) onText(decoder.decode(chunk, { stream: true }));
  })().catch(() => {});
}

async function acceptsConnections(port: number): Promise<boolean> {
  try {
    const socket = await Bun.connect({ hostname: "127.0.0.1", port, socket: { data() {} } });
    socket.end();
    return true;
  } catch {
    return false;
  }
}

export async function startServer(name: ServerName, fdLimit: number): Promise<RunningServer> {
  const dir = await mkdtemp(join(tmpdir(), `networkcomm-bench-${name}-`));
  const chosenPort = freePort();
  const command = await commandFor(name, dir, chosenPort);
  const proc: Subprocess<"ignore", "pipe", "pipe"> = Bun.spawn(withFdLimit(command, fdLimit), {
    cwd: dir,
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  let tail = "";
  let announced: number | null = null;
  const onText = (text: string) => {
    tail = (tail + text).slice(-4096);
    const m = READY_LINE.exec(tail);
    if (m && announced === null) announced = Number(m[1]);
  };
  drain(proc.stdout, onText);
  drain(proc.stderr, onText);
  let exited = false;
  void proc.exited.then(() => (exited = true));

  const server: RunningServer = {
    name,
    pid: proc.pid,
    port: 0,
    outputTail: () => tail,
    alive: () => !exited,
    async stop() {
      if (!exited) {
        proc.kill("SIGTERM");
        const timer = setTimeout(() => proc.kill("SIGKILL"), STOP_TIMEOUT_MS);
        await proc.exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };

  const announces = name === "ours" || name === "ceiling";
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && !exited) {
    if (announces && announced !== null) return { ...server, port: announced };
    if (!announces && (await acceptsConnections(chosenPort))) return { ...server, port: chosenPort };
    await Bun.sleep(50);
  }
  await server.stop();
  throw new Error(`${name} did not start listening (${exited ? "exited" : "timed out"}):\n${tail.trim()}`);
}

/** Installs the Debian peers when missing (the bench runs as root on Debian). */
export async function ensurePeers(): Promise<void> {
  if (Bun.which("ngircd") && Bun.which("inspircd")) return;
  console.log("setup: installing ngircd and inspircd with apt-get");
  for (const args of [["update"], ["install", "-y", "ngircd", "inspircd"]]) {
    const proc = Bun.spawn(["apt-get", ...args], { stdout: "inherit", stderr: "inherit" });
    if ((await proc.exited) !== 0) throw new Error(`apt-get ${args.join(" ")} failed`);
  }
}

/** Builds dist/chat-server when it is missing. */
export async function ensureOurBinary(): Promise<void> {
  if (await Bun.file(OUR_BINARY).exists()) return;
  console.log("setup: building dist/chat-server (npm run build)");
  const proc = Bun.spawn([process.execPath, join(ROOT, "scripts", "build.ts")], {
    cwd: ROOT,
    stdout: "inherit",
    stderr: "inherit",
  });
  if ((await proc.exited) !== 0) throw new Error("build failed");
}

/**
 * Copies dist/chat-server aside so that every run of this bench starts the same binary, even if a build on the
 * shared machine replaces dist/ meanwhile. Returns a function that removes the copy.
 */
export async function snapshotOurBinary(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), "networkcomm-bench-binary-"));
  ourBinary = join(dir, "chat-server");
  await copyFile(OUR_BINARY, ourBinary);
  await chmod(ourBinary, 0o755);
  return () => rm(dir, { recursive: true, force: true });
}
