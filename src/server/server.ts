/**
 * The listener and the connection lifecycle: accept (per-IP and total limits), input framing,
 * one sweep timer for flood queues, registration and ping timeouts, reload and shutdown.
 */
import type { Socket, TCPSocketListener } from "bun";
import { Client } from "./client.ts";
import { pump } from "./commands.ts";
import type { ServerConfig } from "./config.ts";
import { ServerContext } from "./context.ts";
import { closeWithError, disconnect } from "./disconnect.ts";
import { decodeLine } from "./input.ts";
import type { Logger } from "./log.ts";
import { motdLines, readMotd } from "./motd.ts";
import { sendFromServer } from "./replies.ts";

export interface RunningServer {
  host: string;
  /** The bound port (the real one when configured as 0). */
  port: number;
  /** Applies new limits, MOTD, opers and autojoin without dropping connections. */
  reload(config: ServerConfig, motd?: string): void;
  shutdown(reason?: string): Promise<void>;
}

export interface StartOptions {
  log: Logger;
  rehash?: () => Promise<ServerConfig>;
  now?: () => number;
}

/** The sweep runs this often; timeouts are checked to this precision. */
const SWEEP_MS = 250;
/** How long shutdown waits for clients to take their ERROR line and close. */
const SHUTDOWN_GRACE_MS = 1000;

export async function startServer(config: ServerConfig, options: StartOptions): Promise<RunningServer> {
  const log = options.log;
  const now = options.now ?? Date.now;
  const ctx = new ServerContext(config, readMotd(config.motdFile, log), log, now, options.rehash);
  const perIp = new Map<string, number>();
  let nextId = 1;
  let openSockets = 0;
  let allClosed: (() => void) | null = null;

  ctx.onOverflow = (client) => {
    log.warn("sendq exceeded", `${client.id} ${client.nick} ${client.ip}`);
    disconnect(ctx, client, "SendQ exceeded");
  };

  const onOpen = (socket: Socket<Client>) => {
    const ip = normalizeIp(socket.remoteAddress);
    const limits = ctx.config.limits;
    const client = new Client(nextId++, socket, ip, now(), limits.readBytes, limits.floodBurst, ctx);
    socket.data = client;
    openSockets++;
    const count = (perIp.get(ip) ?? 0) + 1;
    perIp.set(ip, count);
    const refuse = (reason: string) => {
      log.warn("connection refused", `${ip}: ${reason}`);
      closeWithError(client, `Closing Link: ${ip} (${reason})`);
    };
    if (count > limits.connectionsPerIp) return refuse("Too many connections from your IP");
    if (ctx.clients.size >= limits.maxClients) return refuse("Server is full");
    ctx.clients.add(client);
    log.info("connect", `${client.id} ${ip}`);
  };

  const onData = (socket: Socket<Client>, chunk: Uint8Array) => {
    const client = socket.data;
    if (client.closing) return;
    client.lastInput = now();
    client.pingSentAt = 0;
    const limits = ctx.config.limits;
    const { lines, overflow } = client.input.push(chunk);
    for (const line of lines) {
      const input = decodeLine(line, limits.lineBytes);
      if (input !== null) client.inbox.push(input);
    }
    pump(ctx, client);
    if (overflow) {
      log.warn("recvq exceeded", `${client.id} ${client.nick} ${client.ip}`);
      disconnect(ctx, client, "RecvQ exceeded");
    } else if (client.inbox.length > limits.floodQueue) {
      log.warn("excess flood", `${client.id} ${client.nick} ${client.ip}`);
      disconnect(ctx, client, "Excess Flood");
    }
  };

  const onClose = (socket: Socket<Client>) => {
    const client = socket.data;
    const ip = client.ip;
    if (--openSockets === 0) allClosed?.();
    const left = (perIp.get(ip) ?? 1) - 1;
    if (left <= 0) perIp.delete(ip);
    else perIp.set(ip, left);
    client.socketClosed = true;
    disconnect(ctx, client, "Connection closed");
  };

  let listener: TCPSocketListener<Client>;
  try {
    listener = Bun.listen<Client>({
      hostname: config.host,
      port: config.port,
      socket: {
        open: onOpen,
        data: (socket, chunk) => {
          // A bug in a handler must cost one connection, never the server.
          try {
            onData(socket, chunk);
          } catch (error) {
            log.error("internal error", `${socket.data.ip}: ${(error as Error).stack ?? String(error)}`);
            disconnect(ctx, socket.data, "Internal error");
          }
        },
        drain: (socket) => socket.data.flush(),
        close: onClose,
        error: (socket, error) => log.debug("socket error", `${socket.data.ip}: ${error.message}`),
      },
    });
  } catch (error) {
    throw new Error(listenError(error, config.host, config.port));
  }

  const sweep = setInterval(() => {
    try {
      sweepClients(ctx);
    } catch (error) {
      log.error("internal error", `sweep: ${(error as Error).stack ?? String(error)}`);
    }
  }, SWEEP_MS);

  return {
    host: config.host,
    port: listener.port,
    reload(next, motd) {
      ctx.applyConfig(next, motd === undefined ? readMotd(next.motdFile, log) : motdLines(motd));
      log.info("reload", `${ctx.clients.size} clients kept`);
    },
    async shutdown(reason = "Server shutting down") {
      clearInterval(sweep);
      listener.stop(false);
      const closed = new Promise<void>((resolve) => {
        allClosed = resolve;
      });
      const clients = [...ctx.clients];
      for (const client of clients) closeWithError(client, reason);
      if (openSockets > 0) await Promise.race([closed, Bun.sleep(SHUTDOWN_GRACE_MS)]);
      listener.stop(true);
      log.info("shutdown", `${clients.length} clients closed`);
    },
  };
}

/**
 * Once per tick: retries throttled clients, drops clients that did not register in time or stayed
 * silent past the ping timeout, and PINGs those idle past the ping interval.
 */
function sweepClients(ctx: ServerContext): void {
  // A snapshot: pump() puts a client that is still short of tokens back into the set.
  const waiting = [...ctx.throttled];
  ctx.throttled.clear();
  for (const client of waiting) pump(ctx, client);
  const limits = ctx.config.limits;
  const time = ctx.now();
  for (const client of ctx.clients) {
    if (!client.registered) {
      if (time - client.connectedAt > limits.registrationTimeout * 1000) {
        disconnect(ctx, client, "Registration timed out");
      }
      continue;
    }
    const idle = time - client.lastInput;
    if (idle > limits.pingTimeout * 1000) {
      disconnect(ctx, client, `Ping timeout: ${limits.pingTimeout} seconds`);
    } else if (idle > limits.pingInterval * 1000 && client.pingSentAt === 0) {
      client.pingSentAt = time;
      sendFromServer(ctx.name, client, "PING", [ctx.name]);
    }
  }
}

/** IPv4 peers of a dual-stack listener appear as `::ffff:a.b.c.d`. */
export function normalizeIp(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: "address in use",
  EACCES: "permission denied",
  EADDRNOTAVAIL: "address not available on this machine",
};

export function listenError(error: unknown, host: string, port: number): string {
  const code = (error as { code?: string }).code ?? "";
  const reason = LISTEN_ERRORS[code] ?? ((error as Error).message || code || "unknown error");
  return `cannot listen on ${host.includes(":") ? `[${host}]` : host}:${port}: ${reason}`;
}
