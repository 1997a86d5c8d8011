/**
 * The command table (verb → handler, minimum parameters, whether allowed before registration,
 * whether for operators only) and the per-client command pump: flood tokens, one asynchronous
 * command at a time, labeled-response capture.
 */
import type { IrcMessage } from "../protocol/message.ts";
import type { Client } from "./client.ts";
import type { ServerContext } from "./context.ts";
import { handleCap } from "./handlers/cap.ts";
import {
  handleInvite,
  handleJoin,
  handleKick,
  handleList,
  handleNames,
  handlePart,
  handleTopic,
} from "./handlers/channel.ts";
import { handleAway, handleNotice, handlePrivmsg, handleTagmsg } from "./handlers/messaging.ts";
import { handleMode } from "./handlers/mode.ts";
import { handleKill, handleOper, handleRehash, handleWallops } from "./handlers/oper.ts";
import {
  handleAdmin,
  handleInfo,
  handleIson,
  handleTime,
  handleUserhost,
  handleVersion,
  handleWho,
  handleWhois,
  handleWhowas,
  sendLusers,
  sendMotd,
} from "./handlers/query.ts";
import {
  handleNick,
  handlePass,
  handlePing,
  handlePong,
  handleQuit,
  handleSetname,
  handleUser,
} from "./handlers/registration.ts";
import type { Input, Rejection } from "./input.ts";
import { finishLabel, startLabel } from "./labels.ts";
import { numeric, standardReply } from "./replies.ts";

export type Handler = (ctx: ServerContext, client: Client, msg: IrcMessage) => void | Promise<void>;

export interface Command {
  handler: Handler;
  minParams: number;
  beforeRegistration?: boolean;
  operOnly?: boolean;
}

export const COMMANDS: Record<string, Command> = {
  CAP: { handler: handleCap, minParams: 1, beforeRegistration: true },
  PASS: { handler: handlePass, minParams: 1, beforeRegistration: true },
  NICK: { handler: handleNick, minParams: 0, beforeRegistration: true },
  USER: { handler: handleUser, minParams: 4, beforeRegistration: true },
  PING: { handler: handlePing, minParams: 0, beforeRegistration: true },
  PONG: { handler: handlePong, minParams: 0, beforeRegistration: true },
  QUIT: { handler: handleQuit, minParams: 0, beforeRegistration: true },
  SETNAME: { handler: handleSetname, minParams: 1 },
  JOIN: { handler: handleJoin, minParams: 1 },
  PART: { handler: handlePart, minParams: 1 },
  TOPIC: { handler: handleTopic, minParams: 1 },
  NAMES: { handler: handleNames, minParams: 0 },
  LIST: { handler: handleList, minParams: 0 },
  KICK: { handler: handleKick, minParams: 2 },
  INVITE: { handler: handleInvite, minParams: 0 },
  MODE: { handler: handleMode, minParams: 1 },
  PRIVMSG: { handler: handlePrivmsg, minParams: 0 },
  NOTICE: { handler: handleNotice, minParams: 0 },
  TAGMSG: { handler: handleTagmsg, minParams: 1 },
  AWAY: { handler: handleAway, minParams: 0 },
  WHO: { handler: handleWho, minParams: 0 },
  WHOIS: { handler: handleWhois, minParams: 1 },
  WHOWAS: { handler: handleWhowas, minParams: 1 },
  ISON: { handler: handleIson, minParams: 1 },
  USERHOST: { handler: handleUserhost, minParams: 1 },
  LUSERS: { handler: sendLusers, minParams: 0 },
  MOTD: { handler: sendMotd, minParams: 0 },
  TIME: { handler: handleTime, minParams: 0 },
  VERSION: { handler: handleVersion, minParams: 0 },
  ADMIN: { handler: handleAdmin, minParams: 0 },
  INFO: { handler: handleInfo, minParams: 0 },
  OPER: { handler: handleOper, minParams: 2 },
  KILL: { handler: handleKill, minParams: 1, operOnly: true },
  WALLOPS: { handler: handleWallops, minParams: 1, operOnly: true },
  REHASH: { handler: handleRehash, minParams: 0, operOnly: true },
};

/**
 * Runs the client's waiting commands while flood tokens last (operators are exempt). A command
 * that returns a promise holds the rest until it settles, so replies keep their order.
 */
export function pump(ctx: ServerContext, client: Client): void {
  const limits = ctx.config.limits;
  while (!client.busy && !client.closing && client.inbox.length > 0) {
    if (!client.oper && !client.bucket.take(ctx.now(), limits.floodBurst, limits.floodRate)) {
      ctx.throttled.add(client);
      return;
    }
    const pending = execute(ctx, client, client.inbox.take());
    if (pending !== undefined) {
      client.busy = true;
      void pending.then(
        () => {
          client.busy = false;
          pump(ctx, client);
        },
        (error: unknown) => {
          client.busy = false;
          ctx.log.error("command failed", `${client.nick}: ${String(error)}`);
          pump(ctx, client);
        },
      );
      return;
    }
  }
}

function execute(ctx: ServerContext, client: Client, input: Input): Promise<void> | undefined {
  if (!("msg" in input)) {
    refuse(ctx, client, input.rejected, input.command);
    return undefined;
  }
  const msg = input.msg;
  const labeled = startLabel(client, msg);
  try {
    const pending = dispatch(ctx, client, msg);
    if (pending instanceof Promise) {
      return labeled ? pending.finally(() => finishLabel(ctx, client, msg)) : pending;
    }
  } catch (error) {
    ctx.log.error("command failed", `${client.nick} ${msg.command}: ${String(error)}`);
  }
  if (labeled) finishLabel(ctx, client, msg);
  return undefined;
}

function dispatch(ctx: ServerContext, client: Client, msg: IrcMessage): void | Promise<void> {
  const command = COMMANDS[msg.command];
  const server = ctx.name;
  if (command === undefined) return numeric(server, client, "ERR_UNKNOWNCOMMAND", [msg.command]);
  if (!client.registered && !command.beforeRegistration) return numeric(server, client, "ERR_NOTREGISTERED");
  if (msg.params.length < command.minParams) {
    return numeric(server, client, "ERR_NEEDMOREPARAMS", [msg.command]);
  }
  if (command.operOnly && !client.oper) return numeric(server, client, "ERR_NOPRIVILEGES");
  return command.handler(ctx, client, msg);
}

/** Replies to a line that was not executed (see input.ts for what each reason means). */
function refuse(ctx: ServerContext, client: Client, reason: Rejection, command: string): void {
  const server = ctx.name;
  if (reason === "too-long") numeric(server, client, "ERR_INPUTTOOLONG");
  else if (reason === "utf8") {
    standardReply(
      server,
      client,
      "FAIL",
      command,
      "INVALID_UTF8",
      "Message rejected, your IRC software MUST use UTF-8 encoding on this network",
    );
  } else if (reason === "control") {
    numeric(server, client, "ERR_UNKNOWNERROR", [command], "Line rejected: it contains a NUL or a bare CR");
  } else numeric(server, client, "ERR_UNKNOWNERROR", [command], "Line rejected: more than 15 parameters");
}
