/** Turning what happened into one line of text for the screen or stdout. Pure. */
import type pc from "picocolors";

export type Colors = ReturnType<typeof pc.createColors>;

export type ChatLine =
  | {
      kind: "message";
      time: Date;
      nick: string;
      /** The channel, or for a private message the other nick. */
      target: string;
      text: string;
      style: "privmsg" | "action" | "notice";
      own: boolean;
      private: boolean;
    }
  /** Joins, parts, quits, nick changes, topics, kicks, modes and replies: shown dimmed after `--`. */
  | { kind: "event"; time: Date; text: string }
  /** Server text worth reading as it is (MOTD, welcome). */
  | { kind: "server"; time: Date; text: string }
  | { kind: "error"; time: Date; text: string };

export interface FormatContext {
  colors: Colors;
  ownNick: string;
  /** The current target, folded: messages elsewhere are labelled with their channel. */
  currentTarget: string | null;
  fold(name: string): string;
}

export interface FormattedLine {
  text: string;
  /** Someone mentioned our nick: ring the bell. */
  highlight: boolean;
}

export function clock(time: Date): string {
  return `${String(time.getHours()).padStart(2, "0")}:${String(time.getMinutes()).padStart(2, "0")}`;
}

/** Colours a nick can get; none is the default foreground, red (errors) or dim (events). */
const NICK_COLORS = [
  "cyan",
  "green",
  "yellow",
  "blue",
  "magenta",
  "greenBright",
  "yellowBright",
  "blueBright",
  "magentaBright",
  "cyanBright",
] as const;

/** FNV-1a of the folded nick: the same nick gets the same colour in every session. */
export function nickColorIndex(foldedNick: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < foldedNick.length; i++) {
    hash ^= foldedNick.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % NICK_COLORS.length;
}

export function colorNick(nick: string, ctx: FormatContext): string {
  return ctx.colors[NICK_COLORS[nickColorIndex(ctx.fold(nick))]!](nick);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** True when the nick appears in the text as a word of its own (case-insensitively). */
export function mentions(text: string, nick: string): boolean {
  if (nick === "") return false;
  const word = new RegExp(
    `(^|[^A-Za-z0-9\\[\\]\\\\\`_^{|}-])${escapeRegExp(nick)}($|[^A-Za-z0-9\\[\\]\\\\\`_^{|}-])`,
    "i",
  );
  return word.test(text);
}

/**
 * Text safe for a terminal: IRC colour codes (`\x03` + digits, `\x04` + hex) and every control character
 * but tab removed, so nobody can move the cursor, clear the screen or ring the bell with a message.
 */
export function printable(text: string): string {
  return text
    .replace(/\x03(\d{1,2}(,\d{1,2})?)?|\x04([0-9a-fA-F]{6}(,[0-9a-fA-F]{6})?)?/g, "")
    .replace(/[\x00-\x08\x0a-\x1f\x7f]/g, "");
}

export function formatLine(line: ChatLine, ctx: FormatContext): FormattedLine {
  const c = ctx.colors;
  const time = c.dim(clock(line.time));
  switch (line.kind) {
    case "event":
      return { text: `${time} ${c.dim(`-- ${printable(line.text)}`)}`, highlight: false };
    case "server":
      return { text: `${time} ${printable(line.text)}`, highlight: false };
    case "error":
      return { text: `${time} ${c.red(`!! ${printable(line.text)}`)}`, highlight: false };
    case "message":
      return formatMessage(line, time, ctx);
  }
}

function formatMessage(
  line: Extract<ChatLine, { kind: "message" }>,
  time: string,
  ctx: FormatContext,
): FormattedLine {
  const c = ctx.colors;
  const text = printable(line.text);
  const nick = colorNick(line.nick, ctx);
  const elsewhere =
    !line.private && ctx.currentTarget !== null && ctx.fold(line.target) !== ctx.currentTarget;
  const where = elsewhere ? `${line.target} ` : "";
  let body: string;
  if (line.style === "action") body = `${where}* ${nick} ${text}`;
  else if (line.style === "notice") body = `${where}-${nick}- ${text}`;
  else if (line.private)
    body = line.own ? `-> *${colorNick(line.target, ctx)}* ${text}` : `*${nick}* ${text}`;
  else body = `${where}<${nick}> ${text}`;
  const highlight = !line.own && (line.private || mentions(text, ctx.ownNick));
  if (!highlight) return { text: `${time} ${body}`, highlight };
  // Recolour the whole line so the mention stands out, nick colour included.
  const plainBody = body.replace(/\x1b\[[0-9;]*m/g, "");
  return { text: `${time} ${c.bold(c.yellow(plainBody))}`, highlight };
}
