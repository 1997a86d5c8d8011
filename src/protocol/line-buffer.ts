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
  /**
   * The unfinished line, as the pieces it arrived in. Joining them only once its newline comes keeps
   * a line sent a byte at a time linear, not quadratic, in copying. Null between lines: thousands of
   * idle connections each holding an empty array add up.
   */
  private pending: Uint8Array[] | null = null;
  private pendingBytes = 0;

  constructor(private readonly maxPending: number) {}

  push(chunk: Uint8Array): LineBufferResult {
    const lines: Uint8Array[] = [];
    let start = 0;
    let nl = chunk.indexOf(10);
    if (nl !== -1 && this.pending !== null) {
      this.pending.push(chunk.subarray(0, nl));
      lines.push(withoutCR(concat(this.pending, this.pendingBytes + nl)));
      this.pending = null;
      this.pendingBytes = 0;
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    while (nl !== -1) {
      // One view per line: the CR is left out of the slice rather than cut from a second view.
      lines.push(chunk.subarray(start, nl > start && chunk[nl - 1] === 13 ? nl - 1 : nl));
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    if (start < chunk.length) {
      this.pendingBytes += chunk.length - start;
      if (this.pendingBytes > this.maxPending) return { lines, overflow: true };
      // Copy, so the socket's chunk buffer is not retained by a small tail.
      const piece = chunk.slice(start);
      if (this.pending === null) this.pending = [piece];
      else this.pending.push(piece);
    }
    return { lines, overflow: false };
  }
}

function withoutCR(line: Uint8Array): Uint8Array {
  return line.length > 0 && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line;
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
