/** The server's shared state, handed to every command handler. */
import { type IrcMessage, message } from "../protocol/message.ts";
import type { Tags } from "../protocol/tags.ts";
import { VERSION } from "../version.ts";
import type { Client, Outlet } from "./client.ts";
import type { ServerConfig } from "./config.ts";
import { isupportTokens } from "./isupport.ts";
import type { Logger } from "./log.ts";
import { Registry } from "./registry.ts";
import { type Alternative, Relay } from "./relay.ts";
import { FlushScheduler } from "./sendq.ts";
import { introTemplate, isupportTemplate, motdTemplate, type Template } from "./templates.ts";

export interface ServerStats {
  /** Registered clients. */
  users: number;
  invisible: number;
  opers: number;
  maxUsers: number;
}

export class ServerContext implements Outlet {
  readonly version = `chat-server-${VERSION}`;
  readonly registry: Registry;
  /** Every connection, registered or not. */
  readonly clients = new Set<Client>();
  /** Connections with commands waiting for flood tokens; the sweep retries them. */
  readonly throttled = new Set<Client>();
  readonly flusher = new FlushScheduler();
  readonly stats: ServerStats = { users: 0, invisible: 0, opers: 0, maxUsers: 0 };
  readonly createdAt: Date;
  /** Pre-rendered replies (templates.ts), rebuilt on reload. */
  intro!: Template;
  isupportReply!: Template;
  motdReply!: Template;
  /** Called for a client whose sendq overflowed, once the current command has finished. */
  onOverflow: (client: Client) => void = () => {};
  private msgidCounter = 0;
  private readonly msgidPrefix: string;

  constructor(
    public config: ServerConfig,
    /** MOTD lines; null when there is none (422). */
    motd: string[] | null,
    readonly log: Logger,
    readonly now: () => number,
    readonly rehash: (() => Promise<ServerConfig>) | undefined,
  ) {
    this.registry = new Registry(config.casemapping);
    this.createdAt = new Date(now());
    this.applyConfig(config, motd);
    this.msgidPrefix = `${now().toString(36)}-`;
  }

  get name(): string {
    return this.config.name;
  }

  applyConfig(config: ServerConfig, motd: string[] | null): void {
    this.config = config;
    this.isupportReply = isupportTemplate(config.name, isupportTokens(config));
    this.intro = introTemplate(config.name, this.version, this.createdAt, this.isupportReply);
    this.motdReply = motdTemplate(config.name, motd);
  }

  readonly newMsgid = (): string => this.msgidPrefix + (++this.msgidCounter).toString(36);

  /** A message from `source` to be delivered to many, serialized lazily once per variant. */
  relay(source: string, command: string, params: string[], clientTags: Tags = {}, alt?: Alternative): Relay {
    const msg: IrcMessage = message(command, params, source, clientTags);
    return new Relay(msg, this.now(), this.newMsgid, alt ?? null);
  }

  scheduleFlush(client: Client): void {
    this.flusher.mark(client);
  }

  sendqLimit(): number {
    return this.config.limits.sendqBytes;
  }

  overflow(client: Client): void {
    // The client is dropped after the current command: it may be mid-way through a fan-out.
    client.sendq.discard();
    queueMicrotask(() => this.onOverflow(client));
  }
}
