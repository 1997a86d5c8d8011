/** Operator commands: OPER KILL WALLOPS REHASH. */

import { matchMask } from "../../protocol/mask.ts";
import { type IrcMessage, message } from "../../protocol/message.ts";
import type { Client } from "../client.ts";
import type { ServerContext } from "../context.ts";
import { disconnect } from "../disconnect.ts";
import { readMotd } from "../motd.ts";
import { numeric, serverNotice, wireLine } from "../replies.ts";
import { verifyPassword } from "./registration.ts";

export async function handleOper(ctx: ServerContext, client: Client, msg: IrcMessage): Promise<void> {
  const server = ctx.name;
  const [name, password] = msg.params as [string, string];
  const block = ctx.config.opers.find((o) => o.name === name);
  if (block === undefined || !matchMask(block.mask, client.source, ctx.registry.casemapping)) {
    ctx.log.warn("oper failed", `${client.source} as ${name}: no matching oper block`);
    return numeric(server, client, "ERR_NOOPERHOST");
  }
  if (!(await verifyPassword(password, block.passwordHash))) {
    ctx.log.warn("oper failed", `${client.source} as ${name}: wrong password`);
    return numeric(server, client, "ERR_PASSWDMISMATCH");
  }
  if (client.closing || client.oper) return;
  client.oper = true;
  ctx.stats.opers++;
  numeric(server, client, "RPL_YOUREOPER");
  client.send(wireLine(message("MODE", [client.nick, "+o"], client.source)));
  ctx.log.info("oper", `${client.source} as ${name}`);
}

export function handleKill(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const [nick, reason = "No reason given"] = msg.params as [string, string?];
  const target = ctx.registry.findNick(nick);
  if (target === undefined) return numeric(ctx.name, client, "ERR_NOSUCHNICK", [nick]);
  const text = `Killed (${client.nick} (${reason}))`;
  ctx.log.info("kill", `${target.source} by ${client.nick}: ${reason}`);
  disconnect(ctx, target, text);
}

export function handleWallops(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const relay = ctx.relay(client.source, "WALLOPS", [msg.params[0]!]);
  for (const user of ctx.clients) if (user.registered && (user.wallops || user.oper)) relay.deliver(user);
}

export async function handleRehash(ctx: ServerContext, client: Client): Promise<void> {
  if (ctx.rehash === undefined)
    return serverNotice(ctx.name, client, "REHASH: this server has no config to reload");
  numeric(ctx.name, client, "RPL_REHASHING", ["config"]);
  try {
    const config = await ctx.rehash();
    ctx.applyConfig(config, readMotd(config.motdFile, ctx.log));
    ctx.log.info("rehash", `by ${client.nick}`);
    serverNotice(ctx.name, client, "REHASH: configuration reloaded");
  } catch (error) {
    ctx.log.error("rehash failed", (error as Error).message);
    serverNotice(ctx.name, client, `REHASH failed: ${(error as Error).message}`);
  }
}
