/** CTCP: `\x01COMMAND args\x01` inside PRIVMSG (requests, ACTION) and NOTICE (replies). Pure. */
import { VERSION } from "../version.ts";

export interface Ctcp {
  command: string;
  args: string;
}

/** The CTCP inside a message text, or null for ordinary text. The closing \x01 is optional in the wild. */
export function parseCtcp(text: string): Ctcp | null {
  if (!text.startsWith("\x01")) return null;
  const body = text.slice(1, text.endsWith("\x01") && text.length > 1 ? -1 : undefined);
  const space = body.indexOf(" ");
  return space === -1
    ? { command: body.toUpperCase(), args: "" }
    : { command: body.slice(0, space).toUpperCase(), args: body.slice(space + 1) };
}

export function ctcp(command: string, args = ""): string {
  return `\x01${command}${args === "" ? "" : ` ${args}`}\x01`;
}

/** The reply text to a CTCP request, or null for requests we do not answer. */
export function ctcpReply(request: Ctcp, now: Date): string | null {
  switch (request.command) {
    case "VERSION":
      return ctcp("VERSION", `chat-client ${VERSION} (NetworkComm, Bun)`);
    case "PING":
      return ctcp("PING", request.args);
    case "TIME":
      return ctcp("TIME", now.toString());
    case "CLIENTINFO":
      return ctcp("CLIENTINFO", "ACTION CLIENTINFO PING TIME VERSION");
    default:
      return null;
  }
}
