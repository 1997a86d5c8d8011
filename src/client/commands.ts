/** What a line typed by the user means: text for the current target, or a slash command. Pure. */
import { type IrcMessage, maxTextBytes, message, parseMessage, splitText } from "../protocol/index.ts";
import { normalizeChannel } from "./args.ts";
import { ctcp } from "./ctcp.ts";
import type { ChatLine } from "./format.ts";
import type { Session } from "./session.ts";

export type Action =
  | { type: "send"; msg: IrcMessage }
  | { type: "show"; line: ChatLine }
  | { type: "target"; target: string }
  /** Make this channel the target once the server confirms the join. */
  | { type: "switch-on-join"; channel: string }
  | { type: "bell"; on: boolean }
  | { type: "quit"; reason: string };

interface Command {
  usage: string;
  help: string;
  /** `args` is the text after the command name, trimmed. */
  run(args: string, session: Session, now: Date): Action[];
}

const CTCP_ACTION_BYTES = utf8("\x01ACTION \x01");

function utf8(text: string): number {
  return new TextEncoder().encode(text).length;
}

const show = (line: ChatLine): Action => ({ type: "show", line });
const note = (text: string, now: Date): Action => show({ kind: "event", time: now, text });
const problem = (text: string, now: Date): Action => show({ kind: "error", time: now, text });
const send = (command: string, params: string[]): Action => ({ type: "send", msg: message(command, params) });

/** The first word and the rest. */
function word(text: string): [string, string] {
  const space = text.indexOf(" ");
  return space === -1 ? [text, ""] : [text.slice(0, space), text.slice(space + 1).trimStart()];
}

/**
 * The text in pieces that fit; a piece broken at a space loses that space, as servers strip
 * trailing spaces anyway (each piece is shown as a message of its own).
 */
function pieces(text: string, room: number): string[] {
  const split = splitText(text, room);
  return split.map((piece, i) => (i < split.length - 1 && piece.endsWith(" ") ? piece.slice(0, -1) : piece));
}

/**
 * PRIVMSGs carrying `text` to `target`, split so that nothing is cut when the server relays them
 * with our full `nick!user@host`; shown locally unless the server echoes our messages back.
 */
export function say(target: string, text: string, session: Session, now: Date, action = false): Action[] {
  const room = maxTextBytes(session.ownSource(), "PRIVMSG", target) - (action ? CTCP_ACTION_BYTES : 0);
  const actions: Action[] = [];
  for (const piece of pieces(text, room)) {
    actions.push(send("PRIVMSG", [target, action ? ctcp("ACTION", piece) : piece]));
    if (!session.caps.has("echo-message")) {
      actions.push(
        show({
          kind: "message",
          time: now,
          nick: session.nick,
          target,
          text: piece,
          style: action ? "action" : "privmsg",
          own: true,
          private: !session.isChannel(target),
        }),
      );
    }
  }
  return actions;
}

/** The current target when it is a channel, or the first word of args when that names a channel. */
function channelArg(args: string, session: Session): [string | null, string] {
  const [first, rest] = word(args);
  if (first !== "" && session.isChannel(first)) return [first, rest];
  const current = session.target !== null && session.isChannel(session.target) ? session.target : null;
  return [current, args];
}

const NO_CHANNEL = "no current channel: /join #name first, or name the channel";

/** `COMMAND <word>` with the first word of args, or the usage when there is none. */
function oneWord(command: string, usage: string, args: string, now: Date): Action[] {
  return args === "" ? [problem(`usage: ${usage}`, now)] : [send(command, [word(args)[0]])];
}

/** `COMMAND <channel> [text]` for the channel named first, else the current one. */
function channelCommand(command: string, args: string, s: Session, now: Date): Action[] {
  const [channel, text] = channelArg(args, s);
  if (channel === null) return [problem(NO_CHANNEL, now)];
  return [send(command, text === "" ? [channel] : [channel, text])];
}

export const COMMANDS: Record<string, Command> = {
  help: {
    usage: "/help [command]",
    help: "list the commands, or explain one",
    run: (args, _s, now) => helpText(args.replace(/^\//, ""), now),
  },
  join: {
    usage: "/join #channel [key]",
    help: "join a channel and make it the current target",
    run: (args, _s, now) => {
      const [name, key] = word(args);
      if (name === "") return [problem("usage: /join #channel [key]", now)];
      const channel = normalizeChannel(name);
      return [{ type: "switch-on-join", channel }, send("JOIN", key === "" ? [channel] : [channel, key])];
    },
  },
  part: {
    usage: "/part [#channel] [reason]",
    help: "leave the current (or named) channel",
    run: (args, s, now) => channelCommand("PART", args, s, now),
  },
  msg: {
    usage: "/msg nick|#channel text",
    help: "send one message without changing the current target",
    run: (args, s, now) => {
      const [target, text] = word(args);
      if (target === "" || text === "") return [problem("usage: /msg nick|#channel text", now)];
      return say(target, text, s, now);
    },
  },
  query: {
    usage: "/query nick|#channel",
    help: "make a nick (private chat) or a channel the current target",
    run: (args, _s, now) => {
      const [target] = word(args);
      if (target === "") return [problem("usage: /query nick|#channel", now)];
      return [{ type: "target", target }, note(`now talking to ${target}`, now)];
    },
  },
  me: {
    usage: "/me action",
    help: "describe what you do: * nick waves",
    run: (args, s, now) => {
      if (s.target === null) return [problem(NO_CHANNEL, now)];
      if (args === "") return [problem("usage: /me action", now)];
      return say(s.target, args, s, now, true);
    },
  },
  nick: {
    usage: "/nick newnick",
    help: "change your nickname",
    run: (args, _s, now) => oneWord("NICK", "/nick newnick", args, now),
  },
  topic: {
    usage: "/topic [#channel] [new topic]",
    help: "show or set the topic",
    run: (args, s, now) => channelCommand("TOPIC", args, s, now),
  },
  names: {
    usage: "/names [#channel]",
    help: "list who is in a channel",
    run: (args, s, now) => channelCommand("NAMES", args, s, now),
  },
  list: {
    usage: "/list [pattern]",
    help: "list channels",
    run: (args) => [send("LIST", args === "" ? [] : [args])],
  },
  whois: {
    usage: "/whois nick",
    help: "who is this nick",
    run: (args, _s, now) => oneWord("WHOIS", "/whois nick", args, now),
  },
  away: {
    usage: "/away [reason]",
    help: "mark yourself away",
    run: (args) => [send("AWAY", [args === "" ? "away" : args])],
  },
  back: {
    usage: "/back",
    help: "you are no longer away",
    run: () => [send("AWAY", [])],
  },
  invite: {
    usage: "/invite nick [#channel]",
    help: "invite someone to the current (or named) channel",
    run: (args, s, now) => {
      const [nick, rest] = word(args);
      const [channel] = channelArg(rest, s);
      if (nick === "") return [problem("usage: /invite nick [#channel]", now)];
      return channel === null ? [problem(NO_CHANNEL, now)] : [send("INVITE", [nick, channel])];
    },
  },
  kick: {
    usage: "/kick [#channel] nick [reason]",
    help: "remove someone from a channel",
    run: (args, s, now) => {
      const [channel, rest] = channelArg(args, s);
      const [nick, reason] = word(rest);
      if (nick === "") return [problem("usage: /kick [#channel] nick [reason]", now)];
      if (channel === null) return [problem(NO_CHANNEL, now)];
      return [send("KICK", reason === "" ? [channel, nick] : [channel, nick, reason])];
    },
  },
  mode: {
    usage: "/mode [#channel|nick] [modes [args]]",
    help: "show or change modes of the current channel (or of a named channel or yourself)",
    run: (args, s, now) => {
      const [first] = word(args);
      if (first !== "" && (s.isChannel(first) || s.isMe(first))) return [send("MODE", args.split(/\s+/))];
      const [channel] = channelArg("", s);
      if (channel === null) return [problem(NO_CHANNEL, now)];
      return [send("MODE", [channel, ...(args === "" ? [] : args.split(/\s+/))])];
    },
  },
  quote: {
    usage: "/quote RAW IRC LINE",
    help: "send a line to the server as it is",
    run: (args, _s, now) => {
      const msg = parseMessage(args);
      return msg === null ? [problem("usage: /quote RAW IRC LINE", now)] : [{ type: "send", msg }];
    },
  },
  set: {
    usage: "/set bell on|off",
    help: "ring the terminal bell when your nick is mentioned, or not",
    run: (args, _s, now) => {
      const [key, value] = word(args);
      if (key !== "bell" || (value !== "on" && value !== "off"))
        return [problem("usage: /set bell on|off", now)];
      return [{ type: "bell", on: value === "on" }, note(`bell ${value}`, now)];
    },
  },
  quit: {
    usage: "/quit [reason]",
    help: "leave the server and exit",
    run: (args) => [{ type: "quit", reason: args === "" ? "leaving" : args }],
  },
};

export const COMMAND_NAMES = Object.keys(COMMANDS).sort();

function helpText(name: string, now: Date): Action[] {
  if (name !== "") {
    const command = COMMANDS[name.toLowerCase()];
    if (!command) return [problem(`no command /${name}; /help lists them`, now)];
    return [note(`${command.usage}: ${command.help}`, now)];
  }
  return [
    note("commands (text without / goes to the current target; // sends a line starting with /):", now),
    ...COMMAND_NAMES.map((n) => note(`  ${COMMANDS[n]!.usage.padEnd(38)} ${COMMANDS[n]!.help}`, now)),
    note(
      "keys: Tab completes nicks, channels and commands; Up/Down walk the input history; Ctrl-C quits",
      now,
    ),
  ];
}

/** Actions for one line of input. An unknown command gets a hint and is never sent as text. */
export function interpretInput(line: string, session: Session, now: Date): Action[] {
  if (line.trim() === "") return [];
  if (line.startsWith("/") && !line.startsWith("//")) {
    const [name, args] = word(line.slice(1).trim());
    const command = COMMANDS[name.toLowerCase()];
    if (!command) return [problem(`unknown command /${name}; /help lists the commands`, now)];
    return command.run(args.trim(), session, now);
  }
  const text = line.startsWith("//") ? line.slice(1) : line;
  if (session.target === null) return [problem(NO_CHANNEL, now)];
  return say(session.target, text, session, now);
}
