/**
 * Fitting free text (topics, away messages, kick reasons) into their configured limits, counted in
 * UTF-8 bytes. Messages and PART/QUIT reasons are relayed as sent: a line that was valid from the
 * client reaches the others whole, even if the longer source makes it pass 512 bytes.
 */
import { utf8Length } from "../protocol/split.ts";

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
