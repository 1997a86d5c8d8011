/** One TCP connection to an IRC server: framing into messages and an ordered, never-dropping write queue. */
import type { Socket } from "bun";
import { type IrcMessage, LineBuffer, parseMessage, serializeMessage } from "../protocol/index.ts";

/** Servers may send up to 8191 bytes of tags plus a 512-byte line. */
const MAX_INCOMING_LINE = 8191 + 512;
/** The kernel's own connect timeout can be minutes; a person waits about this long. */
const CONNECT_TIMEOUT_MS = 20_000;

export interface ConnectionHandlers {
  message(msg: IrcMessage): void;
  /** Called once, whether the server closed, the network failed or we closed. */
  closed(reason: string): void;
}

const ERROR_TEXT: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ETIMEDOUT: "timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ENOTFOUND: "host not found",
  EAI_NONAME: "host not found",
  DNSException: "host not found",
};

/** A short reason for a socket error, e.g. `connection refused`. */
export function connectErrorText(error: unknown): string {
  const e = error as { code?: string; name?: string; message?: string };
  return ERROR_TEXT[e.code ?? ""] ?? ERROR_TEXT[e.name ?? ""] ?? e.message ?? String(error);
}

export class Connection {
  private socket: Socket<undefined> | null = null;
  /** Bun's write() takes what the kernel accepts and no more: the tail waits here for `drain`. */
  private unsent: Uint8Array = new Uint8Array(0);
  private outgoing = "";
  private flushQueued = false;
  private isClosed = false;
  private readonly encoder = new TextEncoder();

  private constructor(private readonly handlers: ConnectionHandlers) {}

  /** Resolves once connected; rejects with a one-line reason (`connection refused`). */
  static async open(host: string, port: number, handlers: ConnectionHandlers): Promise<Connection> {
    const conn = new Connection(handlers);
    const lines = new LineBuffer(MAX_INCOMING_LINE);
    const decoder = new TextDecoder();
    const connecting = Bun.connect({
      hostname: host,
      port,
      socket: {
        data: (_s, chunk) => {
          const { lines: got, overflow } = lines.push(chunk);
          for (const line of got) {
            const msg = parseMessage(decoder.decode(line));
            if (msg !== null && !conn.isClosed) handlers.message(msg);
          }
          if (overflow) conn.close("the server sent a line that never ends");
        },
        drain: () => conn.writeUnsent(),
        close: () => conn.finish("connection closed by the server"),
        error: (_s, error) => conn.finish(connectErrorText(error)),
      },
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timed out")), CONNECT_TIMEOUT_MS);
    });
    try {
      conn.socket = await Promise.race([connecting, timeout]);
    } catch (e) {
      // Given up on: a socket that still opens later is closed unseen.
      conn.isClosed = true;
      connecting.then(
        (late) => late.end(),
        () => {},
      );
      throw new Error(connectErrorText(e));
    } finally {
      clearTimeout(timer);
    }
    return conn;
  }

  /** Queues a message; everything queued in one event-loop turn goes out in one write. */
  send(msg: IrcMessage): void {
    if (this.isClosed) return;
    const trailing = msg.command === "PRIVMSG" || msg.command === "NOTICE";
    this.outgoing += `${serializeMessage(msg, trailing)}\r\n`;
    if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => this.flush());
    }
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** True when nothing is waiting to be written. */
  get idle(): boolean {
    return this.outgoing === "" && this.unsent.length === 0;
  }

  /** Writes what is queued (as far as the kernel takes it), then closes. */
  close(reason = "closed"): void {
    this.flush();
    const socket = this.socket;
    this.finish(reason);
    socket?.end();
  }

  private flush(): void {
    this.flushQueued = false;
    if (this.outgoing === "") return;
    const bytes = this.encoder.encode(this.outgoing);
    this.outgoing = "";
    if (this.unsent.length > 0) {
      const joined = new Uint8Array(this.unsent.length + bytes.length);
      joined.set(this.unsent);
      joined.set(bytes, this.unsent.length);
      this.unsent = joined;
    } else this.unsent = bytes;
    this.writeUnsent();
  }

  private writeUnsent(): void {
    if (this.socket === null || this.unsent.length === 0) return;
    const written = this.socket.write(this.unsent);
    if (written < 0) return;
    this.unsent = this.unsent.subarray(written);
  }

  private finish(reason: string): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.socket = null;
    this.handlers.closed(reason);
  }
}
