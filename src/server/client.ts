/** One connected client: identity, registration state, capabilities, modes, input and output queues. */
import { LineBuffer } from "../protocol/line-buffer.ts";
import { CAP_BIT, type CapName } from "./capabilities.ts";
import type { Channel } from "./channel.ts";
import { TokenBucket } from "./flood.ts";
import { Inbox } from "./inbox.ts";
import { byteLength, SendQueue, type Writable } from "./sendq.ts";

/** What a client needs from the server around it to deliver its output. */
export interface Outlet {
  scheduleFlush(client: Client): void;
  /** Called once when the client's queue passes the sendq limit. */
  overflow(client: Client): void;
  sendqLimit(): number;
}

export interface ClientSocket extends Writable {
  end(): void;
}

export class Client {
  nick = "*";
  /** The casefolded nick the registry knows this client by ("" until NICK). */
  folded = "";
  user = "";
  realname = "";
  /** `nick!user@host`, kept current so relays do not rebuild it. */
  source = "";
  registered = false;
  /** Registration waits while CAP negotiation is open. */
  capHold = false;
  capVersion = 0;
  caps = 0;
  passwordOk = false;
  invisible = false;
  wallops = false;
  oper = false;
  away: string | null = null;
  readonly channels = new Set<Channel>();
  /** Casefolded names of channels this client was invited to. */
  invites: Set<string> | null = null;
  /** Milliseconds. */
  lastInput: number;
  /** Last PRIVMSG/NOTICE, for WHOIS idle time. */
  lastMessage: number;
  pingSentAt = 0;
  closing = false;
  socketClosed = false;
  flushMarked = false;
  /** True while an asynchronous command (a password check) runs: later commands wait. */
  busy = false;
  readonly inbox = new Inbox();
  readonly bucket: TokenBucket;
  readonly input: LineBuffer;
  readonly sendq: SendQueue;
  /** While a labeled command runs, its replies are collected here (labeled-response). */
  capture: string[] | null = null;

  constructor(
    readonly id: number,
    readonly socket: ClientSocket,
    readonly ip: string,
    readonly connectedAt: number,
    readBytes: number,
    floodBurst: number,
    private readonly outlet: Outlet,
  ) {
    this.lastInput = connectedAt;
    this.lastMessage = connectedAt;
    this.bucket = new TokenBucket(floodBurst, connectedAt);
    this.input = new LineBuffer(readBytes);
    this.sendq = new SendQueue(socket);
  }

  get host(): string {
    return this.ip;
  }

  has(cap: CapName): boolean {
    return (this.caps & CAP_BIT[cap]) !== 0;
  }

  setIdentity(nick: string, folded: string): void {
    this.nick = nick;
    this.folded = folded;
    this.source = `${nick}!${this.user}@${this.host}`;
  }

  /** Queues one reply line (ending in CRLF) for this client. */
  send(line: string): void {
    this.enqueue(line, byteLength(line), false);
  }

  /**
   * Queues another client's event, serialized and measured once for all its recipients. While an
   * asynchronous command of this client waits, such events are not part of its labeled response.
   */
  relay(line: string, bytes: number): void {
    this.enqueue(line, bytes, true);
  }

  private enqueue(line: string, bytes: number, relayed: boolean): void {
    if (this.closing) return;
    if (this.capture !== null && !(relayed && this.busy)) {
      this.capture.push(line);
      return;
    }
    const sendq = this.sendq;
    sendq.push(line, bytes);
    // Past the limit, write now: a burst queued within one turn is not a slow reader; what the
    // kernel refuses is.
    const limit = this.outlet.sendqLimit();
    if (sendq.queuedBytes > limit) {
      this.flush();
      if (sendq.queuedBytes > limit) {
        this.outlet.overflow(this);
        return;
      }
    }
    if (sendq.worthWritingNow) this.flush();
    if (!this.flushMarked) this.outlet.scheduleFlush(this);
  }

  flush(): void {
    if (this.socketClosed) return;
    if (!this.sendq.flush()) this.socketClosed = true;
  }
}
