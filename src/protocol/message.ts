/** Parsing and serializing one IRC line (Modern IRC message grammar with IRCv3 tags). */
import { parseTags, serializeTags, type Tags } from "./tags.ts";

export interface IrcMessage {
  tags: Tags;
  /** `nick!user@host` or a server name, without the leading colon; "" when absent. */
  source: string;
  /** As received; the server uppercases it before looking it up. */
  command: string;
  params: string[];
}

export function message(command: string, params: string[] = [], source = "", tags: Tags = {}): IrcMessage {
  return { tags, source, command, params };
}

/**
 * Parses a line without its CRLF. Returns null for a line that holds no command
 * (empty, blank, or only tags/source), which servers silently ignore. A command starting
 * with `@` or `:` (after an empty tag section or source) is no command either: no IRC command
 * looks like that, and serialized without tags or source it would read back as one.
 */
export function parseMessage(line: string): IrcMessage | null {
  let pos = 0;
  const len = line.length;
  let tags: Tags = {};
  let source = "";

  const skipSpaces = () => {
    while (pos < len && line.charCodeAt(pos) === 32) pos++;
  };
  const token = () => {
    const end = line.indexOf(" ", pos);
    const stop = end === -1 ? len : end;
    const word = line.slice(pos, stop);
    pos = stop;
    return word;
  };

  skipSpaces();
  if (line.charCodeAt(pos) === 64 /* @ */) {
    pos++;
    tags = parseTags(token());
    skipSpaces();
  }
  if (line.charCodeAt(pos) === 58 /* : */) {
    pos++;
    source = token();
    skipSpaces();
  }
  const command = token();
  const first = command.charCodeAt(0);
  if (command === "" || first === 64 /* @ */ || first === 58 /* : */) return null;

  const params: string[] = [];
  for (;;) {
    skipSpaces();
    if (pos >= len) break;
    if (line.charCodeAt(pos) === 58 /* : */) {
      params.push(line.slice(pos + 1));
      break;
    }
    params.push(token());
  }
  return { tags, source, command, params };
}

const UNSAFE = /[\r\n\0]/g;
const HAS_UNSAFE = /[\r\n\0]/;

/** Removes CR, LF and NUL so no value can end a line early or inject a second one. */
export function stripUnsafe(text: string): string {
  return text.replace(UNSAFE, "");
}

/** True when a parameter can only be sent as the trailing (colon) parameter. */
export function needsTrailing(param: string): boolean {
  return param === "" || param.charCodeAt(0) === 58 || param.includes(" ");
}

/**
 * Serializes a message without CRLF. CR, LF and NUL are stripped from every part
 * (defence against line injection); the last parameter gets a colon only when it needs one,
 * unless `forceTrailing` asks for it (many clients expect `PRIVMSG #c :text`).
 */
export function serializeMessage(msg: IrcMessage, forceTrailing = false): string {
  const line = joinMessage(msg, forceTrailing);
  if (!HAS_UNSAFE.test(line)) return line;
  // Strip the parts before joining again: a last parameter such as "\n:x" must still get its colon.
  const source = stripUnsafe(msg.source);
  const clean = { ...msg, source, command: stripUnsafe(msg.command), params: msg.params.map(stripUnsafe) };
  // Tag values escape CR and LF; only a NUL in a value, or an unsafe key, is left to strip here.
  return stripUnsafe(joinMessage(clean, forceTrailing));
}

function joinMessage(msg: IrcMessage, forceTrailing: boolean): string {
  let out = "";
  const tagText = serializeTags(msg.tags);
  if (tagText !== "") out += `@${tagText} `;
  if (msg.source !== "") out += `:${msg.source} `;
  out += msg.command;
  const last = msg.params.length - 1;
  for (let i = 0; i <= last; i++) {
    const param = msg.params[i]!;
    out += i === last && (forceTrailing || needsTrailing(param)) ? ` :${param}` : ` ${param}`;
  }
  return out;
}
