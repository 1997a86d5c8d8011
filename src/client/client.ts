/**
 * The chat core: one connection at a time, registration (CAP LS 302, nick fallback), the user's
 * input, reconnecting with backoff and rejoining. Front ends only print and read lines.
 */
import { type IrcMessage, isValidNick, message } from "../protocol/index.ts";
import { NICK_MAX } from "./args.ts";
import { reconnectDelay } from "./backoff.ts";
import { type Action, COMMAND_NAMES, interpretInput } from "./commands.ts";
import type { CompletionSources } from "./completion.ts";
import { Connection } from "./connection.ts";
import { type ChatLine, type Colors, formatLine } from "./format.ts";
import { handleIncoming } from "./incoming.ts";
import { Session } from "./session.ts";
import type { Ui } from "./ui.ts";

/** Capabilities we use when the server offers them; everything works without them too. */
export const WANTED_CAPS = [
  "server-time",
  "echo-message",
  "multi-prefix",
  "away-notify",
  "message-tags",
  "batch",
  "extended-join",
];

const READY_TOKEN = "chat-client-ready";
/** A silent server gets a PING after this long, and is given up on after twice this long. */
const SILENCE_MS = 60_000;
/** How long QUIT may take before we stop waiting for the server to close the connection. */
const QUIT_GRACE_MS = 2000;

export interface ClientConfig {
  host: string;
  port: number;
  nick: string;
  channel?: string;
  password?: string;
  /** Plain mode: no questions (a taken nick is fatal), own messages not printed. */
  plain: boolean;
  bell: boolean;
  colors: Colors;
}

export class ChatClient {
  private session: Session;
  private ui: Ui | null = null;
  private conn: Connection | null = null;
  private ready = false;
  private attempt = 0;
  private everRegistered = false;
  private quitting = false;
  private inputEnded = false;
  private queuedInput: string[] = [];
  /** Nick to fall back on when registration is refused: `nick_` once, then ask. */
  private nickTries = 0;
  private askingNick = false;
  private capsPending = false;
  private offeredCaps: string[] = [];
  private rejoin: string[] = [];
  private restoreTarget: string | null = null;
  private switchOnJoin: string | null = null;
  private bell: boolean;
  private lastError = "";
  private lastHeard = Date.now();
  private exitCode: number | null = null;
  private resolveExit!: (code: number) => void;
  /** Resolves with the process exit code. */
  readonly exited: Promise<number>;

  constructor(private readonly config: ClientConfig) {
    this.session = new Session(config.nick);
    this.bell = config.bell;
    if (config.channel !== undefined) {
      this.rejoin = [config.channel];
      // The channel asked for wins over one the server joins us to by itself.
      this.switchOnJoin = this.session.fold(config.channel);
    }
    this.exited = new Promise((resolve) => {
      this.resolveExit = resolve;
    });
    // A server that vanished without closing (network gone) is only noticed by its silence.
    setInterval(() => this.checkSilence(), SILENCE_MS / 4).unref();
  }

  private checkSilence(): void {
    const silent = Date.now() - this.lastHeard;
    if (this.conn === null || !this.session.registered) return;
    if (silent > 2 * SILENCE_MS)
      this.conn.close(`no reply from the server for ${Math.round(silent / 1000)} s`);
    else if (silent > SILENCE_MS) this.send(message("PING", ["chat-client-alive"]));
  }

  get address(): string {
    return `${this.config.host}:${this.config.port}`;
  }

  /** The first connection: failure is fatal (one line, exit 1); later losses reconnect. */
  async start(ui: Ui): Promise<void> {
    this.ui = ui;
    this.updatePrompt();
    try {
      await this.connect();
    } catch (e) {
      this.fail(`cannot connect to ${this.address}: ${(e as Error).message}`);
    }
  }

  completionSources(): CompletionSources {
    return {
      nicks: this.session.completionNicks(),
      channels: [...this.session.channels.values()].map((c) => c.name),
      commands: COMMAND_NAMES,
      chantypes: this.session.chantypes,
    };
  }

  input(line: string): void {
    if (this.askingNick) {
      this.answerNick(line.trim());
      return;
    }
    if (!this.ready) {
      if (this.everRegistered && this.queuedInput.length === 0) {
        this.show([{ kind: "event", time: new Date(), text: "not connected: sent once reconnected" }]);
      }
      this.queuedInput.push(line);
      return;
    }
    this.apply(interpretInput(line, this.session, new Date()));
  }

  /** EOF in plain mode, Ctrl-C or Ctrl-D on the screen. */
  endOfInput(): void {
    this.inputEnded = true;
    // Plain mode sends what was piped in first, once the session is ready.
    if (this.ready || this.askingNick || !this.config.plain) this.quit("leaving");
  }

  quit(reason: string): void {
    if (this.quitting) return;
    this.quitting = true;
    const conn = this.conn;
    if (conn === null || conn.closed) {
      this.finish(0);
      return;
    }
    conn.send(message("QUIT", [reason]));
    const timer = setTimeout(() => conn.close("quit"), QUIT_GRACE_MS);
    timer.unref?.();
  }

  private async connect(): Promise<void> {
    this.ready = false;
    this.capsPending = true;
    this.offeredCaps = [];
    this.session = new Session(this.session.nick);
    const conn = await Connection.open(this.config.host, this.config.port, {
      message: (msg) => this.received(msg),
      closed: (reason) => this.lost(conn, reason),
    });
    this.conn = conn;
    this.lastHeard = Date.now();
    conn.send(message("CAP", ["LS", "302"]));
    if (this.config.password !== undefined) conn.send(message("PASS", [this.config.password]));
    conn.send(message("NICK", [this.session.nick]));
    conn.send(message("USER", [this.config.nick.toLowerCase(), "0", "*", this.config.nick]));
  }

  private send(msg: IrcMessage): void {
    this.conn?.send(msg);
  }

  private received(msg: IrcMessage): void {
    this.lastHeard = Date.now();
    if (!this.session.registered && this.registration(msg)) return;
    if (msg.command === "PONG" && msg.params[msg.params.length - 1] === READY_TOKEN) {
      this.becameReady();
      return;
    }
    const wasRegistered = this.session.registered;
    // The server's goodbye after our QUIT says nothing new.
    if (msg.command === "ERROR" && this.quitting) return;
    const outcome = handleIncoming(msg, this.session, new Date());
    for (const reply of outcome.replies) this.send(reply);
    if (msg.command === "JOIN" && this.session.isMe(msg.source.split("!")[0]!)) this.joined(msg.params[0]!);
    this.show(outcome.lines);
    if (!wasRegistered && this.session.registered) this.welcomed();
    if (
      msg.command === "NICK" ||
      msg.command === "JOIN" ||
      msg.command === "PART" ||
      msg.command === "KICK"
    ) {
      this.updatePrompt();
    }
  }

  /** Handles what only matters before 001; true when the message is fully handled. */
  private registration(msg: IrcMessage): boolean {
    switch (msg.command) {
      case "CAP":
        this.capability(msg);
        return true;
      case "410":
        this.endCaps();
        return true;
      case "421":
        if (msg.params[1]?.toUpperCase() !== "CAP") return false;
        // A server without CAP registers us on NICK and USER alone; CAP END would only be refused too.
        this.capsPending = false;
        return true;
      case "432":
      case "433":
        this.nickRefused(msg.command === "433" ? "is already in use" : "is not a valid nickname");
        return true;
      case "464":
      case "465":
        this.lastError = msg.params[msg.params.length - 1] ?? msg.command;
        return false;
      case "ERROR":
        // The numeric before it (wrong password, banned) says more than `Closing link`.
        if (this.lastError === "") this.lastError = msg.params[0] ?? "ERROR";
        return false;
      default:
        return false;
    }
  }

  private capability(msg: IrcMessage): void {
    const sub = msg.params[1]?.toUpperCase();
    const list = msg.params[msg.params.length - 1] ?? "";
    if (sub === "LS") {
      this.offeredCaps.push(...list.split(" ").map((c) => c.split("=")[0]!));
      if (msg.params[2] === "*") return;
      const wanted = WANTED_CAPS.filter((c) => this.offeredCaps.includes(c));
      if (wanted.length === 0) this.endCaps();
      else this.send(message("CAP", ["REQ", wanted.join(" ")]));
    } else if (sub === "ACK") {
      for (const cap of list.split(" ")) if (cap !== "" && !cap.startsWith("-")) this.session.caps.add(cap);
      this.endCaps();
    } else if (sub === "NAK") this.endCaps();
  }

  private endCaps(): void {
    if (!this.capsPending) return;
    this.capsPending = false;
    this.send(message("CAP", ["END"]));
  }

  private nickRefused(why: string): void {
    const nick = this.session.nick;
    this.nickTries++;
    if (this.nickTries === 1 || (this.everRegistered && this.nickTries < 5)) {
      const next = `${nick}_`.slice(0, NICK_MAX);
      this.show([{ kind: "event", time: new Date(), text: `nickname ${nick} ${why}, trying ${next}` }]);
      this.session.nick = next;
      this.send(message("NICK", [next]));
      return;
    }
    if (this.config.plain) {
      this.fail(`nickname ${nick} ${why}; choose another with --nick`);
      return;
    }
    this.askingNick = true;
    this.show([{ kind: "error", time: new Date(), text: `nickname ${nick} ${why}: type another nickname` }]);
    this.ui?.setPrompt("nickname");
  }

  private answerNick(nick: string): void {
    if (!isValidNick(nick, NICK_MAX)) {
      this.show([{ kind: "error", time: new Date(), text: `${nick || "(empty)"} is not a valid nickname` }]);
      return;
    }
    this.askingNick = false;
    this.session.nick = nick;
    this.send(message("NICK", [nick]));
    this.updatePrompt();
  }

  /** After 001: join, then a PING whose PONG marks the end of the welcome burst and the joins. */
  private welcomed(): void {
    this.capsPending = false;
    this.attempt = 0;
    this.nickTries = 0;
    this.everRegistered = true;
    for (const channel of this.rejoin) this.send(message("JOIN", [channel]));
    this.send(message("PING", [READY_TOKEN]));
    this.updatePrompt();
  }

  private joined(channel: string): void {
    const key = this.session.fold(channel);
    if (
      this.switchOnJoin === key ||
      (this.restoreTarget !== null && this.session.fold(this.restoreTarget) === key)
    ) {
      this.session.target = channel;
      this.switchOnJoin = null;
    }
  }

  private becameReady(): void {
    this.ready = true;
    if (this.restoreTarget !== null && !this.session.isChannel(this.restoreTarget)) {
      this.session.target = this.restoreTarget;
    }
    this.restoreTarget = null;
    this.updatePrompt();
    const queued = this.queuedInput;
    this.queuedInput = [];
    for (const line of queued) this.input(line);
    if (this.inputEnded) this.quit("leaving");
  }

  private lost(conn: Connection, reason: string): void {
    if (this.conn !== conn) return;
    this.conn = null;
    if (this.quitting) {
      this.finish(0);
      return;
    }
    if (!this.everRegistered) {
      const detail = this.lastError !== "" ? this.lastError : reason;
      this.fail(`cannot register with ${this.address}: ${detail}`);
      return;
    }
    if (this.session.registered) {
      this.rejoin = [...this.session.channels.values()].map((c) => c.name);
      this.restoreTarget = this.session.target;
    }
    this.ready = false;
    this.show([{ kind: "error", time: new Date(), text: `connection to ${this.address} lost: ${reason}` }]);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const delay = reconnectDelay(this.attempt++, Math.random());
    this.show([
      {
        kind: "event",
        time: new Date(),
        text: `reconnecting in ${(delay / 1000).toFixed(1)} s (attempt ${this.attempt})`,
      },
    ]);
    this.updatePrompt();
    setTimeout(() => {
      if (this.quitting) return;
      this.connect().then(
        () =>
          this.show([{ kind: "event", time: new Date(), text: `connected to ${this.address}, registering` }]),
        (e: Error) => {
          this.show([
            { kind: "error", time: new Date(), text: `cannot connect to ${this.address}: ${e.message}` },
          ]);
          this.scheduleReconnect();
        },
      );
    }, delay);
  }

  private apply(actions: Action[]): void {
    for (const action of actions) {
      switch (action.type) {
        case "send":
          this.send(action.msg);
          break;
        case "show":
          this.show([action.line]);
          break;
        case "target":
          this.session.target = action.target;
          this.updatePrompt();
          break;
        case "switch-on-join":
          this.switchOnJoin = this.session.fold(action.channel);
          break;
        case "bell":
          this.bell = action.on;
          break;
        case "quit":
          this.quit(action.reason);
          break;
      }
    }
  }

  private show(lines: ChatLine[]): void {
    if (this.ui === null || lines.length === 0) return;
    const ctx = {
      colors: this.config.colors,
      ownNick: this.session.nick,
      currentTarget: this.session.target === null ? null : this.session.fold(this.session.target),
      fold: (name: string) => this.session.fold(name),
    };
    const shown = this.config.plain ? lines.filter((l) => l.kind !== "message" || !l.own) : lines;
    const formatted = shown.map((l) => formatLine(l, ctx));
    if (formatted.length === 0) return;
    this.ui.print(
      formatted.map((f) => f.text),
      this.bell && formatted.some((f) => f.highlight),
    );
  }

  private updatePrompt(): void {
    if (this.askingNick) return;
    const label =
      this.conn === null
        ? "offline"
        : !this.ready
          ? "connecting"
          : (this.session.target ?? this.session.nick);
    this.ui?.setPrompt(label);
  }

  private fail(text: string): void {
    // Quitting first: closing the input must not turn into a clean /quit.
    this.quitting = true;
    // The screen goes before the reason, so the reason is the last thing left on the terminal.
    this.ui?.close();
    process.stderr.write(`${text}\n`);
    this.finish(1);
    this.conn?.close("failed");
  }

  private finish(code: number): void {
    if (this.exitCode !== null) return;
    this.exitCode = code;
    this.resolveExit(code);
    this.ui?.close();
  }
}
