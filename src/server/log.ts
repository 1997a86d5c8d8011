/** One line per event on stderr, filtered by level. */
import type { LogLevel } from "./config.ts";

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  level: LogLevel;
  debug(event: string, detail?: string): void;
  info(event: string, detail?: string): void;
  warn(event: string, detail?: string): void;
  error(event: string, detail?: string): void;
}

/** `write` is injectable so tests can capture lines; the clock too, for stable timestamps. */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  now: () => Date = () => new Date(),
): Logger {
  const logger: Logger = {
    level,
    debug: (event, detail) => emit("debug", event, detail),
    info: (event, detail) => emit("info", event, detail),
    warn: (event, detail) => emit("warn", event, detail),
    error: (event, detail) => emit("error", event, detail),
  };
  function emit(at: LogLevel, event: string, detail?: string): void {
    if (RANK[at] < RANK[logger.level]) return;
    write(`${now().toISOString()} ${at.toUpperCase().padEnd(5)} ${event}${detail ? ` ${detail}` : ""}`);
  }
  return logger;
}
