/** A raw IRC connection for tests: send lines, wait for the lines you expect. */
import type { Socket } from "bun";
import { LineLog, type LineMatcher } from "./lines.ts";

let syncCounter = 0;

export class TestClient {
  readonly log: LineLog;
  private socket!: Socket<undefined>;
  private buffered = "";
  private closedResolve!: () => void;
  /** Resolves when the server closes the connection (or we do). */
  readonly closed: Promise<void>;

  private constructor(readonly name: string) {
    this.log = new LineLog(name);
    this.closed = new Promise((resolve) => {
      this.closedResolve = resolve;
    });
  }

  static async connect(port: number, name = "client", host = "127.0.0.1"): Promise<TestClient> {
    const client = new TestClient(name);
    const decoder = new TextDecoder();
    client.socket = await Bun.connect({
      hostname: host,
      port,
      socket: {
        data: (_s, chunk) => client.receive(decoder.decode(chunk, { stream: true })),
        close: () => client.onClose(),
        error: () => client.onClose(),
      },
    });
    return client;
  }

  private receive(text: string): void {
    this.buffered += text;
    let nl = this.buffered.indexOf("\n");
    while (nl !== -1) {
      this.log.add(this.buffered.slice(0, nl).replace(/\r$/, ""));
      this.buffered = this.buffered.slice(nl + 1);
      nl = this.buffered.indexOf("\n");
    }
  }

  private onClose(): void {
    this.log.end();
    this.closedResolve();
  }

  get isClosed(): boolean {
    return this.log.isEnded;
  }

  /** Sends one line; CRLF is appended. */
  send(line: string): void {
    this.sendRaw(`${line}\r\n`);
  }

  /** Sends bytes exactly as given (for hostile input). */
  sendRaw(data: string | Uint8Array): void {
    this.socket.write(data);
  }

  next(matcher: LineMatcher, timeoutMs?: number): Promise<string> {
    return this.log.next(matcher, timeoutMs);
  }

  until(matcher: LineMatcher, timeoutMs?: number): Promise<string[]> {
    return this.log.until(matcher, timeoutMs);
  }

  /**
   * Round-trips a PING: once its PONG is back, every reply to what was sent before has arrived.
   * Returns the lines received in between (the way to assert that nothing else came).
   */
  async sync(timeoutMs?: number): Promise<string[]> {
    const token = `sync${++syncCounter}`;
    this.send(`PING ${token}`);
    const lines = await this.until((l) => / PONG /.test(l) && l.endsWith(token), timeoutMs);
    return lines.slice(0, -1);
  }

  /** NICK + USER (optionally CAP REQ first), then waits for the end of the welcome burst. */
  async register(nick: string, caps: string[] = []): Promise<string[]> {
    if (caps.length > 0) {
      this.send("CAP LS 302");
      this.send(`CAP REQ :${caps.join(" ")}`);
    }
    this.send(`NICK ${nick}`);
    this.send(`USER ${nick.toLowerCase()} 0 * :${nick} Test`);
    if (caps.length > 0) {
      await this.next(/ CAP \S+ ACK /);
      this.send("CAP END");
    }
    return this.until(/ (376|422) /);
  }

  close(): void {
    this.socket.end();
  }

  /** Sends QUIT and waits for the server to close the connection. */
  async quit(reason = "bye"): Promise<void> {
    this.send(`QUIT :${reason}`);
    await this.closed;
  }
}
