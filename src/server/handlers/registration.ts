/** Registration and connection upkeep: PASS NICK USER QUIT PING PONG SETNAME, and the welcome burst. */
import type { IrcMessage } from "../../protocol/message.ts";
import { isValidNick } from "../../protocol/names.ts";
import type { Client } from "../client.ts";
import type { ServerContext } from "../context.ts";
import { disconnect } from "../disconnect.ts";
import { peersOf } from "../relay.ts";
import { numeric, sendFromServer, standardReply } from "../replies.ts";
import { sendTemplate } from "../templates.ts";
import { joinChannel } from "./channel.ts";
import { sendLusers, sendMotd } from "./query.ts";

const USERLEN = 16;

export async function handlePass(ctx: ServerContext, client: Client, msg: IrcMessage): Promise<void> {
  if (client.registered) return numeric(ctx.name, client, "ERR_ALREADYREGISTERED");
  const hash = ctx.config.passwordHash;
  if (hash === "") return;
  client.passwordOk = await verifyPassword(msg.params[0]!, hash);
}

/** Bun.password.verify throws on a malformed hash; that is a wrong password, not a crash. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  try {
    return await Bun.password.verify(password, hash);
  } catch {
    return false;
  }
}

export function handleNick(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const server = ctx.name;
  const nick = msg.params[0] ?? "";
  if (nick === "") return numeric(server, client, "ERR_NONICKNAMEGIVEN");
  if (!isValidNick(nick, ctx.config.limits.nickLength)) {
    return numeric(server, client, "ERR_ERRONEUSNICKNAME", [nick]);
  }
  const holder = ctx.registry.findNick(nick);
  if (holder !== undefined && holder !== client) return numeric(server, client, "ERR_NICKNAMEINUSE", [nick]);
  if (nick === client.nick) return;
  if (!client.registered) {
    ctx.registry.claimNick(client, nick);
    return completeRegistration(ctx, client);
  }
  const relay = ctx.relay(client.source, "NICK", [nick]);
  relay.deliver(client);
  for (const peer of peersOf(client)) relay.deliver(peer);
  ctx.registry.rememberNick(client, ctx.now(), ctx.config.limits.whowasEntries);
  ctx.log.info("nick", `${client.id} ${client.nick} -> ${nick}`);
  ctx.registry.claimNick(client, nick);
}

export function handleUser(ctx: ServerContext, client: Client, msg: IrcMessage) {
  if (client.registered || client.user !== "") return numeric(ctx.name, client, "ERR_ALREADYREGISTERED");
  const user = msg.params[0]!.replace(/[^\x21-\x3f\x41-\x7e]/g, "").slice(0, USERLEN);
  client.user = `~${user === "" ? "user" : user}`;
  client.realname = msg.params[3]!.slice(0, ctx.config.limits.realnameLength);
  completeRegistration(ctx, client);
}

/** Registers once NICK and USER are in and CAP negotiation is over; checks the server password. */
export function completeRegistration(ctx: ServerContext, client: Client) {
  if (client.registered || client.capHold || client.folded === "" || client.user === "") return;
  if (ctx.config.passwordHash !== "" && !client.passwordOk) {
    numeric(ctx.name, client, "ERR_PASSWDMISMATCH");
    disconnect(ctx, client, "Bad password");
    return;
  }
  client.registered = true;
  client.setIdentity(client.nick, client.folded);
  ctx.stats.users++;
  ctx.stats.maxUsers = Math.max(ctx.stats.maxUsers, ctx.stats.users);
  ctx.log.info("register", `${client.id} ${client.source}`);
  sendWelcome(ctx, client);
  for (const channel of ctx.config.autojoin) joinChannel(ctx, client, channel, "");
}

function sendWelcome(ctx: ServerContext, client: Client) {
  const welcome = `Welcome to the ${ctx.config.network} IRC Network ${client.source}`;
  numeric(ctx.name, client, "RPL_WELCOME", [], welcome);
  sendTemplate(client, ctx.intro);
  sendLusers(ctx, client);
  sendMotd(ctx, client);
}

export function handleQuit(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const reason = msg.params[0] ?? "";
  disconnect(ctx, client, reason === "" ? "Quit" : `Quit: ${reason}`);
}

export function handlePing(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const token = msg.params[0];
  if (token === undefined || token === "") return numeric(ctx.name, client, "ERR_NOORIGIN");
  sendFromServer(ctx.name, client, "PONG", [ctx.name, token]);
}

/** Any input resets the idle clock (see server.ts); a PONG needs nothing more. */
export function handlePong(): void {}

export function handleSetname(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const realname = msg.params[0]!;
  if (realname === "" || realname.length > ctx.config.limits.realnameLength) {
    return standardReply(ctx.name, client, "FAIL", "SETNAME", "INVALID_REALNAME", "Realname is not valid");
  }
  client.realname = realname;
  const relay = ctx.relay(client.source, "SETNAME", [realname]);
  if (client.has("setname")) relay.deliver(client);
  for (const peer of peersOf(client)) if (peer.has("setname")) relay.deliver(peer);
}
