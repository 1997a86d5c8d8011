/** A client's waiting commands: FIFO with O(1) take, since a flood can queue thousands. */
import type { Input } from "./input.ts";

export class Inbox {
  private items: Input[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(input: Input): void {
    this.items.push(input);
  }

  /** The oldest command; call only when length > 0. */
  take(): Input {
    const input = this.items[this.head++]!;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return input;
  }
}
