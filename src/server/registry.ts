/** Nicks and channels keyed by their casefolded names, and the WHOWAS history. */
import { type Casemapping, casefold } from "../protocol/casemapping.ts";
import { Channel } from "./channel.ts";
import type { Client } from "./client.ts";

export interface WhowasEntry {
  nick: string;
  folded: string;
  user: string;
  host: string;
  realname: string;
  /** Seconds since the epoch. */
  leftAt: number;
}

export class Registry {
  readonly nicks = new Map<string, Client>();
  readonly channels = new Map<string, Channel>();
  /** Oldest first; bounded by `whowasEntries`. */
  private whowas: WhowasEntry[] = [];

  constructor(readonly casemapping: Casemapping) {}

  fold(name: string): string {
    return casefold(name, this.casemapping);
  }

  findNick(nick: string): Client | undefined {
    return this.nicks.get(this.fold(nick));
  }

  findChannel(name: string): Channel | undefined {
    return this.channels.get(this.fold(name));
  }

  /** Gives the client its (new) nick; the caller checked that it is free. */
  claimNick(client: Client, nick: string): void {
    if (client.folded !== "") this.nicks.delete(client.folded);
    const folded = this.fold(nick);
    client.setIdentity(nick, folded);
    this.nicks.set(folded, client);
  }

  releaseNick(client: Client): void {
    if (client.folded !== "" && this.nicks.get(client.folded) === client) this.nicks.delete(client.folded);
  }

  createChannel(name: string, now: number): Channel {
    const channel = new Channel(name, this.fold(name), Math.floor(now / 1000));
    this.channels.set(channel.folded, channel);
    return channel;
  }

  /** Removes the member; an empty channel vanishes. */
  part(channel: Channel, client: Client): void {
    channel.members.delete(client);
    client.channels.delete(channel);
    if (channel.members.size === 0) this.channels.delete(channel.folded);
  }

  rememberNick(client: Client, now: number, capacity: number): void {
    if (capacity <= 0) return;
    this.whowas.push({
      nick: client.nick,
      folded: client.folded,
      user: client.user,
      host: client.host,
      realname: client.realname,
      leftAt: Math.floor(now / 1000),
    });
    if (this.whowas.length > capacity) this.whowas.splice(0, this.whowas.length - capacity);
  }

  /** Newest first, at most `count` (0 = all). */
  whowasOf(nick: string, count: number): WhowasEntry[] {
    const folded = this.fold(nick);
    const found: WhowasEntry[] = [];
    for (let i = this.whowas.length - 1; i >= 0; i--) {
      const entry = this.whowas[i]!;
      if (entry.folded !== folded) continue;
      found.push(entry);
      if (count > 0 && found.length >= count) break;
    }
    return found;
  }
}
