/**
 * The chat screen: node:readline edits the input line; incoming lines are printed above it without
 * disturbing what is being typed. Input wider than the terminal wraps, so the whole input area
 * (every wrapped row) is cleared before printing and redrawn after.
 */
import { clearScreenDown, createInterface, cursorTo, type Interface, moveCursor } from "node:readline";
import { type CompletionSources, TabCycle } from "./completion.ts";
import type { Ui, UiHandlers } from "./ui.ts";

/** A paste of more lines than this asks before sending them all. */
export const PASTE_CONFIRM_LINES = 5;

export class Screen implements Ui {
  private readonly rl: Interface;
  private readonly out = process.stdout;
  private pendingPrint: string[] = [];
  private bell = false;
  private printQueued = false;
  /** Lines entered in one event-loop turn: more than one means a paste. */
  private batch: string[] = [];
  private awaitingConfirm: string[] | null = null;
  private label = "";
  private closed = false;

  constructor(
    private readonly handlers: UiHandlers,
    sources: () => CompletionSources,
  ) {
    const tabs = new TabCycle();
    this.rl = createInterface({
      input: process.stdin,
      output: this.out,
      terminal: true,
      historySize: 500,
      removeHistoryDuplicates: true,
      completer: (line: string) => tabs.complete(line, sources()),
    });
    this.rl.on("line", (line) => this.entered(line));
    this.rl.on("SIGINT", () => handlers.end());
    this.rl.on("close", () => {
      if (!this.closed) handlers.end();
    });
    this.out.on("resize", () => this.rl.prompt(true));
  }

  setPrompt(label: string): void {
    this.label = label;
    if (this.awaitingConfirm === null) this.applyPrompt(`[${label}] `);
  }

  print(lines: string[], bell: boolean): void {
    this.pendingPrint.push(...lines);
    this.bell ||= bell;
    if (!this.printQueued) {
      this.printQueued = true;
      // Many lines arriving together are drawn with one clear and one redraw of the input.
      setImmediate(() => this.flushPrint());
    }
  }

  close(): void {
    if (this.closed) return;
    this.flushPrint();
    this.closed = true;
    try {
      // What is left on the terminal is the conversation, not a prompt nobody reads any more.
      this.clearInput();
      this.rl.close();
    } catch {
      // The terminal is gone (SIGHUP): its mode cannot be restored, and nothing is left to restore.
    }
  }

  private applyPrompt(prompt: string): void {
    this.rl.setPrompt(prompt);
    if (!this.closed) this.rl.prompt(true);
  }

  /** Clears prompt and input, from the first row of the input area (it may have wrapped over several). */
  private clearInput(): void {
    const { rows } = this.rl.getCursorPos();
    moveCursor(this.out, 0, -rows);
    cursorTo(this.out, 0);
    clearScreenDown(this.out);
  }

  private flushPrint(): void {
    this.printQueued = false;
    if (this.pendingPrint.length === 0 || this.closed) return;
    const text = this.pendingPrint.join("\n");
    this.pendingPrint = [];
    this.clearInput();
    this.out.write(`${text}\n${this.bell ? "\x07" : ""}`);
    this.bell = false;
    this.redrawInput();
  }

  /** Takes the line just entered off the screen: it comes back formatted, as the message sent. */
  private eraseEntered(line: string): void {
    const width = Bun.stringWidth(this.rl.getPrompt() + line);
    const rows = Math.max(1, Math.ceil(width / (this.out.columns || 80)));
    moveCursor(this.out, 0, -rows);
    cursorTo(this.out, 0);
    clearScreenDown(this.out);
  }

  /**
   * Draws prompt and input on the current row. readline would first move up to where it drew them
   * last (`prevRows`), but we already cleared that area and printed below it.
   */
  private redrawInput(): void {
    (this.rl as unknown as { prevRows: number }).prevRows = 0;
    this.rl.prompt(true);
  }

  private entered(line: string): void {
    this.eraseEntered(line);
    if (this.awaitingConfirm !== null) {
      const lines = this.awaitingConfirm;
      this.awaitingConfirm = null;
      this.applyPrompt(`[${this.label}] `);
      if (/^y(es)?$/i.test(line.trim())) for (const l of lines) this.handlers.input(l);
      else this.print([`(${lines.length} pasted lines not sent)`], false);
      return;
    }
    this.batch.push(line);
    if (this.batch.length === 1) setImmediate(() => this.flushBatch());
  }

  private flushBatch(): void {
    const lines = this.batch;
    this.batch = [];
    if (lines.length > PASTE_CONFIRM_LINES) {
      this.awaitingConfirm = lines;
      this.applyPrompt(`send ${lines.length} pasted lines? [y/N] `);
      return;
    }
    for (const line of lines) this.handlers.input(line);
    this.redrawInput();
  }
}
