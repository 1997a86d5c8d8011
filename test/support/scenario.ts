/** Scenario-test helpers for the server: one server per test file, named `irc.test`, no autojoin unless asked. */
import { afterAll, beforeAll } from "bun:test";
import type { TestClient } from "./irc-client.ts";
import { type ServerHandle, startServer, writeConfig } from "./server-process.ts";

export const SERVER_NAME = "irc.test";

/** Flood control relaxed so tests that send many commands are not paced by it (limits.test.ts tests it). */
export const RELAXED_FLOOD =
  "[limits]\nflood_burst = 1000\nflood_rate = 1000\nflood_queue = 10000\nconnections_per_ip = 1000\n";

/** A password hash the server accepts, made fast (bcrypt, lowest cost) for tests. */
export function quickHash(password: string): string {
  return Bun.password.hashSync(password, { algorithm: "bcrypt", cost: 4 });
}

export interface ScenarioOptions {
  /** TOML for `--config`; defaults to RELAXED_FLOOD. */
  config?: string;
  args?: string[];
}

export interface ScenarioServer {
  readonly server: ServerHandle;
  /** The TOML file passed with `--config` (REHASH and SIGHUP re-read it). */
  readonly configPath: string;
}

/** Starts one server for the file or describe block (beforeAll) and stops it by PID (afterAll). */
export function useServer(options: ScenarioOptions = {}): ScenarioServer {
  const holder = {
    server: undefined as unknown as ServerHandle,
    configPath: writeConfig(options.config ?? RELAXED_FLOOD),
  };
  beforeAll(async () => {
    holder.server = await startScenarioServer(holder.configPath, options.args);
  });
  afterAll(async () => {
    await holder.server?.stop();
  });
  return holder;
}

export function startScenarioServer(configPath: string, extraArgs: string[] = []): Promise<ServerHandle> {
  return startServer(["--name", SERVER_NAME, "--autojoin", "", "--config", configPath, ...extraArgs]);
}

/** A registered client whose welcome burst (and anything right after it) has been read. */
export async function registered(
  server: ServerHandle,
  nick: string,
  caps: string[] = [],
): Promise<TestClient> {
  const client = await server.client(nick, caps);
  await client.sync();
  return client;
}

/** Prefix of a numeric from the test server to `nick`: `:irc.test 401 alice`. */
export function num(code: string, nick: string): string {
  return `:${SERVER_NAME} ${code} ${nick}`;
}

/** Source of a registered test client: `alice!~alice@127.0.0.1` (USER is the lower-cased nick). */
export function src(nick: string): string {
  return `${nick}!~${nick.toLowerCase()}@127.0.0.1`;
}

/** Sends a line and returns every line the client got before the sync PONG. */
export async function exchange(client: TestClient, line: string): Promise<string[]> {
  client.send(line);
  return client.sync();
}

/** Each client joins `channel` in turn; then every client has read all the JOINs and NAMES. */
export async function together(channel: string, ...clients: TestClient[]): Promise<void> {
  for (const client of clients) {
    client.send(`JOIN ${channel}`);
    await client.sync();
  }
  for (const client of clients) await client.sync();
}
