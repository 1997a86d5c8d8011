/** MODE for channels (o v b e I i k l m n s t) and users (i w o). */

import { normalizeMask } from "../../protocol/mask.ts";
import type { IrcMessage } from "../../protocol/message.ts";
import { isChannelName } from "../../protocol/names.ts";
import type { NumericName } from "../../protocol/numerics.ts";
import { type Channel, type FlagMode, type ListMode, OP, VOICE } from "../channel.ts";
import type { Client } from "../client.ts";
import type { ServerContext } from "../context.ts";
import { formatModes, type ModeChange, parseChannelModes, parseUserModes } from "../modes.ts";
import { numeric } from "../replies.ts";

export function handleMode(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const target = msg.params[0]!;
  if (isChannelName(target)) channelMode(ctx, client, target, msg.params.slice(1));
  else userMode(ctx, client, target, msg.params[1]);
}

const LIST_REPLIES: Record<ListMode, [NumericName, NumericName]> = {
  b: ["RPL_BANLIST", "RPL_ENDOFBANLIST"],
  e: ["RPL_EXCEPTLIST", "RPL_ENDOFEXCEPTLIST"],
  I: ["RPL_INVEXLIST", "RPL_ENDOFINVEXLIST"],
};

function channelMode(ctx: ServerContext, client: Client, name: string, args: string[]) {
  const server = ctx.name;
  const channel = ctx.registry.findChannel(name);
  if (channel === undefined) return numeric(server, client, "ERR_NOSUCHCHANNEL", [name]);
  if (args.length === 0) {
    numeric(server, client, "RPL_CHANNELMODEIS", [
      channel.name,
      ...channel.modeParams(channel.members.has(client)),
    ]);
    return numeric(server, client, "RPL_CREATIONTIME", [channel.name, String(channel.createdAt)]);
  }
  const { changes, unknown } = parseChannelModes(args[0]!, args.slice(1));
  for (const mode of unknown) numeric(server, client, "ERR_UNKNOWNMODE", [mode]);
  const applied: ModeChange[] = [];
  let denied = false;
  for (const change of changes.slice(0, ctx.config.limits.modesPerCommand)) {
    if (change.param === undefined && "beI".includes(change.mode)) {
      sendList(ctx, client, channel, change.mode as ListMode);
      continue;
    }
    if (!channel.isOp(client)) {
      denied = true;
      continue;
    }
    if (applyChannelChange(ctx, client, channel, change)) applied.push(change);
  }
  if (denied) {
    const code = channel.members.has(client) ? "ERR_CHANOPRIVSNEEDED" : "ERR_NOTONCHANNEL";
    numeric(server, client, code, [channel.name]);
  }
  if (applied.length === 0) return;
  const relay = ctx.relay(client.source, "MODE", [channel.name, ...formatModes(applied)]);
  for (const member of channel.members.keys()) relay.deliver(member);
}

function sendList(ctx: ServerContext, client: Client, channel: Channel, mode: ListMode) {
  const [item, end] = LIST_REPLIES[mode];
  for (const entry of channel.lists[mode]) {
    numeric(ctx.name, client, item, [channel.name, entry.mask, entry.setBy, String(entry.setAt)]);
  }
  numeric(ctx.name, client, end, [channel.name]);
}

/** Applies one change; false when it changes nothing (or was refused with a numeric). */
function applyChannelChange(
  ctx: ServerContext,
  client: Client,
  channel: Channel,
  change: ModeChange,
): boolean {
  const server = ctx.name;
  const { add, mode, param } = change;
  switch (mode) {
    case "o":
    case "v": {
      const target = ctx.registry.findNick(param!);
      if (target === undefined) return fail(ctx, client, "ERR_NOSUCHNICK", [param!]);
      const bits = channel.members.get(target);
      if (bits === undefined) return fail(ctx, client, "ERR_USERNOTINCHANNEL", [target.nick, channel.name]);
      const bit = mode === "o" ? OP : VOICE;
      const updated = add ? bits | bit : bits & ~bit;
      if (updated === bits) return false;
      channel.members.set(target, updated);
      change.param = target.nick;
      return true;
    }
    case "b":
    case "e":
    case "I":
      return changeList(ctx, client, channel, change);
    case "k":
      if (!add) {
        if (channel.key === "") return false;
        change.param = "*";
        channel.key = "";
        return true;
      }
      if (!/^[^\s,:]{1,32}$/.test(param!)) return fail(ctx, client, "ERR_INVALIDKEY", [channel.name]);
      channel.key = param!;
      return true;
    case "l": {
      if (!add) {
        if (channel.limit === 0) return false;
        channel.limit = 0;
        return true;
      }
      const limit = Number(param);
      if (!Number.isInteger(limit) || limit <= 0) {
        numeric(server, client, "ERR_INVALIDMODEPARAM", [channel.name, "l", param!], "Invalid limit");
        return false;
      }
      channel.limit = limit;
      change.param = String(limit);
      return true;
    }
    default: {
      const flag = mode as FlagMode;
      if (channel.flags.has(flag) === add) return false;
      if (add) channel.flags.add(flag);
      else channel.flags.delete(flag);
      return true;
    }
  }
}

function changeList(ctx: ServerContext, client: Client, channel: Channel, change: ModeChange): boolean {
  const mode = change.mode as ListMode;
  const add = change.add;
  const list = channel.lists[mode];
  const mask = normalizeMask(change.param!);
  change.param = mask;
  const folded = ctx.registry.fold(mask);
  const index = list.findIndex((entry) => ctx.registry.fold(entry.mask) === folded);
  if (!add) {
    if (index === -1) return false;
    list.splice(index, 1);
    return true;
  }
  if (index !== -1) return false;
  if (list.length >= ctx.config.limits.maxListEntries) {
    numeric(ctx.name, client, "ERR_BANLISTFULL", [channel.name, mode]);
    return false;
  }
  list.push({ mask, setBy: client.nick, setAt: Math.floor(ctx.now() / 1000) });
  return true;
}

function fail(ctx: ServerContext, client: Client, name: NumericName, params: string[]): false {
  numeric(ctx.name, client, name, params);
  return false;
}

function userMode(ctx: ServerContext, client: Client, nick: string, modeString: string | undefined) {
  const server = ctx.name;
  const target = ctx.registry.findNick(nick);
  if (target === undefined) return numeric(server, client, "ERR_NOSUCHNICK", [nick]);
  if (target !== client) return numeric(server, client, "ERR_USERSDONTMATCH");
  if (modeString === undefined) return numeric(server, client, "RPL_UMODEIS", [userModeString(client)]);
  const { changes, unknown } = parseUserModes(modeString);
  if (unknown.length > 0) numeric(server, client, "ERR_UMODEUNKNOWNFLAG");
  const applied: ModeChange[] = [];
  for (const change of changes) {
    if (change.mode === "i" && client.invisible !== change.add) {
      client.invisible = change.add;
      ctx.stats.invisible += change.add ? 1 : -1;
      applied.push(change);
    } else if (change.mode === "w" && client.wallops !== change.add) {
      client.wallops = change.add;
      applied.push(change);
    } else if (change.mode === "o" && !change.add && client.oper) {
      // +o only comes from OPER.
      client.oper = false;
      ctx.stats.opers--;
      applied.push(change);
    }
  }
  if (applied.length > 0)
    ctx.relay(client.source, "MODE", [client.nick, ...formatModes(applied)]).deliver(client);
}

export function userModeString(client: Client): string {
  return `+${client.invisible ? "i" : ""}${client.oper ? "o" : ""}${client.wallops ? "w" : ""}`;
}
