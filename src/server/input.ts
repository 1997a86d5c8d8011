/**
 * Turning one received line (bytes, CRLF already removed) into a command, or into the reason it is
 * refused. Checks run before parsing so an oversize or malformed line never reaches a handler.
 * The replies (commands.ts): too-long → 417 ERR_INPUTTOOLONG; invalid UTF-8 → `FAIL <cmd>
 * INVALID_UTF8` (we advertise UTF8ONLY); a NUL or bare CR inside the line, or more than 15
 * parameters → 400 ERR_UNKNOWNERROR naming the command. None of them is executed.
 */
import { MAX_CLIENT_TAGS_BYTES, MAX_PARAMS, MAX_TAGS_BYTES } from "../protocol/limits.ts";
import { type IrcMessage, parseMessage } from "../protocol/message.ts";

export type Rejection = "too-long" | "control" | "utf8" | "params";

export type Input = { msg: IrcMessage } | { rejected: Rejection; command: string };

const strict = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8");

const SPACE = 32;
const AT = 64;

/**
 * `lineBytes` counts the line without its tag section but with CRLF, as the Modern IRC document
 * does. Returns null for lines to ignore silently (empty, blank, tags only).
 */
export function decodeLine(bytes: Uint8Array, lineBytes: number): Input | null {
  let start = 0;
  if (bytes[0] === AT) {
    const space = bytes.indexOf(SPACE);
    if (space === -1) return null;
    start = space + 1;
    if (start > MAX_TAGS_BYTES || clientTagBytes(bytes.subarray(1, space)) > MAX_CLIENT_TAGS_BYTES) {
      return { rejected: "too-long", command: commandOf(bytes) };
    }
  }
  if (bytes.length - start + 2 > lineBytes) return { rejected: "too-long", command: commandOf(bytes) };
  // Bare CR is already gone from the end; one left inside a line, or a NUL, could confuse other software.
  if (bytes.indexOf(0) !== -1 || bytes.indexOf(13) !== -1)
    return { rejected: "control", command: commandOf(bytes) };
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    return { rejected: "utf8", command: commandOf(bytes) };
  }
  const msg = parseMessage(text);
  if (msg === null) return null;
  if (msg.params.length > MAX_PARAMS) return { rejected: "params", command: msg.command.toUpperCase() };
  msg.command = msg.command.toUpperCase();
  return { msg };
}

/** Bytes of the `+` (client-only) tags in a tag section, separators included. */
function clientTagBytes(section: Uint8Array): number {
  let total = 0;
  let itemStart = 0;
  for (let i = 0; i <= section.length; i++) {
    if (i === section.length || section[i] === 59 /* ; */) {
      if (section[itemStart] === 43 /* + */) total += i - itemStart + 1;
      itemStart = i + 1;
    }
  }
  return total;
}

/** The command word of a line that will not be executed, for the error reply (sanitized by the serializer). */
function commandOf(bytes: Uint8Array): string {
  const from = bytes[0] === AT ? bytes.indexOf(SPACE) + 1 : 0;
  const head = lenient.decode(bytes.subarray(from, from + 1024)).replace(/[\0\r]/g, " ");
  const msg = parseMessage(head);
  const command = msg?.command.toUpperCase() ?? "*";
  return /^[A-Z0-9]{1,32}$/.test(command) ? command : "*";
}
