/** Numeric replies as sentences a person reads (`#secret: cannot join, channel is invite-only`). Pure. */
import type { IrcMessage } from "../protocol/index.ts";

export interface NumericText {
  kind: "event" | "server" | "error";
  text: string;
}

/**
 * Error numerics whose first argument is what the error is about: `<subject>: <sentence>`.
 * The server's own text is dropped: it is often terse (`Cannot join channel (+i)`).
 */
const ERRORS: Record<string, string> = {
  "401": "no such nick or channel",
  "402": "no such server",
  "403": "no such channel",
  "404": "cannot send to channel",
  "405": "cannot join, you are in too many channels",
  "406": "there was no such nick",
  "407": "too many targets",
  "421": "unknown command",
  "432": "not a valid nickname",
  "433": "nickname is already in use",
  "436": "nickname collision",
  "442": "you are not on that channel",
  "461": "not enough parameters",
  "471": "cannot join, channel is full",
  "472": "unknown mode",
  "473": "cannot join, channel is invite-only",
  "474": "cannot join, you are banned",
  "475": "cannot join, wrong channel key",
  "476": "not a valid channel name",
  "477": "cannot join, channel needs a registered nick",
  "478": "ban list is full",
  "482": "you are not a channel operator",
  "525": "not a valid channel key",
  "696": "invalid mode parameter",
};

/** Error numerics without a subject. */
const BARE_ERRORS: Record<string, string> = {
  "409": "no origin given",
  "411": "no recipient given",
  "412": "no text to send",
  "417": "input line was too long",
  "431": "no nickname given",
  "451": "you have not registered",
  "462": "you are already registered",
  "464": "password incorrect",
  "465": "you are banned from this server",
  "481": "permission denied, you are not an IRC operator",
  "491": "no operator access from your host",
  "501": "unknown user mode",
  "502": "you cannot change modes of other users",
};

/** Replies that only end a list or repeat what is already shown. */
const HIDDEN = new Set([
  "004",
  "005",
  "315",
  "318",
  "321",
  "329",
  "366",
  "369",
  "375",
  "376",
  "368",
  "347",
  "349",
]);

function clean(text: string): string {
  return text.trim();
}

/** `args` are the parameters after our own nick; the last one is usually the server's text. */
function reply(code: string, args: string[]): NumericText | null {
  const [a = "", b = "", c = ""] = args;
  const last = args[args.length - 1] ?? "";
  switch (code) {
    case "301":
      return { kind: "event", text: `${a} is away: ${b}` };
    case "305":
      return { kind: "event", text: "you are back" };
    case "306":
      return { kind: "event", text: "you are marked as away" };
    case "311":
      return { kind: "event", text: `${a} is ${b}@${c} (${args[4] ?? ""})` };
    case "312":
      return { kind: "event", text: `${a} is on ${b} (${c})` };
    case "313":
      return { kind: "event", text: `${a} is an IRC operator` };
    case "317":
      return { kind: "event", text: `${a} has been idle ${b} s` };
    case "319":
      return { kind: "event", text: `${a} is on ${b}` };
    case "330":
      return { kind: "event", text: `${a} is logged in as ${b}` };
    case "322":
      return { kind: "event", text: `${a} (${b} users) ${c}`.trimEnd() };
    case "323":
      return { kind: "event", text: "end of channel list" };
    case "324":
      return { kind: "event", text: `${a} modes: ${args.slice(1).join(" ")}` };
    case "331":
      return { kind: "event", text: `${a}: no topic is set` };
    case "332":
      return { kind: "event", text: `topic of ${a}: ${b}` };
    case "333":
      return {
        kind: "event",
        text: `topic set by ${b.split("!")[0]}${c ? ` at ${new Date(Number(c) * 1000).toLocaleString()}` : ""}`,
      };
    case "341":
      return { kind: "event", text: `invited ${a} to ${b}` };
    case "353":
      return { kind: "event", text: `${b}: ${c}` };
    case "367":
      return { kind: "event", text: `${a} ban: ${b}` };
    case "252":
    case "253":
    case "254":
      return { kind: "server", text: `${a} ${b}` };
    case "422":
      return { kind: "server", text: "(no message of the day)" };
    case "221":
      return { kind: "event", text: `your modes: ${a}` };
    case "396":
      return { kind: "event", text: `your host is now ${a}` };
    default:
      if (ERRORS[code] !== undefined) return { kind: "error", text: `${a}: ${ERRORS[code]}` };
      if (BARE_ERRORS[code] !== undefined) return { kind: "error", text: BARE_ERRORS[code]! };
      if (code >= "400" && code < "600") {
        return {
          kind: "error",
          text: clean([...args.slice(0, -1), last].filter((p) => p !== "").join(": ")),
        };
      }
      return { kind: "server", text: clean(last) };
  }
}

/** The sentence for a numeric reply, or null when it should not be shown. */
export function numericSentence(msg: IrcMessage): NumericText | null {
  if (HIDDEN.has(msg.command)) return null;
  return reply(msg.command, msg.params.slice(1));
}
