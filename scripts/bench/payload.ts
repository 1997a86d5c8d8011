/**
 * The text the load generator puts in each PRIVMSG: `~<sender> <seq> <sentAtUs> <padding>`.
 * The sender index and sequence number let receivers detect lost and duplicated lines; the send time (µs since
 * the epoch, shared by every process on the machine) gives end-to-end latency across generator processes.
 */

/** Microseconds since the epoch, with sub-millisecond precision, comparable between processes. */
export function nowUs(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}

export function encodePayload(sender: number, seq: number, sentAtUs: number, size: number): string {
  const head = `~${sender} ${seq} ${sentAtUs} `;
  return head + "x".repeat(Math.max(1, size - head.length));
}

export interface Payload {
  sender: number;
  seq: number;
  sentAtUs: number;
}

/** Reads the three integers after `~` starting at `start` in `line`; null when the line is not ours. */
export function decodePayload(line: string, start: number): Payload | null {
  if (line.charCodeAt(start) !== 126 /* ~ */) return null;
  const numbers = [0, 0, 0];
  let i = start + 1;
  for (let k = 0; k < 3; k++) {
    let n = 0;
    let digits = 0;
    for (let c = line.charCodeAt(i); c >= 48 && c <= 57; c = line.charCodeAt(++i)) {
      n = n * 10 + (c - 48);
      digits++;
    }
    if (digits === 0 || (k < 2 && line.charCodeAt(i) !== 32)) return null;
    numbers[k] = n;
    i++;
  }
  return { sender: numbers[0]!, seq: numbers[1]!, sentAtUs: numbers[2]! };
}

/** Where the trailing parameter of a PRIVMSG from a server starts (`:prefix PRIVMSG target :text`), or -1. */
export function trailingStart(line: string): number {
  const i = line.indexOf(" :", 1);
  return i < 0 ? -1 : i + 2;
}
