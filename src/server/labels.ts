/**
 * labeled-response: the replies to a command that carried a `label` tag are collected while it
 * runs, then sent labeled — one line tagged, several wrapped in a `labeled-response` batch, none
 * answered with ACK.
 */

import type { IrcMessage } from "../protocol/message.ts";
import { message } from "../protocol/message.ts";
import { escapeTagValue } from "../protocol/tags.ts";
import type { Client } from "./client.ts";
import type { ServerContext } from "./context.ts";
import { wireLine } from "./replies.ts";

/** Longest label the server accepts; a longer one is ignored rather than echoed. */
const MAX_LABEL = 64;

export function startLabel(client: Client, msg: IrcMessage): boolean {
  const label = msg.tags.label;
  if (label === undefined || label === "" || label.length > MAX_LABEL || !client.has("labeled-response")) {
    return false;
  }
  client.capture = [];
  return true;
}

export function finishLabel(ctx: ServerContext, client: Client, msg: IrcMessage): void {
  const lines = client.capture ?? [];
  client.capture = null;
  const label = `label=${escapeTagValue(msg.tags.label ?? "")}`;
  if (lines.length === 0) {
    client.send(withTag(wireLine(message("ACK", [], ctx.name)), label));
  } else if (lines.length === 1 || !client.has("batch")) {
    client.send(withTag(lines[0]!, label));
    for (let i = 1; i < lines.length; i++) client.send(lines[i]!);
  } else {
    const id = ctx.newMsgid();
    client.send(withTag(wireLine(message("BATCH", [`+${id}`, "labeled-response"], ctx.name)), label));
    for (const line of lines) client.send(withTag(line, `batch=${id}`));
    client.send(wireLine(message("BATCH", [`-${id}`], ctx.name)));
  }
}

/** Adds one `key=value` tag to a serialized line. */
export function withTag(line: string, tag: string): string {
  return line.charCodeAt(0) === 64 /* @ */ ? `@${tag};${line.slice(1)}` : `@${tag} ${line}`;
}
