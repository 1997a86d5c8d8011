/**
 * One IRC connection of the load generator. Output is coalesced per event-loop turn (one write per socket per
 * turn, unsent tails kept for `drain`, since Bun does not buffer them), input is split into lines, PINGs are
 * answered, and everything else goes to `onLine` — or to a waiter installed by `waitFor`.
 */
import type { Socket } from "bun";

type Waiter = {
  match: (command: string, line: string) => "done" | "fail" | null;
  settle: (err?: Error) => void;
};

const dirty = new Set<LoadClient>();
let flushScheduled = false;
/** When any client of this process last received data (performance.now() ms). */
let lastInboundAt = 0;
/** When the chunk being dispatched arrived, in µs since the epoch: one clock read per chunk, not per line. */
let chunkArrivedUs = 0;

/** The arrival time of the line being handled (valid inside `onLine`). */
export function arrivalUs(): number {
  return chunkArrivedUs;
}

function flushDirty(): void {
  flushScheduled = false;
  for (const client of dirty) client.flush();
  dirty.clear();
}

/** The command or numeric of a line from a server: the second word when there is a prefix. */
export function commandOf(line: string): string {
  const words = line.split(" ", 3);
  return (line.startsWith(":") ? words[1] : words[0]) ?? "";
}

/** Numerics that end a registration or join attempt with a refusal. */
const REFUSALS = new Set(["432", "433", "437", "465", "471", "473", "474", "475", "403", "405", "ERROR"]);

export class LoadClient {
  onLine: (line: string) => void = () => {};
  private socket: Socket<undefined> | null = null;
  private inbound = "";
  private outbound = "";
  private waiters: Waiter[] = [];
  private closedFlag = false;

  constructor(readonly nick: string) {}

  get closed(): boolean {
    return this.closedFlag;
  }

  async connect(port: number): Promise<void> {
    this.socket = await Bun.connect({
      hostname: "127.0.0.1",
      port,
      socket: {
        data: (_s, chunk) => this.receive(chunk),
        drain: () => this.flush(),
        close: () => this.onClose(new Error(`${this.nick}: connection closed`)),
        error: (_s, err) => this.onClose(err),
      },
    });
  }

  send(line: string): void {
    this.outbound += `${line}\r\n`;
    dirty.add(this);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flushDirty);
    }
  }

  flush(): void {
    if (!this.outbound || !this.socket) return;
    const n = this.socket.write(this.outbound);
    this.outbound = n > 0 ? this.outbound.slice(n) : n < 0 ? "" : this.outbound;
  }

  /** Resolves when a line matches `done`, rejects on `fail`, on close, or after `timeoutMs`. */
  waitFor(match: Waiter["match"], timeoutMs: number): Promise<void> {
    if (this.closedFlag) return Promise.reject(new Error(`${this.nick}: connection closed`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => waiter.settle(new Error(`${this.nick}: timed out`)), timeoutMs);
      const waiter: Waiter = {
        match,
        settle: (err) => {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== waiter);
          err ? reject(err) : resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Sends NICK/USER and waits for 001. */
  register(timeoutMs: number): Promise<void> {
    this.send(`NICK ${this.nick}`);
    this.send(`USER ${this.nick} 0 * :bench`);
    return this.waitFor((cmd) => (cmd === "001" ? "done" : REFUSALS.has(cmd) ? "fail" : null), timeoutMs);
  }

  /** Joins each channel and waits until every end-of-NAMES (366) has arrived. */
  join(channels: readonly string[], timeoutMs: number): Promise<void> {
    let pending = channels.length;
    for (const channel of channels) this.send(`JOIN ${channel}`);
    return this.waitFor(
      (cmd) => (cmd === "366" ? (--pending === 0 ? "done" : null) : REFUSALS.has(cmd) ? "fail" : null),
      timeoutMs,
    );
  }

  /** Writes what is still queued, then closes. */
  close(): void {
    this.flush();
    this.closedFlag = true;
    this.socket?.end();
  }

  private receive(chunk: Buffer): void {
    lastInboundAt = performance.now();
    chunkArrivedUs = Math.round((performance.timeOrigin + lastInboundAt) * 1000);
    const text = this.inbound + chunk.toString("latin1");
    let start = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
      const line = text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl);
      start = nl + 1;
      this.dispatch(line);
    }
    this.inbound = text.slice(start);
  }

  private dispatch(line: string): void {
    if (line.startsWith("PING")) {
      this.send(`PONG${line.slice(4)}`);
      return;
    }
    const cmd = this.waiters.length ? commandOf(line) : "";
    for (const waiter of this.waiters) {
      const verdict = waiter.match(cmd, line);
      if (verdict === "done") waiter.settle();
      else if (verdict === "fail") waiter.settle(new Error(`${this.nick}: ${line}`));
      if (verdict) return;
    }
    this.onLine(line);
  }

  private onClose(err: Error): void {
    this.closedFlag = true;
    for (const waiter of [...this.waiters]) waiter.settle(err);
  }
}

/** Runs `task` for 0..count-1 with at most `concurrency` in flight; resolves with the failures. */
export async function pool(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<Error[]> {
  const failures: Error[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      await task(i).catch((e: unknown) => failures.push(e instanceof Error ? e : new Error(String(e))));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return failures;
}

/** Connects and registers one client per nick (`concurrency` at a time); throws if any of them fails. */
export async function registerAll(
  port: number,
  nicks: readonly string[],
  concurrency: number,
  timeoutMs: number,
): Promise<LoadClient[]> {
  const clients = nicks.map((nick) => new LoadClient(nick));
  const failures = await pool(clients.length, concurrency, async (i) => {
    await clients[i]!.connect(port);
    await clients[i]!.register(timeoutMs);
  });
  if (failures.length) {
    throw new Error(
      `${failures.length} of ${clients.length} clients failed to register: ${failures[0]!.message}`,
    );
  }
  return clients;
}

/** Joins every client to the channels (`concurrency` at a time); throws if any join fails. */
export async function joinAll(
  clients: readonly LoadClient[],
  channels: readonly string[],
  concurrency: number,
  timeoutMs: number,
): Promise<void> {
  const failures = await pool(clients.length, concurrency, (i) => clients[i]!.join(channels, timeoutMs));
  if (failures.length) throw new Error(`${failures.length} joins failed: ${failures[0]!.message}`);
}

/**
 * Resolves once no client of this process has received anything for `quietMs` (or after `timeoutMs`): after a
 * big channel fills up, the servers are still sending JOIN lines and NAMES replies to the earlier members, and
 * measuring traffic on top of that backlog would time the backlog.
 */
export async function settle(quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() - lastInboundAt < quietMs && performance.now() < deadline)
    await Bun.sleep(quietMs / 4);
}
