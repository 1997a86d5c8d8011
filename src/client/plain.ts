/** Plain mode for scripts and pipes: stdin lines in, one output line per message out, flushed at once. */
import { createInterface } from "node:readline";
import type { Ui, UiHandlers } from "./ui.ts";

export class PlainUi implements Ui {
  private readonly rl;

  constructor(handlers: UiHandlers) {
    this.rl = createInterface({ input: process.stdin, terminal: false });
    this.rl.on("line", (line) => handlers.input(line));
    this.rl.on("close", () => handlers.end());
  }

  print(lines: string[]): void {
    process.stdout.write(`${lines.join("\n")}\n`);
  }

  setPrompt(): void {}

  close(): void {
    this.rl.close();
  }
}
