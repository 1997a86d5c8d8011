/** Waiting for lines from a stream with a deadline: the only synchronisation tests use. */

export type LineMatcher = string | RegExp | ((line: string) => boolean);

function matches(line: string, matcher: LineMatcher): boolean {
  if (typeof matcher === "string") return line.includes(matcher);
  if (matcher instanceof RegExp) return matcher.test(line);
  return matcher(line);
}

interface Waiter {
  matcher: LineMatcher;
  resolve: (line: string) => void;
}

/**
 * Keeps every line received and a cursor. `next(matcher)` resolves with the first line after the
 * cursor that matches, moves the cursor past it, and rejects after `timeoutMs` listing what did arrive.
 */
export class LineLog {
  readonly lines: string[] = [];
  private cursor = 0;
  private waiter: Waiter | null = null;
  private ended = false;

  constructor(private readonly label: string) {}

  add(line: string): void {
    this.lines.push(line);
    const w = this.waiter;
    if (w && matches(line, w.matcher)) {
      this.waiter = null;
      this.cursor = this.lines.length;
      w.resolve(line);
    }
  }

  end(): void {
    this.ended = true;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Lines after the cursor, without moving it. */
  unread(): string[] {
    return this.lines.slice(this.cursor);
  }

  /** Resolves with the first matching line after the cursor; rejects on timeout. */
  next(matcher: LineMatcher, timeoutMs = 5000): Promise<string> {
    for (let i = this.cursor; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      if (matches(line, matcher)) {
        this.cursor = i + 1;
        return Promise.resolve(line);
      }
    }
    this.cursor = this.lines.length;
    const start = this.cursor;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        const seen = this.lines.slice(Math.max(0, start - 5)).join("\n  ");
        reject(
          new Error(
            `${this.label}: no line matching ${String(matcher)} within ${timeoutMs} ms; recent:\n  ${seen}`,
          ),
        );
      }, timeoutMs);
      this.waiter = {
        matcher,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      };
    });
  }

  /** Every line from the cursor up to and including the first that matches. */
  async until(matcher: LineMatcher, timeoutMs = 5000): Promise<string[]> {
    const from = this.cursor;
    await this.next(matcher, timeoutMs);
    return this.lines.slice(from, this.cursor);
  }
}

/** Feeds a byte stream (a child's stdout/stderr) into a LineLog, line by line, until it ends. */
export async function pumpLines(stream: ReadableStream<Uint8Array>, log: LineLog): Promise<void> {
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const chunk of stream) {
    buffered += decoder.decode(chunk, { stream: true });
    let nl = buffered.indexOf("\n");
    while (nl !== -1) {
      log.add(buffered.slice(0, nl).replace(/\r$/, ""));
      buffered = buffered.slice(nl + 1);
      nl = buffered.indexOf("\n");
    }
  }
  if (buffered !== "") log.add(buffered);
  log.end();
}
