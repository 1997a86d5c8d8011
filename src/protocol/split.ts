/** Splitting long text into pieces that each fit one IRC line. */
import { MAX_LINE_BYTES } from "./limits.ts";

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3; // including a lone surrogate, which goes out as U+FFFD
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

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Splits text into pieces of at most `maxBytes` UTF-8 bytes. It never cuts a character in two,
 * nor a cluster the reader sees as one (a letter and its accents, a flag, a ZWJ emoji) unless the
 * cluster alone exceeds `maxBytes`. It prefers to break after the last space that leaves a piece at
 * least half full; the space stays at the end of the earlier piece, so joining the pieces gives back
 * the text exactly.
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
  return clusterStart(text, i);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The start of the grapheme cluster that holds index `i`, or `i` itself when that cluster starts the text. */
function clusterStart(text: string, i: number): number {
  if (i >= text.length) return i;
  const c = text.charCodeAt(i);
  // Fast path: between two ASCII characters there is always a boundary, except inside CRLF.
  if (c < 0x80 && c !== 10 && text.charCodeAt(i - 1) < 0x80) return i;
  let start = 0;
  // Whether `i` is a boundary depends on what comes before it and on the code point at `i`.
  for (const { index } of graphemes.segment(text.slice(0, i + 2))) {
    if (index > i) break;
    start = index;
  }
  return start === 0 ? i : start;
}
