/** Fitting free text (topics, reasons, messages) into limits counted in UTF-8 bytes. */
import { maxTextBytes, utf8Length } from "../protocol/split.ts";

/** Cuts text to at most `max` UTF-8 bytes without splitting a character. */
export function truncateBytes(text: string, max: number): string {
  if (text.length <= max / 4 || utf8Length(text) <= max) return text;
  let out = "";
  let bytes = 0;
  for (const ch of text) {
    const size = utf8Length(ch);
    if (bytes + size > max) break;
    out += ch;
    bytes += size;
  }
  return out;
}

/** Cuts the text so the relayed line, with the sender's full source, still fits 512 bytes. */
export function fitText(source: string, command: string, target: string, text: string): string {
  const room = maxTextBytes(source, command, target);
  return Buffer.byteLength(text) <= room ? text : truncateBytes(text, room);
}
