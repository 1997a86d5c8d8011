/**
 * A command running in a real terminal: a private tmux server (its own socket, so other tmux users are
 * untouched) with one pane. Tests type keys and wait for text to appear on the screen.
 */
import { test } from "bun:test";

/** tmux, if installed. */
export const TMUX: string | undefined = Bun.which("tmux") ?? undefined;

/** Terminal tests run where tmux is; under CI they run regardless, so a missing tmux fails them. */
export const terminalTest = TMUX === undefined && process.env.CI !== "true" ? test.skip : test;

let paneCounter = 0;

function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

export class TmuxPane {
  private readonly socket = `nc-cli-${process.pid}-${++paneCounter}`;

  private constructor(private readonly tmux: string) {}

  /** Runs `command` in a fresh 160×40 terminal; when it ends the pane shows `[exit N]`. */
  static async start(command: string[]): Promise<TmuxPane> {
    if (TMUX === undefined)
      throw new Error("tmux is required for the terminal tests (apt-get install -y tmux)");
    const pane = new TmuxPane(TMUX);
    // `read` keeps the pane open after the command so its last words and exit code stay visible; the
    // trap keeps the shell alive through a Ctrl-C meant for the command (a trap, unlike an ignored
    // signal, is not inherited).
    const script = `trap 'true' INT; ${command.map(shellQuote).join(" ")}; echo "[exit $?]"; read _`;
    await pane.run(["new-session", "-d", "-x", "160", "-y", "40", "sh", "-c", script]);
    return pane;
  }

  private async run(args: string[]): Promise<string> {
    const proc = Bun.spawn([this.tmux, "-L", this.socket, ...args], { stdout: "pipe", stderr: "pipe" });
    const [code, out, err] = await Promise.all([
      proc.exited,
      new Response(proc.stdout).text(),
      new Response(proc.stderr).text(),
    ]);
    if (code !== 0) throw new Error(`tmux ${args[0]} failed (${code}): ${err.trim()}`);
    return out;
  }

  /** The screen (and scrollback), wrapped lines joined. */
  screen(): Promise<string> {
    return this.run(["capture-pane", "-p", "-J", "-S", "-200"]);
  }

  /** Waits until the screen matches; the poll is the only way to observe a terminal. */
  async waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<RegExpExecArray> {
    const deadline = performance.now() + timeoutMs;
    let screen = "";
    while (performance.now() < deadline) {
      screen = await this.screen();
      const match = pattern.exec(screen);
      if (match) return match;
      await Bun.sleep(50);
    }
    throw new Error(`screen never matched ${pattern} within ${timeoutMs} ms; it shows:\n${screen}`);
  }

  /** Types text literally (no key names). */
  type(text: string): Promise<string> {
    return this.run(["send-keys", "-l", text]);
  }

  /** Sends key names: Enter, BSpace, C-c, … */
  keys(...names: string[]): Promise<string> {
    return this.run(["send-keys", ...names]);
  }

  /** Ends this tmux server and everything in it. */
  async close(): Promise<void> {
    await this.run(["kill-server"]).catch(() => {});
  }
}
