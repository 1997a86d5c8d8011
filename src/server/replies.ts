/** The one place that builds replies from the server: numerics, notices, standard replies, ERROR. */
import { type IrcMessage, message, serializeMessage } from "../protocol/message.ts";
import { NUMERICS, type NumericName } from "../protocol/numerics.ts";
import type { Client } from "./client.ts";

/** A message as one wire line with CRLF. Every path that writes to a socket goes through here. */
export function wireLine(msg: IrcMessage, forceTrailing = false): string {
  return `${serializeMessage(msg, forceTrailing)}\r\n`;
}

/**
 * `:<server> <code> <nick> <params...> :<text>` with CRLF. `text` defaults to the table's text; a
 * numeric whose table text is empty and that gets none has no trailing parameter (004, 005 tokens).
 */
export function numericLine(
  server: string,
  nick: string,
  name: NumericName,
  params: string[] = [],
  text?: string,
): string {
  const [code, fallback] = NUMERICS[name];
  const trailing = text ?? fallback;
  const hasTrailing = trailing !== "" || text !== undefined;
  const all = [nick, ...params];
  if (hasTrailing) all.push(trailing);
  return wireLine(message(code, all, server), hasTrailing);
}

export function numeric(
  server: string,
  client: Client,
  name: NumericName,
  params: string[] = [],
  text?: string,
): void {
  client.send(numericLine(server, client.nick, name, params, text));
}

export function serverNotice(server: string, client: Client, text: string): void {
  client.send(wireLine(message("NOTICE", [client.nick, text], server), true));
}

/** IRCv3 standard replies: `FAIL <command> <code> [<context>...] :<description>`. */
export function standardReply(
  server: string,
  client: Client,
  kind: "FAIL" | "WARN" | "NOTE",
  command: string,
  code: string,
  description: string,
  context: string[] = [],
): void {
  client.send(wireLine(message(kind, [command, code, ...context, description], server), true));
}

/** Sends a message built by the caller (a command echo such as MODE or PONG) from the server. */
export function sendFromServer(server: string, client: Client, command: string, params: string[]): void {
  client.send(wireLine(message(command, params, server)));
}

export function errorLine(text: string): string {
  return wireLine(message("ERROR", [text]), true);
}
