/** Queries (LUSERS and MOTD also close the welcome burst): WHO (with WHOX) WHOIS WHOWAS ISON USERHOST LUSERS MOTD TIME VERSION ADMIN INFO. */

import { matchMask } from "../../protocol/mask.ts";
import type { IrcMessage } from "../../protocol/message.ts";
import { isChannelName } from "../../protocol/names.ts";
import { VERSION } from "../../version.ts";
import { CAPABILITIES } from "../capabilities.ts";
import { type Channel, prefixOf } from "../channel.ts";
import type { Client } from "../client.ts";
import type { ServerContext } from "../context.ts";
import { numeric } from "../replies.ts";
import { sendTemplate } from "../templates.ts";

export function sendLusers(ctx: ServerContext, client: Client) {
  const server = ctx.name;
  const { users, invisible, opers, maxUsers } = ctx.stats;
  const unknown = ctx.clients.size - users;
  numeric(
    server,
    client,
    "RPL_LUSERCLIENT",
    [],
    `There are ${users - invisible} users and ${invisible} invisible on 1 servers`,
  );
  numeric(server, client, "RPL_LUSEROP", [String(opers)]);
  numeric(server, client, "RPL_LUSERUNKNOWN", [String(unknown)]);
  numeric(server, client, "RPL_LUSERCHANNELS", [String(ctx.registry.channels.size)]);
  numeric(server, client, "RPL_LUSERME", [], `I have ${ctx.clients.size} clients and 0 servers`);
  // One server: the local and global counts are the same.
  for (const [name, scope] of [
    ["RPL_LOCALUSERS", "local"],
    ["RPL_GLOBALUSERS", "global"],
  ] as const) {
    const counts = [String(users), String(maxUsers)];
    numeric(server, client, name, counts, `Current ${scope} users ${users}, max ${maxUsers}`);
  }
}

export function sendMotd(ctx: ServerContext, client: Client) {
  sendTemplate(client, ctx.motdReply);
}

export function handleTime(ctx: ServerContext, client: Client) {
  numeric(ctx.name, client, "RPL_TIME", [ctx.name], new Date(ctx.now()).toUTCString());
}

export function handleVersion(ctx: ServerContext, client: Client) {
  numeric(ctx.name, client, "RPL_VERSION", [ctx.version, ctx.name], `NetworkComm chat-server ${VERSION}`);
  sendTemplate(client, ctx.isupportReply);
}

export function handleAdmin(ctx: ServerContext, client: Client) {
  const server = ctx.name;
  numeric(server, client, "RPL_ADMINME", [server]);
  numeric(server, client, "RPL_ADMINLOC1", [], ctx.config.adminInfo);
  numeric(server, client, "RPL_ADMINLOC2", [], ctx.config.network);
  numeric(server, client, "RPL_ADMINEMAIL", [], ctx.config.adminEmail || "no address given");
}

export function handleInfo(ctx: ServerContext, client: Client) {
  const lines = [
    `NetworkComm chat-server ${VERSION}, an IRC server on Bun ${Bun.version}`,
    `Started ${ctx.createdAt.toUTCString()}`,
    `Capabilities: ${Object.keys(CAPABILITIES).join(" ")}`,
  ];
  for (const line of lines) numeric(ctx.name, client, "RPL_INFO", [], line);
  numeric(ctx.name, client, "RPL_ENDOFINFO");
}

export function handleIson(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const online: string[] = [];
  for (const nick of msg.params.join(" ").split(" ")) {
    const user = nick === "" ? undefined : ctx.registry.findNick(nick);
    if (user?.registered) online.push(user.nick);
  }
  numeric(ctx.name, client, "RPL_ISON", [], online.join(" "));
}

export function handleUserhost(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const replies: string[] = [];
  for (const nick of msg.params.slice(0, 5)) {
    const user = ctx.registry.findNick(nick);
    if (!user?.registered) continue;
    replies.push(
      `${user.nick}${user.oper ? "*" : ""}=${user.away === null ? "+" : "-"}${user.user}@${user.host}`,
    );
  }
  numeric(ctx.name, client, "RPL_USERHOST", [], replies.join(" "));
}

/** True when `viewer` may see `user` in a WHO listing (not invisible, or sharing a channel). */
function canSee(viewer: Client, user: Client): boolean {
  if (!user.invisible || viewer === user) return true;
  for (const channel of user.channels) if (channel.members.has(viewer)) return true;
  return false;
}

/** WHOX fields in the order the reply carries them. */
const WHOX_ORDER = "tcuihsnfdlaor";

export function handleWho(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const server = ctx.name;
  const mask = msg.params[0] || "*";
  const options = msg.params[1] ?? "";
  const percent = options.indexOf("%");
  const whox = percent === -1 ? null : options.slice(percent + 1);
  const opersOnly = (percent === -1 ? options : options.slice(0, percent)).includes("o");
  const reply = (user: Client, channel: Channel | undefined) => {
    if (opersOnly && !user.oper) return;
    if (whox === null) return whoReply(ctx, client, user, channel);
    whoxReply(ctx, client, user, channel, whox);
  };
  if (isChannelName(mask)) {
    const channel = ctx.registry.findChannel(mask);
    if (channel !== undefined && (channel.members.has(client) || !channel.flags.has("s"))) {
      const member = channel.members.has(client);
      for (const user of channel.members.keys()) if (member || !user.invisible) reply(user, channel);
    }
  } else {
    const pattern = mask === "0" ? "*" : mask;
    const mapping = ctx.registry.casemapping;
    const exact = ctx.registry.findNick(pattern);
    const users = exact !== undefined ? [exact] : ctx.registry.nicks.values();
    for (const user of users) {
      if (!user.registered) continue;
      // An exact nick is answered like WHOIS would; a mask only finds users the asker may see.
      if (exact === undefined && (!canSee(client, user) || !matchesWho(pattern, user, mapping))) continue;
      reply(user, firstVisibleChannel(client, user));
    }
  }
  numeric(server, client, "RPL_ENDOFWHO", [mask]);
}

function matchesWho(pattern: string, user: Client, mapping: Parameters<typeof matchMask>[2]): boolean {
  return [user.nick, user.user, user.host, user.realname, user.source].some((s) =>
    matchMask(pattern, s, mapping),
  );
}

function firstVisibleChannel(viewer: Client, user: Client): Channel | undefined {
  for (const channel of user.channels)
    if (!channel.flags.has("s") || channel.members.has(viewer)) return channel;
  return undefined;
}

function whoFlags(client: Client, user: Client, channel: Channel | undefined): string {
  const bits = channel?.members.get(user) ?? 0;
  return (
    (user.away === null ? "H" : "G") + (user.oper ? "*" : "") + prefixOf(bits, client.has("multi-prefix"))
  );
}

function whoReply(ctx: ServerContext, client: Client, user: Client, channel: Channel | undefined) {
  numeric(
    ctx.name,
    client,
    "RPL_WHOREPLY",
    [channel?.name ?? "*", user.user, user.host, ctx.name, user.nick, whoFlags(client, user, channel)],
    `0 ${user.realname}`,
  );
}

function whoxReply(
  ctx: ServerContext,
  client: Client,
  user: Client,
  channel: Channel | undefined,
  spec: string,
) {
  const comma = spec.indexOf(",");
  const fields = comma === -1 ? spec : spec.slice(0, comma);
  const token = comma === -1 ? "0" : spec.slice(comma + 1);
  const values: Record<string, string> = {
    t: token,
    c: channel?.name ?? "*",
    u: user.user,
    i: user.ip,
    h: user.host,
    s: ctx.name,
    n: user.nick,
    f: whoFlags(client, user, channel),
    d: "0",
    l: String(Math.floor((ctx.now() - user.lastMessage) / 1000)),
    a: "0",
    o: "n/a",
    r: user.realname,
  };
  const params = [...WHOX_ORDER].filter((f) => fields.includes(f)).map((f) => values[f]!);
  const last = params.length > 0 && fields.includes("r") ? params.pop() : undefined;
  numeric(ctx.name, client, "RPL_WHOSPCRPL", params, last);
}

export function handleWhois(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const server = ctx.name;
  // `WHOIS server nick` asks a given server; there is only this one.
  const nick = msg.params[msg.params.length - 1]!;
  const user = ctx.registry.findNick(nick);
  if (user === undefined || !user.registered) {
    numeric(server, client, "ERR_NOSUCHNICK", [nick]);
    return numeric(server, client, "RPL_ENDOFWHOIS", [nick]);
  }
  numeric(server, client, "RPL_WHOISUSER", [user.nick, user.user, user.host, "*"], user.realname);
  const channels: string[] = [];
  for (const channel of user.channels) {
    if (channel.flags.has("s") && !channel.members.has(client)) continue;
    channels.push(prefixOf(channel.members.get(user) ?? 0, client.has("multi-prefix")) + channel.name);
  }
  if (channels.length > 0) numeric(server, client, "RPL_WHOISCHANNELS", [user.nick], channels.join(" "));
  numeric(server, client, "RPL_WHOISSERVER", [user.nick, server], ctx.config.network);
  if (user.away !== null) numeric(server, client, "RPL_AWAY", [user.nick], user.away);
  if (user.oper) numeric(server, client, "RPL_WHOISOPERATOR", [user.nick]);
  const idle = Math.floor((ctx.now() - user.lastMessage) / 1000);
  numeric(server, client, "RPL_WHOISIDLE", [
    user.nick,
    String(idle),
    String(Math.floor(user.connectedAt / 1000)),
  ]);
  numeric(server, client, "RPL_ENDOFWHOIS", [user.nick]);
}

export function handleWhowas(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const server = ctx.name;
  const nick = msg.params[0]!;
  const count = Number.parseInt(msg.params[1] ?? "0", 10);
  const entries = ctx.registry.whowasOf(nick, Number.isFinite(count) && count > 0 ? count : 0);
  if (entries.length === 0) numeric(server, client, "ERR_WASNOSUCHNICK", [nick]);
  for (const entry of entries) {
    numeric(server, client, "RPL_WHOWASUSER", [entry.nick, entry.user, entry.host, "*"], entry.realname);
    numeric(
      server,
      client,
      "RPL_WHOISSERVER",
      [entry.nick, server],
      new Date(entry.leftAt * 1000).toUTCString(),
    );
  }
  numeric(server, client, "RPL_ENDOFWHOWAS", [nick]);
}
