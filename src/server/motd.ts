/** Reading the message of the day. */
import { readFileSync } from "node:fs";
import type { Logger } from "./log.ts";

/** MOTD lines, or null for none (422). A file that cannot be read is logged and treated as none. */
export function readMotd(path: string, log: Logger): string[] | null {
  if (path === "") return null;
  try {
    return motdLines(readFileSync(path, "utf8"));
  } catch (error) {
    log.warn("motd unreadable", `${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return null;
  }
}

/** Splits MOTD text into lines; CR, NUL and trailing blank lines dropped, long lines cut. */
export function motdLines(text: string): string[] {
  const lines = text
    .replace(/[\r\0]/g, "")
    .split("\n")
    .map((line) => line.slice(0, 400));
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  return lines;
}
