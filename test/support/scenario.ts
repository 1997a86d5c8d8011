/** Scenario-test helpers for the server: one server per test file, named `irc.test`, no autojoin unless asked. */
import { afterAll, beforeAll } from "bun:test";
import type { TestClient } from "./irc-client.ts";
import { type ServerHandle, startServer, writeConfig } from "./server-process.ts";

export const SERVER_NAME = "irc.test";

/** Flood control relaxed so tests that send many commands are not paced by it (limits.test.ts tests it). */
export const RELAXED_FLOOD =
  "[limits]\nflood_burst = 1000\nflood_rate = 1000\nflood_queue = 10000\nconnections_per_ip = 1000\n";

export interface ScenarioOptions {
  /** TOML for `--config`; defaults to RELAXED_FLOOD. */
  config?: string;
  args?: string[];
}

/** Starts one server for the file (beforeAll) and stops it by PID (afterAll); read `.server` inside tests. */
export function useServer(options: ScenarioOptions = {}): { readonly server: ServerHandle } {
  const holder = { server: undefined as unknown as ServerHandle };
  beforeAll(async () => {
    holder.server = await startScenarioServer(options);
  });
  afterAll(async () => {
    await holder.server?.stop();
  });
  return holder;
}

export function startScenarioServer(options: ScenarioOptions = {}): Promise<ServerHandle> {
  const args = ["--name", SERVER_NAME, "--autojoin", "", ...(options.args ?? [])];
  args.push("--config", writeConfig(options.config ?? RELAXED_FLOOD));
  return startServer(args);
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
