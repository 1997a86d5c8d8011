/** PRIVMSG, NOTICE and TAGMSG to channels, `@#channel`, and nicks; AWAY. */
import type { IrcMessage } from "../../protocol/message.ts";
import { isChannelName } from "../../protocol/names.ts";
import type { NumericName } from "../../protocol/numerics.ts";
import { isClientTag, isValidTagKey, type Tags } from "../../protocol/tags.ts";
import { type Channel, OP } from "../channel.ts";
import type { Client } from "../client.ts";
import type { ServerContext } from "../context.ts";
import { peersOf } from "../relay.ts";
import { numeric } from "../replies.ts";
import { truncateBytes } from "../text.ts";

type Verb = "PRIVMSG" | "NOTICE" | "TAGMSG";

export function handlePrivmsg(ctx: ServerContext, client: Client, msg: IrcMessage) {
  deliverMessage(ctx, client, msg, "PRIVMSG");
}

export function handleNotice(ctx: ServerContext, client: Client, msg: IrcMessage) {
  deliverMessage(ctx, client, msg, "NOTICE");
}

export function handleTagmsg(ctx: ServerContext, client: Client, msg: IrcMessage) {
  deliverMessage(ctx, client, msg, "TAGMSG");
}

/** Status prefixes a target may carry to reach only ops (`@#c`) or voiced members and ops (`+#c`). */
const STATUS_BITS: Record<string, number> = { "@": OP, "+": ~0 };

function deliverMessage(ctx: ServerContext, client: Client, msg: IrcMessage, verb: Verb) {
  const server = ctx.name;
  // NOTICE must never trigger automatic replies, errors included.
  const error = (name: NumericName, params: string[] = [], text?: string) => {
    if (verb !== "NOTICE") numeric(server, client, name, params, text);
  };
  const targets = msg.params[0] ?? "";
  const text = msg.params[1] ?? "";
  if (targets === "") return error("ERR_NORECIPIENT", [], `No recipient given (${verb})`);
  if (verb !== "TAGMSG" && text === "") return error("ERR_NOTEXTTOSEND");
  const list = targets.split(",").filter((t) => t !== "");
  if (list.length > ctx.config.limits.maxTargets) return error("ERR_TOOMANYTARGETS", [targets]);
  const tags = clientTags(msg.tags);
  if (verb === "TAGMSG" && Object.keys(tags).length === 0) return;
  client.lastMessage = ctx.now();
  for (const target of list) {
    const status = STATUS_BITS[target[0]!];
    const name = status !== undefined && isChannelName(target.slice(1)) ? target.slice(1) : target;
    const params = verb === "TAGMSG" ? [target] : [target, text];
    if (isChannelName(name)) {
      const channel = ctx.registry.findChannel(name);
      if (channel === undefined) error("ERR_NOSUCHCHANNEL", [name]);
      else if (!maySpeak(ctx, client, channel)) error("ERR_CANNOTSENDTOCHAN", [channel.name]);
      else {
        const direct = name === target;
        // Relayed with the channel's own spelling, as every member knows it.
        params[0] = direct ? channel.name : target[0] + channel.name;
        toChannel(ctx, client, verb, channel, params, tags, direct ? 0 : status!);
      }
    } else {
      const user = ctx.registry.findNick(name);
      if (user === undefined || !user.registered) error("ERR_NOSUCHNICK", [name]);
      else toUser(ctx, client, verb, user, params, tags);
    }
  }
}

function toUser(
  ctx: ServerContext,
  client: Client,
  verb: Verb,
  user: Client,
  params: string[],
  tags: Tags,
): void {
  params[0] = user.nick;
  const relay = ctx.relay(client.source, verb, params, tags);
  const tagsOnly = verb === "TAGMSG";
  if (!tagsOnly || user.has("message-tags")) relay.deliver(user);
  const echo = user !== client && client.has("echo-message");
  if (echo && (!tagsOnly || client.has("message-tags"))) relay.deliver(client);
  if (verb === "PRIVMSG" && user.away !== null) numeric(ctx.name, client, "RPL_AWAY", [user.nick], user.away);
}

function toChannel(
  ctx: ServerContext,
  client: Client,
  verb: Verb,
  channel: Channel,
  params: string[],
  tags: Tags,
  statusBits: number,
) {
  const relay = ctx.relay(client.source, verb, params, tags);
  const tagsOnly = verb === "TAGMSG";
  const echo = client.has("echo-message");
  for (const [member, bits] of channel.members) {
    if (member === client && !echo) continue;
    if (statusBits !== 0 && (bits & statusBits) === 0 && member !== client) continue;
    if (tagsOnly && !member.has("message-tags")) continue;
    relay.deliver(member);
  }
}

/** +n keeps outsiders out, +m keeps unvoiced members quiet, a ban silences unless voiced. */
function maySpeak(ctx: ServerContext, client: Client, channel: Channel): boolean {
  const bits = channel.members.get(client);
  if (bits === undefined)
    return !channel.flags.has("n") && !channel.isBanned(client, ctx.registry.casemapping);
  if (bits !== 0) return true;
  if (channel.flags.has("m")) return false;
  return !channel.isBanned(client, ctx.registry.casemapping);
}

/** Only client-only (`+`) tags travel with a message; the server adds its own. */
function clientTags(tags: Tags): Tags {
  const out: Tags = {};
  for (const key in tags) {
    if (isClientTag(key) && isValidTagKey(key)) out[key] = tags[key]!;
  }
  return out;
}

export function handleAway(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const text = msg.params[0] ?? "";
  if (text === "") {
    client.away = null;
    numeric(ctx.name, client, "RPL_UNAWAY");
  } else {
    client.away = truncateBytes(text, ctx.config.limits.awayLength);
    numeric(ctx.name, client, "RPL_NOWAWAY");
  }
  const relay = ctx.relay(client.source, "AWAY", client.away === null ? [] : [client.away]);
  for (const peer of peersOf(client)) if (peer.has("away-notify")) relay.deliver(peer);
}
