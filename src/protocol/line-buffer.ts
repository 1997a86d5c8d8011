/** Framing a byte stream into IRC lines, with a bound on how long an unfinished line may grow. */

export interface LineBufferResult {
  lines: Uint8Array[];
  /** True when more than `maxPending` bytes arrived without a newline: the peer should be dropped. */
  overflow: boolean;
}

/**
 * Splits on LF and drops one CR before it. Bytes are kept as bytes so the caller decides
 * what to do with invalid UTF-8 (reject, or decode with replacement).
 */
export class LineBuffer {
  private pending: Uint8Array | null = null;

  constructor(private readonly maxPending: number) {}

  push(chunk: Uint8Array): LineBufferResult {
    const lines: Uint8Array[] = [];
    let data = chunk;
    if (this.pending !== null) {
      data = new Uint8Array(this.pending.length + chunk.length);
      data.set(this.pending);
      data.set(chunk, this.pending.length);
      this.pending = null;
    }
    let start = 0;
    for (;;) {
      const nl = data.indexOf(10, start);
      if (nl === -1) break;
      const end = nl > start && data[nl - 1] === 13 ? nl - 1 : nl;
      lines.push(data.subarray(start, end));
      start = nl + 1;
    }
    if (start < data.length) {
      const rest = data.subarray(start);
      if (rest.length > this.maxPending) return { lines, overflow: true };
      // Copy, so the socket's chunk buffer is not retained by a small tail.
      this.pending = rest.slice();
    }
    return { lines, overflow: false };
  }
}
