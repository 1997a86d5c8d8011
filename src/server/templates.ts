/**
 * Replies that are the same for every client but the nick — the 002–005 part of the welcome burst
 * and the MOTD — rendered once per configuration and filled in per client with one join per line.
 * Registering thousands of clients then allocates little more than the bytes they are sent.
 */
import type { Client } from "./client.ts";
import { isupportLines, USER_MODES } from "./isupport.ts";
import { numericLine } from "./replies.ts";

/** Stands for the nick while rendering; it cannot occur in a nick, and is removed from MOTD text. */
const NICK = "\u0001";

/** Lines, each split where the nick goes. */
export type Template = string[][];

function template(lines: string[]): Template {
  return lines.map((line) => line.split(NICK));
}

export function sendTemplate(client: Client, lines: Template): void {
  for (const pieces of lines) client.send(pieces.join(client.nick));
}

/** 002, 003, 004, then the 005 lines. */
export function introTemplate(
  server: string,
  version: string,
  createdAt: Date,
  isupport: Template,
): Template {
  return [
    ...template([
      numericLine(server, NICK, "RPL_YOURHOST", [], `Your host is ${server}, running version ${version}`),
      numericLine(server, NICK, "RPL_CREATED", [], `This server was created ${createdAt.toUTCString()}`),
      numericLine(server, NICK, "RPL_MYINFO", [server, version, USER_MODES, "beIiklmnostv", "beIklov"]),
    ]),
    ...isupport,
  ];
}

/** 375, 372 per line and 376; or 422 when there is no MOTD. */
export function motdTemplate(server: string, motd: string[] | null): Template {
  if (motd === null) return template([numericLine(server, NICK, "ERR_NOMOTD")]);
  return template([
    numericLine(server, NICK, "RPL_MOTDSTART", [], `- ${server} Message of the day - `),
    ...motd.map((line) => numericLine(server, NICK, "RPL_MOTD", [], `- ${line.replaceAll(NICK, "")}`)),
    numericLine(server, NICK, "RPL_ENDOFMOTD"),
  ]);
}

/** 005 lines alone, for VERSION. */
export function isupportTemplate(server: string, isupport: string[]): Template {
  return template(isupportLines(isupport).map((tokens) => numericLine(server, NICK, "RPL_ISUPPORT", tokens)));
}
