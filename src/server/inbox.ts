/** A client's waiting commands: FIFO with O(1) take, since a flood can queue thousands. */
import type { Input } from "./input.ts";

export class Inbox {
  /** Null while empty, which is almost always: an idle connection holds no array. */
  private items: Input[] | null = null;
  private head = 0;

  get length(): number {
    return this.items === null ? 0 : this.items.length - this.head;
  }

  push(input: Input): void {
    if (this.items === null) this.items = [input];
    else this.items.push(input);
  }

  /** The oldest command; call only when length > 0. */
  take(): Input {
    const items = this.items!;
    const input = items[this.head++]!;
    if (this.head === items.length) {
      this.items = null;
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= items.length) {
      this.items = items.slice(this.head);
      this.head = 0;
    }
    return input;
  }
}
