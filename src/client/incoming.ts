/** What a message from the server does to the session, what to show, and what to answer. */
import { type IrcMessage, message, splitHostmask } from "../protocol/index.ts";
import { ctcpReply, parseCtcp } from "./ctcp.ts";
import type { ChatLine } from "./format.ts";
import { numericSentence } from "./numeric-text.ts";
import type { Session } from "./session.ts";

export interface Outcome {
  lines: ChatLine[];
  replies: IrcMessage[];
}

/** server-time when the server offered it, else the time it arrived. */
export function messageTime(msg: IrcMessage, now: Date): Date {
  const stamp = msg.tags.time;
  if (stamp === undefined) return now;
  const time = new Date(stamp);
  return Number.isNaN(time.getTime()) ? now : time;
}

function reasonSuffix(reason: string | undefined): string {
  return reason === undefined || reason === "" ? "" : ` (${reason})`;
}

export function handleIncoming(msg: IrcMessage, session: Session, now: Date): Outcome {
  const time = messageTime(msg, now);
  const out: Outcome = { lines: [], replies: [] };
  const event = (text: string) => out.lines.push({ kind: "event", time, text });
  const from = splitHostmask(msg.source).nick;
  const self = from !== "" && session.isMe(from);
  const [p0 = "", p1 = "", p2 = ""] = msg.params;

  switch (msg.command) {
    case "PING":
      out.replies.push(message("PONG", msg.params));
      break;
    case "PRIVMSG":
    case "NOTICE":
      return chat(msg, session, time, now);
    case "JOIN":
      if (self) {
        session.joined(p0);
        const { user, host } = splitHostmask(msg.source);
        if (user !== "" && host !== "") session.userhost = `${user}@${host}`;
        event(`you joined ${p0}`);
      } else {
        session.addMember(p0, from);
        event(`${from} joined ${p0}`);
      }
      break;
    case "PART":
      if (self) session.parted(p0);
      else session.removeMember(p0, from);
      event(`${self ? "you" : from} left ${p0}${reasonSuffix(msg.params[1])}`);
      break;
    case "KICK":
      if (session.isMe(p1)) {
        session.parted(p0);
        event(`you were kicked from ${p0} by ${from}${reasonSuffix(msg.params[2])}`);
      } else {
        session.removeMember(p0, p1);
        event(`${p1} was kicked from ${p0} by ${from}${reasonSuffix(msg.params[2])}`);
      }
      break;
    case "QUIT":
      if (session.channelsOf(from).length > 0) event(`${from} quit${reasonSuffix(msg.params[0])}`);
      session.removeEverywhere(from);
      break;
    case "NICK": {
      const shown = self || session.channelsOf(from).length > 0;
      session.renamed(from, p0);
      if (shown) event(self ? `you are now known as ${p0}` : `${from} is now known as ${p0}`);
      break;
    }
    case "TOPIC": {
      const channel = session.channel(p0);
      if (channel) channel.topic = p1;
      event(`${from} set the topic of ${p0}: ${p1}`);
      break;
    }
    case "MODE":
      event(`${from || msg.source} sets mode ${msg.params.slice(1).join(" ")} on ${p0}`);
      break;
    case "INVITE":
      event(`${from} invites ${session.isMe(p0) ? "you" : p0} to ${p1} (/join ${p1})`);
      break;
    case "ERROR":
      out.lines.push({ kind: "error", time, text: `server: ${p0}` });
      break;
    case "AWAY":
    case "CAP":
    case "BATCH":
    case "PONG":
      break;
    case "001":
      session.registered = true;
      if (p0 !== "") session.nick = p0;
      out.lines.push({ kind: "server", time, text: p1 });
      break;
    case "005":
      session.applyIsupport(msg.params.slice(1, -1));
      break;
    case "353":
      // `353 <me> <symbol> <channel> :<entries>`
      for (const entry of (msg.params[3] ?? "").split(" ")) {
        if (entry !== "") session.addMember(p2, session.stripPrefixes(entry));
      }
      return numericOutcome(msg, time, out);
    case "332": {
      const channel = session.channel(p1);
      if (channel) channel.topic = p2;
      return numericOutcome(msg, time, out);
    }
    default:
      if (/^\d{3}$/.test(msg.command)) return numericOutcome(msg, time, out);
      out.lines.push({ kind: "server", time, text: `${msg.command} ${msg.params.join(" ")}` });
  }
  return out;
}

function numericOutcome(msg: IrcMessage, time: Date, out: Outcome): Outcome {
  const sentence = numericSentence(msg);
  if (sentence !== null) out.lines.push({ kind: sentence.kind, time, text: sentence.text });
  return out;
}

function chat(msg: IrcMessage, session: Session, time: Date, now: Date): Outcome {
  const out: Outcome = { lines: [], replies: [] };
  const [target = "", text = ""] = msg.params;
  const from = splitHostmask(msg.source).nick;
  const notice = msg.command === "NOTICE";
  // A notice from the server itself (no `nick!user@host`), or before we have a nick.
  if (!msg.source.includes("!") && (notice || from === "")) {
    out.lines.push({ kind: "server", time, text });
    return out;
  }
  const own = session.isMe(from);
  const isPrivate = !session.isChannel(target);
  const partner = isPrivate ? (own ? target : from) : target;
  const request = parseCtcp(text);
  if (request !== null && request.command !== "ACTION") {
    if (own) return out;
    if (notice) {
      out.lines.push({
        kind: "event",
        time,
        text: `CTCP ${request.command} reply from ${from}: ${request.args}`,
      });
      return out;
    }
    const reply = ctcpReply(request, now);
    if (reply !== null) out.replies.push(message("NOTICE", [from, reply]));
    out.lines.push({ kind: "event", time, text: `${from} asked CTCP ${request.command}` });
    return out;
  }
  if (!own) session.touch(from);
  out.lines.push({
    kind: "message",
    time,
    nick: from,
    target: partner,
    text: request === null ? text : request.args,
    style: request !== null ? "action" : notice ? "notice" : "privmsg",
    own,
    private: isPrivate,
  });
  return out;
}
