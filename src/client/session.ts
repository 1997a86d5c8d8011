/** What the client knows about its IRC session: own nick, channels and members, the current target. */
import { CASEMAPPINGS, type Casemapping, casefold } from "../protocol/index.ts";

export interface ChannelState {
  name: string;
  /** Folded nick → nick as last seen. */
  members: Map<string, string>;
  topic: string;
}

export class Session {
  casemapping: Casemapping = "rfc1459";
  /** Channel type prefixes (ISUPPORT CHANTYPES). */
  chantypes = "#&";
  /** Membership prefixes to strip from NAMES (ISUPPORT PREFIX), e.g. `@+`. */
  prefixes = "~&@%+";
  /** `user@host` as the server relays us; learnt from our own JOIN echo. */
  userhost: string | null = null;
  readonly caps = new Set<string>();
  readonly channels = new Map<string, ChannelState>();
  private currentTarget: string | null = null;
  /** Earlier targets, most recent first: leaving a channel goes back to the one used before. */
  private earlierTargets: string[] = [];
  registered = false;
  away = false;
  /** Nicks by recent activity, most recent first (for completion). */
  private activity: string[] = [];

  constructor(public nick: string) {}

  /** The channel or nick that plain input goes to; null when there is none yet. */
  get target(): string | null {
    return this.currentTarget;
  }

  set target(name: string | null) {
    const old = this.currentTarget;
    if (old !== null && (name === null || this.fold(name) !== this.fold(old))) {
      this.earlierTargets = [
        old,
        ...this.earlierTargets.filter((t) => this.fold(t) !== this.fold(old)),
      ].slice(0, 20);
    }
    this.currentTarget = name;
  }

  fold(name: string): string {
    return casefold(name, this.casemapping);
  }

  isMe(nick: string): boolean {
    return this.fold(nick) === this.fold(this.nick);
  }

  isChannel(name: string): boolean {
    return name.length > 0 && this.chantypes.includes(name[0]!);
  }

  channel(name: string): ChannelState | undefined {
    return this.channels.get(this.fold(name));
  }

  joined(name: string): ChannelState {
    const existing = this.channel(name);
    if (existing) return existing;
    const state: ChannelState = { name, members: new Map(), topic: "" };
    this.channels.set(this.fold(name), state);
    if (this.target === null) this.target = name;
    return state;
  }

  parted(name: string): void {
    const key = this.fold(name);
    this.channels.delete(key);
    this.earlierTargets = this.earlierTargets.filter((t) => this.fold(t) !== key);
    if (this.currentTarget !== null && this.fold(this.currentTarget) === key) {
      // Back to the channel used before it (a query is not gone when a channel is left).
      const back = this.earlierTargets.find((t) => !this.isChannel(t) || this.channel(t) !== undefined);
      this.currentTarget = back ?? this.channels.values().next().value?.name ?? null;
    }
  }

  addMember(channel: string, nick: string): void {
    this.channel(channel)?.members.set(this.fold(nick), nick);
  }

  removeMember(channel: string, nick: string): void {
    this.channel(channel)?.members.delete(this.fold(nick));
  }

  /** Channels the nick shares with us (for showing a QUIT or NICK where it matters). */
  channelsOf(nick: string): string[] {
    const key = this.fold(nick);
    return [...this.channels.values()].filter((c) => c.members.has(key)).map((c) => c.name);
  }

  /** Removes a nick that quit from every channel. */
  removeEverywhere(nick: string): void {
    const key = this.fold(nick);
    for (const c of this.channels.values()) c.members.delete(key);
    this.activity = this.activity.filter((n) => this.fold(n) !== key);
  }

  renamed(from: string, to: string): void {
    const key = this.fold(from);
    for (const c of this.channels.values()) {
      if (c.members.delete(key)) c.members.set(this.fold(to), to);
    }
    this.activity = this.activity.map((n) => (this.fold(n) === key ? to : n));
    if (this.isMe(from)) this.nick = to;
    if (this.currentTarget !== null && this.fold(this.currentTarget) === key) this.currentTarget = to;
    this.earlierTargets = this.earlierTargets.map((t) => (this.fold(t) === key ? to : t));
  }

  /** Records that a nick just spoke, so completion offers it first. */
  touch(nick: string): void {
    if (this.isMe(nick)) return;
    const key = this.fold(nick);
    this.activity = [nick, ...this.activity.filter((n) => this.fold(n) !== key)].slice(0, 200);
  }

  /** Nicks for completion: recently active first, then the other members of the current channel. */
  completionNicks(): string[] {
    const seen = new Set(this.activity.map((n) => this.fold(n)));
    const rest: string[] = [];
    const current = this.target === null ? undefined : this.channel(this.target);
    for (const c of current ? [current, ...this.channels.values()] : this.channels.values()) {
      for (const [key, nick] of c.members) {
        if (!seen.has(key) && !this.isMe(nick)) {
          seen.add(key);
          rest.push(nick);
        }
      }
    }
    return [...this.activity, ...rest];
  }

  /** Applies the ISUPPORT tokens the client cares about (`CASEMAPPING=`, `CHANTYPES=`, `PREFIX=`). */
  applyIsupport(tokens: string[]): void {
    for (const token of tokens) {
      const [key, value = ""] = token.split("=", 2) as [string, string?];
      if (key === "CASEMAPPING" && (CASEMAPPINGS as readonly string[]).includes(value)) {
        this.casemapping = value as Casemapping;
      } else if (key === "CHANTYPES" && value !== "") this.chantypes = value;
      else if (key === "PREFIX") {
        const close = value.indexOf(")");
        if (close !== -1) this.prefixes = value.slice(close + 1);
      }
    }
  }

  /** A NAMES entry without its membership prefixes (several with multi-prefix) or `!user@host`. */
  stripPrefixes(entry: string): string {
    let i = 0;
    while (i < entry.length && this.prefixes.includes(entry[i]!)) i++;
    const bang = entry.indexOf("!");
    return entry.slice(i, bang === -1 ? undefined : bang);
  }

  /** The source others see for our messages, for splitting long text; a conservative guess until learnt. */
  ownSource(): string {
    return `${this.nick}!${this.userhost ?? `${"u".repeat(10)}@${"h".repeat(63)}`}`;
  }
}
