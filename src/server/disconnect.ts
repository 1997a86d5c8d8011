/** Ending a connection: the QUIT its peers see (once each), leaving channels, the ERROR it gets. */
import type { Client } from "./client.ts";
import type { ServerContext } from "./context.ts";
import { peersOf } from "./relay.ts";
import { errorLine } from "./replies.ts";
import { byteLength } from "./sendq.ts";

/**
 * `reason` goes into `ERROR :Closing Link: <host> (<reason>)` and, unless `quitMessage` differs,
 * into the QUIT others see. Safe to call more than once.
 */
export function disconnect(ctx: ServerContext, client: Client, reason: string, quitMessage = reason): void {
  if (client.closing) return;
  if (client.registered) {
    const relay = ctx.relay(client.source, "QUIT", [quitMessage]);
    for (const peer of peersOf(client)) relay.deliver(peer);
    for (const channel of client.channels) ctx.registry.part(channel, client);
    ctx.registry.rememberNick(client, ctx.now(), ctx.config.limits.whowasEntries);
    ctx.stats.users--;
    if (client.invisible) ctx.stats.invisible--;
    if (client.oper) ctx.stats.opers--;
  }
  ctx.registry.releaseNick(client);
  ctx.clients.delete(client);
  ctx.throttled.delete(client);
  closeWithError(client, `Closing Link: ${client.host} (${reason})`);
  ctx.log.info("quit", `${client.id} ${client.nick} ${client.ip} (${reason})`);
}

/** Queues ERROR behind what is already queued, writes what the socket takes, and closes. */
export function closeWithError(client: Client, text: string): void {
  client.closing = true;
  const line = errorLine(text);
  client.sendq.push(line, byteLength(line));
  client.flush();
  client.socket.end();
}
