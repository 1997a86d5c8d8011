/**
 * A connection's output. Lines arrive already encoded (a fan-out encodes once and appends the same
 * bytes to every member) and are written in one `write` per event-loop turn. Bun does not buffer
 * what the kernel refuses: the unsent tail is kept here until `drain`.
 */
const encoder = new TextEncoder();

/** UTF-8 bytes of a line; TextEncoder is several times faster than Buffer.from for short strings. */
export function encode(line: string): Uint8Array {
  return encoder.encode(line);
}

export interface Writable {
  /** Bytes accepted, or -1 when the socket is closed. */
  write(data: Uint8Array): number;
}

export class SendQueue {
  private chunks: Uint8Array[] = [];
  private pendingBytes = 0;
  private tail: Uint8Array | null = null;

  constructor(private readonly socket: Writable) {}

  /** Bytes waiting: queued lines plus what the kernel has not accepted yet. */
  get queuedBytes(): number {
    return this.pendingBytes + (this.tail === null ? 0 : this.tail.length);
  }

  push(line: Uint8Array): void {
    this.chunks.push(line);
    this.pendingBytes += line.length;
  }

  /** Forgets everything queued (the connection is being dropped for not reading). */
  discard(): void {
    this.chunks.length = 0;
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
    if (this.chunks.length === 0) return true;
    // Concatenating bytes is several times cheaper than joining strings and encoding them again.
    const data = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.pendingBytes);
    this.chunks.length = 0;
    this.pendingBytes = 0;
    const sent = this.socket.write(data);
    if (sent < 0) return false;
    if (sent < data.length) this.tail = data.subarray(sent);
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
