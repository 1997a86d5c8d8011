/**
 * A program in a real terminal: a tmux server on its own socket (only it is ever killed), one window of
 * a fixed size. Tests type keys and read the visible screen and cursor. Drives our client and server
 * prompts and third-party clients (irssi). Linux only (reads /proc for the program's process id).
 */
import { readFileSync } from "node:fs";
import { requireTool } from "./tools.ts";
import { waitFor } from "./wait.ts";

let windows = 0;

export class Terminal {
  private readonly socket = `nc-client-${process.pid}-${++windows}`;

  private readonly tmuxPath = requireTool("tmux");

  private constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  /**
   * Starts `command` in a width×height window; a missing tmux is an error (tests fail, never skip).
   * A shell around it prints `[exit N]` when it ends (tmux's own pane status is not always set);
   * its INT trap is a handler, so unlike an ignored signal it is not passed on to the client.
   */
  static async open(
    command: string[],
    env: Record<string, string> = {},
    width = 100,
    height = 40,
  ): Promise<Terminal> {
    const terminal = new Terminal(width, height);
    const envArgs = Object.entries(env).flatMap(([k, v]) => ["-e", `${k}=${v}`]);
    const shell = ["sh", "-c", `trap true INT; "$@"; echo "[exit $?]"; exec sleep 600`, "sh", ...command];
    await terminal.tmux([
      "new-session",
      "-d",
      "-x",
      String(width),
      "-y",
      String(height),
      ...envArgs,
      ...shell,
    ]);
    return terminal;
  }

  private async tmux(args: string[]): Promise<string> {
    const proc = Bun.spawn([this.tmuxPath, "-L", this.socket, ...args], { stdout: "pipe", stderr: "pipe" });
    const [code, out, err] = await Promise.all([
      proc.exited,
      new Response(proc.stdout).text(),
      new Response(proc.stderr).text(),
    ]);
    if (code !== 0) throw new Error(`tmux ${args.join(" ")}: ${err.trim()}`);
    return out;
  }

  /** The visible rows, trailing spaces trimmed. */
  async rows(): Promise<string[]> {
    const text = await this.tmux(["capture-pane", "-p"]);
    return text
      .replace(/\n$/, "")
      .split("\n")
      .map((r) => r.trimEnd());
  }

  /** The screen and its scrollback as one text, wrapped rows joined. */
  text(): Promise<string> {
    return this.tmux(["capture-pane", "-p", "-J", "-S", "-200"]);
  }

  /** Polls the screen text (with scrollback) until the pattern matches; the match. */
  async waitForText(pattern: RegExp, timeoutMs = 15_000): Promise<RegExpExecArray> {
    const text = await poll(
      String(pattern),
      () => this.text(),
      (t) => pattern.test(t),
      (t) => t,
      timeoutMs,
    );
    return pattern.exec(text)!;
  }

  /** The cursor as [column, row], both from 0. */
  async cursor(): Promise<[number, number]> {
    const [x, y] = (await this.tmux(["display-message", "-p", "#{cursor_x} #{cursor_y}"])).trim().split(" ");
    return [Number(x), Number(y)];
  }

  /** The client's exit status once it has ended, else null. */
  async exitStatus(): Promise<number | null> {
    const line = (await this.rows()).find((r) => /^\[exit \d+\]$/.test(r));
    return line === undefined ? null : Number(line.slice(6, -1));
  }

  /** The client's process id (the child of the shell in the pane). */
  async clientPid(): Promise<number> {
    const shell = (await this.tmux(["display-message", "-p", "#{pane_pid}"])).trim();
    const children = readFileSync(`/proc/${shell}/task/${shell}/children`, "utf8").trim();
    return Number(children.split(" ")[0]);
  }

  /** Waits for the client to end; its exit status. */
  async waitForExit(timeoutMs = 15_000): Promise<number> {
    const status = await poll(
      "the client's exit",
      () => this.exitStatus(),
      (s) => s !== null,
      String,
      timeoutMs,
    );
    return status!;
  }

  /** Pastes text the way a terminal does: in one go, each newline as Enter. */
  async paste(text: string): Promise<void> {
    await this.tmux(["set-buffer", "--", text]);
    await this.tmux(["paste-buffer", "-d"]);
  }

  /** Polls the screen until `ready(rows)` holds, with a deadline (a terminal can only be observed). */
  waitFor(what: string, ready: (rows: string[]) => boolean, timeoutMs = 15_000): Promise<string[]> {
    return poll(
      what,
      () => this.rows(),
      ready,
      (rows) => rows.join("\n"),
      timeoutMs,
    );
  }

  /** Waits for a row containing the text (or matching the pattern). */
  waitForRow(pattern: string | RegExp, timeoutMs?: number): Promise<string[]> {
    const test = (row: string) => (typeof pattern === "string" ? row.includes(pattern) : pattern.test(row));
    return this.waitFor(String(pattern), (rows) => rows.some(test), timeoutMs);
  }

  /** Types text as it is (no key names). */
  async type(text: string): Promise<void> {
    await this.tmux(["send-keys", "-l", text]);
  }

  /** Presses keys by name: Enter, Tab, C-c, Up … */
  async press(...keys: string[]): Promise<void> {
    await this.tmux(["send-keys", ...keys]);
  }

  /** Ends this tmux server (and the client in it). */
  async close(): Promise<void> {
    await this.tmux(["kill-server"]).catch(() => {});
  }
}

/** Reads until `done` holds or the deadline passes; the error shows the last reading. */
async function poll<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  show: (value: T) => string,
  timeoutMs: number,
): Promise<T> {
  let value!: T;
  try {
    const settled = async () => {
      value = await read();
      return done(value);
    };
    await waitFor(settled, what, timeoutMs);
  } catch (e) {
    throw new Error(`${(e as Error).message}; the screen shows:\n${show(value)}`);
  }
  return value;
}
