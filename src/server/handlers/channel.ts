/** Channel membership and state: JOIN PART TOPIC NAMES LIST KICK INVITE. */
import type { IrcMessage } from "../../protocol/message.ts";
import { isChannelName, isValidChannel } from "../../protocol/names.ts";
import type { NumericName } from "../../protocol/numerics.ts";
import { utf8Length } from "../../protocol/split.ts";
import { type Channel, OP, prefixOf } from "../channel.ts";
import type { Client } from "../client.ts";
import type { ServerContext } from "../context.ts";
import { type ListFilter, parseListFilter } from "../elist.ts";
import { numeric } from "../replies.ts";
import { truncateBytes } from "../text.ts";

export function handleJoin(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const [names, keys = ""] = msg.params as [string, string?];
  if (names === "0") {
    for (const channel of [...client.channels]) leaveChannel(ctx, client, channel, "PART", [channel.name]);
    return;
  }
  const keyList = keys.split(",");
  names.split(",").forEach((name, i) => {
    if (name !== "") joinChannel(ctx, client, name, keyList[i] ?? "");
  });
}

export function joinChannel(ctx: ServerContext, client: Client, name: string, key: string) {
  const server = ctx.name;
  const limits = ctx.config.limits;
  if (!isValidChannel(name, limits.channelLength))
    return numeric(server, client, "ERR_NOSUCHCHANNEL", [name]);
  let channel = ctx.registry.findChannel(name);
  if (channel?.members.has(client)) return;
  if (client.channels.size >= limits.channelsPerUser) {
    return numeric(server, client, "ERR_TOOMANYCHANNELS", [name]);
  }
  if (channel !== undefined) {
    const refusal = joinRefusal(ctx, channel, client, key);
    if (refusal !== null) return numeric(server, client, refusal, [channel.name]);
  }
  const created = channel === undefined;
  channel ??= ctx.registry.createChannel(name, ctx.now());
  channel.members.set(client, created ? OP : 0);
  client.channels.add(channel);
  client.invites?.delete(channel.folded);

  const relay = ctx.relay(
    client.source,
    "JOIN",
    [channel.name],
    {},
    {
      cap: "extended-join",
      params: [channel.name, "*", client.realname],
    },
  );
  for (const member of channel.members.keys()) relay.deliver(member);
  if (client.away !== null) {
    const away = ctx.relay(client.source, "AWAY", [client.away]);
    for (const member of channel.members.keys()) {
      if (member !== client && member.has("away-notify")) away.deliver(member);
    }
  }
  if (channel.topic !== "") sendTopic(ctx, client, channel);
  sendNames(ctx, client, channel);
}

/** Why the client may not join, checked in the order key, limit, invite-only, ban. */
function joinRefusal(ctx: ServerContext, channel: Channel, client: Client, key: string): NumericName | null {
  const mapping = ctx.registry.casemapping;
  const invited = client.invites?.has(channel.folded) === true;
  if (channel.key !== "" && key !== channel.key) return "ERR_BADCHANNELKEY";
  if (channel.limit > 0 && channel.members.size >= channel.limit) return "ERR_CHANNELISFULL";
  if (channel.flags.has("i") && !invited && !channel.matches("I", client, mapping))
    return "ERR_INVITEONLYCHAN";
  if (!invited && channel.isBanned(client, mapping)) return "ERR_BANNEDFROMCHAN";
  return null;
}

/** Relays PART or KICK (params after the command) to every member, then removes `leaver`. */
function leaveChannel(
  ctx: ServerContext,
  source: Client,
  channel: Channel,
  command: "PART" | "KICK",
  params: string[],
  leaver: Client = source,
) {
  const relay = ctx.relay(source.source, command, params);
  for (const member of channel.members.keys()) relay.deliver(member);
  ctx.registry.part(channel, leaver);
}

export function handlePart(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const [names, reason] = msg.params as [string, string?];
  for (const name of names.split(",")) {
    if (name === "") continue;
    const channel = ctx.registry.findChannel(name);
    if (channel === undefined) numeric(ctx.name, client, "ERR_NOSUCHCHANNEL", [name]);
    else if (!channel.members.has(client)) numeric(ctx.name, client, "ERR_NOTONCHANNEL", [channel.name]);
    else {
      leaveChannel(ctx, client, channel, "PART", reason ? [channel.name, reason] : [channel.name]);
    }
  }
}

export function handleTopic(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const server = ctx.name;
  const [name, text] = msg.params as [string, string?];
  const channel = ctx.registry.findChannel(name);
  if (channel === undefined) return numeric(server, client, "ERR_NOSUCHCHANNEL", [name]);
  const member = channel.members.has(client);
  if (text === undefined) {
    if (!member && channel.flags.has("s")) return numeric(server, client, "ERR_NOTONCHANNEL", [channel.name]);
    if (channel.topic === "") return numeric(server, client, "RPL_NOTOPIC", [channel.name]);
    return sendTopic(ctx, client, channel);
  }
  if (!member) return numeric(server, client, "ERR_NOTONCHANNEL", [channel.name]);
  if (channel.flags.has("t") && !channel.isOp(client)) {
    return numeric(server, client, "ERR_CHANOPRIVSNEEDED", [channel.name]);
  }
  channel.topic = truncateBytes(text, ctx.config.limits.topicLength);
  channel.topicSetBy = client.source;
  channel.topicSetAt = Math.floor(ctx.now() / 1000);
  const relay = ctx.relay(client.source, "TOPIC", [channel.name, channel.topic]);
  for (const m of channel.members.keys()) relay.deliver(m);
}

function sendTopic(ctx: ServerContext, client: Client, channel: Channel) {
  numeric(ctx.name, client, "RPL_TOPIC", [channel.name], channel.topic);
  numeric(ctx.name, client, "RPL_TOPICWHOTIME", [
    channel.name,
    channel.topicSetBy,
    String(channel.topicSetAt),
  ]);
}

export function handleNames(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const names = msg.params[0];
  if (names === undefined || names === "") return numeric(ctx.name, client, "RPL_ENDOFNAMES", ["*"]);
  for (const name of names.split(",")) {
    const channel = ctx.registry.findChannel(name);
    const visible = channel !== undefined && (channel.members.has(client) || !channel.flags.has("s"));
    if (visible) sendNames(ctx, client, channel);
    else numeric(ctx.name, client, "RPL_ENDOFNAMES", [name]);
  }
}

/** 353 lines packed up to the line limit, then 366. Invisible users are hidden from non-members. */
export function sendNames(ctx: ServerContext, client: Client, channel: Channel) {
  const server = ctx.name;
  const allPrefixes = client.has("multi-prefix");
  const userhost = client.has("userhost-in-names");
  const member = channel.members.has(client);
  const symbol = channel.flags.has("s") ? "@" : "=";
  const room = 510 - utf8Length(`:${server} 353 ${client.nick} ${symbol} ${channel.name} :`);
  let entries: string[] = [];
  let used = 0;
  for (const [user, bits] of channel.members) {
    if (!member && user.invisible) continue;
    const entry = prefixOf(bits, allPrefixes) + (userhost ? user.source : user.nick);
    // Nicks, usernames and hosts are ASCII (isValidNick, handleUser, IP hosts): length is bytes.
    const size = entry.length + 1;
    if (used + size > room && entries.length > 0) {
      numeric(server, client, "RPL_NAMREPLY", [symbol, channel.name], entries.join(" "));
      entries = [];
      used = 0;
    }
    entries.push(entry);
    used += size;
  }
  if (entries.length > 0) numeric(server, client, "RPL_NAMREPLY", [symbol, channel.name], entries.join(" "));
  numeric(server, client, "RPL_ENDOFNAMES", [channel.name]);
}

export function handleList(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const server = ctx.name;
  const mapping = ctx.registry.casemapping;
  const filters: ListFilter[] = [];
  const names: string[] = [];
  for (const term of (msg.params[0] ?? "").split(",")) {
    if (term === "") continue;
    const filter = parseListFilter(term, mapping);
    if (filter !== null) filters.push(filter);
    else names.push(term);
  }
  const candidates =
    names.length === 0
      ? ctx.registry.channels.values()
      : names.map((n) => ctx.registry.findChannel(n)).filter((c): c is Channel => c !== undefined);
  const now = Math.floor(ctx.now() / 1000);
  numeric(server, client, "RPL_LISTSTART", ["Channel"], "Users  Name");
  for (const channel of candidates) {
    if (channel.flags.has("s") && !channel.members.has(client)) continue;
    const listed = {
      name: channel.name,
      users: channel.members.size,
      createdAt: channel.createdAt,
      topicSetAt: channel.topicSetAt,
    };
    if (!filters.every((f) => f(listed, now))) continue;
    const modes = channel.modeParams(false)[0];
    numeric(
      server,
      client,
      "RPL_LIST",
      [channel.name, String(channel.members.size)],
      `[${modes}] ${channel.topic}`,
    );
  }
  numeric(server, client, "RPL_LISTEND");
}

export function handleKick(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const server = ctx.name;
  const [name, nicks, reason] = msg.params as [string, string, string?];
  const channel = ctx.registry.findChannel(name);
  if (channel === undefined) return numeric(server, client, "ERR_NOSUCHCHANNEL", [name]);
  if (!channel.members.has(client)) return numeric(server, client, "ERR_NOTONCHANNEL", [channel.name]);
  if (!channel.isOp(client)) return numeric(server, client, "ERR_CHANOPRIVSNEEDED", [channel.name]);
  const text = truncateBytes(reason || client.nick, ctx.config.limits.kickLength);
  for (const nick of nicks.split(",")) {
    if (nick === "") continue;
    const target = ctx.registry.findNick(nick);
    if (target === undefined || !target.registered) numeric(server, client, "ERR_NOSUCHNICK", [nick]);
    else if (!channel.members.has(target))
      numeric(server, client, "ERR_USERNOTINCHANNEL", [target.nick, channel.name]);
    else leaveChannel(ctx, client, channel, "KICK", [channel.name, target.nick, text], target);
  }
}

export function handleInvite(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const server = ctx.name;
  const [nick, name] = msg.params as [string?, string?];
  if (nick === undefined) {
    for (const folded of client.invites ?? []) {
      const channel = ctx.registry.channels.get(folded);
      if (channel !== undefined) numeric(server, client, "RPL_INVITELIST", [channel.name]);
    }
    return numeric(server, client, "RPL_ENDOFINVITELIST");
  }
  if (name === undefined) return numeric(server, client, "ERR_NEEDMOREPARAMS", ["INVITE"]);
  const target = ctx.registry.findNick(nick);
  if (target === undefined || !target.registered) return numeric(server, client, "ERR_NOSUCHNICK", [nick]);
  const channel = ctx.registry.findChannel(name);
  if (channel === undefined) {
    return numeric(server, client, isChannelName(name) ? "ERR_NOSUCHCHANNEL" : "ERR_NOSUCHNICK", [name]);
  }
  if (!channel.members.has(client)) return numeric(server, client, "ERR_NOTONCHANNEL", [channel.name]);
  if (channel.members.has(target))
    return numeric(server, client, "ERR_USERONCHANNEL", [target.nick, channel.name]);
  if (channel.flags.has("i") && !channel.isOp(client)) {
    return numeric(server, client, "ERR_CHANOPRIVSNEEDED", [channel.name]);
  }
  target.invites ??= new Set();
  target.invites.add(channel.folded);
  numeric(server, client, "RPL_INVITING", [target.nick, channel.name]);
  if (target.away !== null) numeric(server, client, "RPL_AWAY", [target.nick], target.away);
  const relay = ctx.relay(client.source, "INVITE", [target.nick, channel.name]);
  relay.deliver(target);
  // invite-notify: members who could have invited too (all of them unless +i) hear about it.
  const opsOnly = channel.flags.has("i");
  for (const member of channel.members.keys()) {
    if (member !== client && member.has("invite-notify") && (!opsOnly || channel.isOp(member))) {
      relay.deliver(member);
    }
  }
}
