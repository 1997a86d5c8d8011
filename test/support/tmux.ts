/** A private tmux server per test: run a terminal program, type into it, read its screen. */
import { requireTool } from "./tools.ts";
import { waitFor } from "./wait.ts";

let counter = 0;

export class TmuxSession {
  private readonly socket = `nc-test-${process.pid}-${++counter}`;
  private readonly tmux = requireTool("tmux");

  private run(args: string[]): string {
    const result = Bun.spawnSync([this.tmux, "-L", this.socket, ...args], { stdout: "pipe", stderr: "pipe" });
    if (result.exitCode !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr.toString().trim()}`);
    return result.stdout.toString();
  }

  /** Starts `command` in a detached window of the given size, with extra environment. */
  start(command: string[], env: Record<string, string> = {}, width = 100, height = 30): void {
    const exports = Object.entries(env).flatMap(([k, v]) => ["-e", `${k}=${v}`]);
    this.run(["new-session", "-d", "-x", String(width), "-y", String(height), ...exports, "--", ...command]);
  }

  /** Types text literally (no key-name interpretation). */
  type(text: string): void {
    this.run(["send-keys", "-l", "--", text]);
  }

  /** Sends key names such as Enter, Tab, Up, C-c. */
  keys(...names: string[]): void {
    this.run(["send-keys", ...names]);
  }

  screen(): string {
    return this.run(["capture-pane", "-p"]);
  }

  /** Waits until the screen satisfies the check; the error shows the last screen. */
  async waitForScreen(
    check: string | RegExp | ((screen: string) => boolean),
    timeoutMs = 10_000,
  ): Promise<string> {
    const test =
      typeof check === "string"
        ? (s: string) => s.includes(check)
        : check instanceof RegExp
          ? (s: string) => check.test(s)
          : check;
    let last = "";
    try {
      await waitFor(
        () => {
          last = this.screen();
          return test(last);
        },
        `screen to show ${String(check)}`,
        timeoutMs,
      );
    } catch (e) {
      throw new Error(`${(e as Error).message}\n--- screen ---\n${last}`);
    }
    return last;
  }

  kill(): void {
    try {
      this.run(["kill-server"]);
    } catch {
      // Already gone: the program exited and took the session with it.
    }
  }
}
