/**
 * Messages one client causes others to see (PRIVMSG, JOIN, QUIT...). Each is serialized at most
 * once per variant — with or without message tags, with or without server-time, and the
 * alternative form some capability asks for (extended-join) — and the same string, measured once,
 * is queued to every recipient: no per-recipient string building.
 */
import { type IrcMessage, message } from "../protocol/message.ts";
import type { Tags } from "../protocol/tags.ts";
import { CAP_BIT, type CapName } from "./capabilities.ts";
import type { Client } from "./client.ts";
import { wireLine } from "./replies.ts";
import { byteLength } from "./sendq.ts";

const MESSAGE_TAGS = CAP_BIT["message-tags"];
const SERVER_TIME = CAP_BIT["server-time"];

const TAGS_BIT = 1;
const TIME_BIT = 2;
const ALT_BIT = 4;

export interface Alternative {
  cap: CapName;
  params: string[];
}

export class Relay {
  private readonly lines: (string | undefined)[] = new Array(8);
  private readonly bytes: number[] = new Array(8);
  private readonly altBit: number;

  private msgid = "";

  constructor(
    private readonly msg: IrcMessage,
    /** Milliseconds; turned into a `time` tag only if some recipient asked for server-time. */
    private readonly at: number,
    /** Called at most once, when the first recipient with message-tags needs the id. */
    private readonly newMsgid: () => string,
    private readonly alt: Alternative | null = null,
  ) {
    this.altBit = alt === null ? 0 : CAP_BIT[alt.cap];
  }

  deliver(client: Client): void {
    const caps = client.caps;
    const variant =
      (caps & MESSAGE_TAGS ? TAGS_BIT : 0) |
      (caps & SERVER_TIME ? TIME_BIT : 0) |
      (caps & this.altBit ? ALT_BIT : 0);
    let line = this.lines[variant];
    if (line === undefined) {
      line = this.build(variant);
      this.lines[variant] = line;
      this.bytes[variant] = byteLength(line);
    }
    client.relay(line, this.bytes[variant]!);
  }

  private build(variant: number): string {
    const tags: Tags = {};
    if (variant & TIME_BIT) tags.time = new Date(this.at).toISOString();
    if (variant & TAGS_BIT) {
      if (this.msgid === "") this.msgid = this.newMsgid();
      tags.msgid = this.msgid;
      Object.assign(tags, this.msg.tags);
    }
    const params = variant & ALT_BIT && this.alt !== null ? this.alt.params : this.msg.params;
    const textAt = TEXT_PARAM[this.msg.command];
    return wireLine(message(this.msg.command, params, this.msg.source, tags), params.length - 1 === textAt);
  }
}

/** Where a command's free-text parameter sits; it is sent with a colon, as clients expect. */
const TEXT_PARAM: Record<string, number> = {
  PRIVMSG: 1,
  NOTICE: 1,
  PART: 1,
  TOPIC: 1,
  KICK: 2,
  QUIT: 0,
  AWAY: 0,
  SETNAME: 0,
  WALLOPS: 0,
};

/** Everyone who shares a channel with the client, each once, the client excluded. */
export function peersOf(client: Client): Set<Client> {
  const peers = new Set<Client>();
  for (const channel of client.channels) for (const member of channel.members.keys()) peers.add(member);
  peers.delete(client);
  return peers;
}
