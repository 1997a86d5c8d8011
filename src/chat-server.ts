/**
 * chat-server: reads the command line and the config, starts the IRC server, prints the listening line,
 * and handles the process's life: SIGINT/SIGTERM shut down, SIGHUP reloads. Every failure is one line.
 */
import {
  askServerSettings,
  type Command,
  HELP,
  hashPassword,
  parseCommandLine,
  readPassword,
} from "./server/cli.ts";
import type { ServerConfig } from "./server/config.ts";
import { ConfigError, type ConfigSources, loadConfig, readMotd } from "./server/config-file.ts";
import { createLogger, type Logger } from "./server/log.ts";
import { type RunningServer, startServer } from "./server/server.ts";
import { VERSION } from "./version.ts";

/** SIGINT/SIGTERM must end the process within 2 s even if a client will not let go. */
const SHUTDOWN_DEADLINE_MS = 1500;
/** Dual-stack: IPv4 peers arrive as ::ffff:a.b.c.d. */
const ANY_HOST_DUAL_STACK = "::";

function oneLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split("\n")[0]!.trim() || "unexpected error";
}

function fail(e: unknown): never {
  const usage = e instanceof ConfigError && e.exitCode === 2;
  process.stderr.write(`chat-server: ${oneLine(e)}${usage ? " (see chat-server --help)" : ""}\n`);
  process.exit(e instanceof ConfigError ? e.exitCode : 1);
}

function hostPort(host: string, port: number): string {
  return `${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/**
 * Listens where the config says; with the host left at its default, tries "::" first (IPv6 and IPv4 on
 * one socket) and falls back to the default where there is no IPv6.
 */
async function listen(
  config: ServerConfig,
  hostGiven: boolean,
  options: Parameters<typeof startServer>[1],
): Promise<RunningServer> {
  if (!hostGiven) {
    try {
      return await startServer({ ...config, host: ANY_HOST_DUAL_STACK }, options);
    } catch (e) {
      options.log.debug(
        "listen",
        `${ANY_HOST_DUAL_STACK} unavailable (${oneLine(e)}); trying ${config.host}`,
      );
    }
  }
  return startServer(config, options);
}

async function run(command: Extract<Command, { kind: "run" }>): Promise<void> {
  const flags = { ...command.flags };
  // Hashed once: a reload re-reads the file, not the command line.
  if (command.password !== undefined) flags.password_hash = await hashPassword(command.password);
  const sources: ConfigSources = { configPath: command.configPath, flags };
  let loaded = await loadConfig(sources);
  if (command.interactive) {
    sources.flags = { ...flags, ...(await askServerSettings(loaded.config)) };
    loaded = await loadConfig(sources);
  }
  const { config, hostGiven } = loaded;
  await readMotd(config);
  const log = createLogger(config.logLevel);

  let server: RunningServer | undefined;
  /** Re-reads the config file and the MOTD with the same flags; the listening address cannot change. */
  const reloadConfig = async (): Promise<{ config: ServerConfig; motd?: string }> => {
    const next = (await loadConfig(sources)).config;
    const motd = await readMotd(next);
    if (next.port !== config.port || next.host !== config.host) {
      log.warn("rehash", "host and port changes take effect after a restart");
    }
    log.level = next.logLevel;
    return { config: { ...next, host: server?.host ?? next.host, port: server?.port ?? next.port }, motd };
  };
  const rehash = async () => (await reloadConfig()).config;

  server = await listen(config, hostGiven, { log, rehash });
  process.stdout.write(`chat-server ${VERSION} listening on ${hostPort(server.host, server.port)}\n`);
  handleSignals(server, log, reloadConfig);
}

function handleSignals(
  server: RunningServer,
  log: Logger,
  reloadConfig: () => Promise<{ config: ServerConfig; motd?: string }>,
): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(0);
    stopping = true;
    log.info("shutdown", signal);
    setTimeout(() => {
      log.warn("shutdown", "clients still connected after the deadline; exiting anyway");
      process.exit(0);
    }, SHUTDOWN_DEADLINE_MS);
    try {
      await server.shutdown("Server shutting down");
    } catch (e) {
      log.error("shutdown", oneLine(e));
    }
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGHUP", async () => {
    try {
      const { config, motd } = await reloadConfig();
      server.reload(config, motd);
      log.info("rehash", "config and MOTD reloaded (SIGHUP)");
    } catch (e) {
      log.error("rehash", `${oneLine(e)}; keeping the current config`);
    }
  });
  // A bug in one handler must not take every user down with it: log it and keep serving.
  process.on("uncaughtException", (e) => log.error("uncaught", oneLine(e)));
  process.on("unhandledRejection", (e) => log.error("unhandled rejection", oneLine(e)));
}

async function main(argv: string[]): Promise<void> {
  const command = parseCommandLine(argv);
  switch (command.kind) {
    case "help":
      process.stdout.write(HELP);
      return;
    case "version":
      process.stdout.write(`chat-server ${VERSION}\n`);
      return;
    case "hash-password":
      process.stdout.write(`${await hashPassword(await readPassword())}\n`);
      // readline or the prompt may still hold stdin open.
      return process.exit(0);
    case "run":
      return run(command);
  }
}

main(process.argv.slice(2)).catch(fail);
