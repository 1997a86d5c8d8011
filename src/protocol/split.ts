/** Splitting long text into pieces that each fit one IRC line. */
import { MAX_LINE_BYTES } from "./limits.ts";

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Bytes left for the text of `:<source> <command> <target> :<text>\r\n` in a 512-byte line.
 * Pass the source as the server will relay it (`nick!user@host`), since that is what others receive.
 */
export function maxTextBytes(source: string, command: string, target: string): number {
  const overhead = utf8Length(`:${source} ${command} ${target} :`) + 2;
  return MAX_LINE_BYTES - overhead;
}

/**
 * Splits text into pieces of at most `maxBytes` UTF-8 bytes. It never cuts a character in two,
 * and prefers to break after the last space that leaves a piece at least half full; the space
 * stays at the end of the earlier piece, so joining the pieces gives back the text exactly.
 */
export function splitText(text: string, maxBytes: number): string[] {
  if (maxBytes < 4) throw new RangeError("maxBytes must leave room for one character");
  if (utf8Length(text) <= maxBytes) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (utf8Length(rest) > maxBytes) {
    const cut = cutIndex(rest, maxBytes);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest !== "") pieces.push(rest);
  return pieces;
}

/** The largest code-unit index whose prefix fits, moved back to a word boundary when one is near. */
function cutIndex(text: string, maxBytes: number): number {
  let bytes = 0;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes) break;
    bytes += size;
    i += cp > 0xffff ? 2 : 1;
  }
  const space = text.lastIndexOf(" ", i - 1);
  if (space > 0 && utf8Length(text.slice(0, space + 1)) >= maxBytes / 2) return space + 1;
  return i;
}
