/**
 * A connection's output. Lines are queued as strings with their UTF-8 length (a fan-out measures
 * its line once and queues the same string to every member) and written in one `write` per
 * event-loop turn: joining strings and letting the socket encode them costs less than encoding
 * each line and concatenating bytes. Bun does not buffer what the kernel refuses: the unsent tail
 * is kept here, as bytes, until `drain`.
 */
const encoder = new TextEncoder();

/** UTF-8 bytes of a line (Buffer.byteLength is native and does not allocate). */
export function byteLength(line: string): number {
  return Buffer.byteLength(line, "utf8");
}

/** Big enough that a normal turn (a few lines per client) still ends in a single write. */
const EARLY_WRITE_BYTES = 16_384;

export interface Writable {
  /** Bytes accepted (UTF-8 bytes for a string), or -1 when the socket is closed. */
  write(data: string | Uint8Array): number;
}

export class SendQueue {
  /** Null between turns, so an idle connection keeps no array (nor the capacity a burst left). */
  private lines: string[] | null = null;
  private pendingBytes = 0;
  private tail: Uint8Array | null = null;

  constructor(private readonly socket: Writable) {}

  /** Bytes waiting: queued lines plus what the kernel has not accepted yet. */
  get queuedBytes(): number {
    return this.pendingBytes + (this.tail === null ? 0 : this.tail.length);
  }

  /** Queues a line whose UTF-8 length is `bytes`. */
  push(line: string, bytes: number): void {
    if (this.lines === null) this.lines = [line];
    else this.lines.push(line);
    this.pendingBytes += bytes;
  }

  /**
   * True once enough is queued to be worth a write before the turn ends, so a client that gets a
   * big burst starts reading while the server is still producing it (the kernel accepted all
   * earlier writes; a client that does not read waits for `drain`).
   */
  get worthWritingNow(): boolean {
    return this.tail === null && this.pendingBytes >= EARLY_WRITE_BYTES;
  }

  /** Forgets everything queued (the connection is being dropped for not reading). */
  discard(): void {
    this.lines = null;
    this.pendingBytes = 0;
    this.tail = null;
  }

  /** Writes what the socket takes now; returns false when the socket is closed. */
  flush(): boolean {
    if (this.tail !== null) {
      const sent = this.socket.write(this.tail);
      if (sent < 0) return false;
      if (sent < this.tail.length) {
        this.tail = this.tail.subarray(sent);
        return true;
      }
      this.tail = null;
    }
    const lines = this.lines;
    if (lines === null) return true;
    const text = lines.length === 1 ? lines[0]! : lines.join("");
    const bytes = this.pendingBytes;
    this.lines = null;
    this.pendingBytes = 0;
    const sent = this.socket.write(text);
    if (sent < 0) return false;
    // Only a short write pays for encoding here, to find where the kernel stopped.
    if (sent < bytes) this.tail = encoder.encode(text).subarray(sent);
    return true;
  }
}

export interface Flushable {
  flushMarked: boolean;
  flush(): void;
}

/**
 * Collects the connections that got output during this turn and flushes each once, after the
 * current batch of socket events, so many lines to one client cost one syscall.
 */
export class FlushScheduler {
  private dirty: Flushable[] = [];
  private scheduled = false;

  mark(target: Flushable): void {
    if (target.flushMarked) return;
    target.flushMarked = true;
    this.dirty.push(target);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.run);
    }
  }

  private readonly run = (): void => {
    this.scheduled = false;
    const batch = this.dirty;
    this.dirty = [];
    for (const target of batch) {
      target.flushMarked = false;
      target.flush();
    }
  };
}
