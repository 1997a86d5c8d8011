/** A channel: its members with their prefixes, modes, mask lists and topic. */
import type { Casemapping } from "../protocol/casemapping.ts";
import { matchMask } from "../protocol/mask.ts";
import type { Client } from "./client.ts";

/** Member prefix bits, highest rank first. */
export const OP = 1;
export const VOICE = 2;

export interface MaskEntry {
  mask: string;
  setBy: string;
  /** Seconds since the epoch. */
  setAt: number;
}

export type ListMode = "b" | "e" | "I";
export type FlagMode = "i" | "m" | "n" | "s" | "t";

export class Channel {
  /** Member → prefix bits (OP | VOICE). */
  readonly members = new Map<Client, number>();
  topic = "";
  topicSetBy = "";
  topicSetAt = 0;
  key = "";
  /** 0 = no limit. */
  limit = 0;
  readonly flags = new Set<FlagMode>(["n", "t"]);
  readonly lists: Record<ListMode, MaskEntry[]> = { b: [], e: [], I: [] };

  constructor(
    readonly name: string,
    readonly folded: string,
    /** Seconds since the epoch. */
    readonly createdAt: number,
  ) {}

  isOp(client: Client): boolean {
    return ((this.members.get(client) ?? 0) & OP) !== 0;
  }

  /** Ops and voiced members may speak in +m and through bans. */
  hasVoice(client: Client): boolean {
    return (this.members.get(client) ?? 0) !== 0;
  }

  matches(list: ListMode, client: Client, mapping: Casemapping): boolean {
    return this.lists[list].some((entry) => matchMask(entry.mask, client.source, mapping));
  }

  isBanned(client: Client, mapping: Casemapping): boolean {
    return this.matches("b", client, mapping) && !this.matches("e", client, mapping);
  }

  /** `+ntk key` style mode string; the key only for members. */
  modeParams(showKey: boolean): string[] {
    let modes = `+${[...this.flags].sort().join("")}`;
    const params: string[] = [];
    if (this.key !== "") {
      modes += "k";
      params.push(showKey ? this.key : "*");
    }
    if (this.limit > 0) {
      modes += "l";
      params.push(String(this.limit));
    }
    return [modes, ...params];
  }
}

/** `@`, `+` or both (multi-prefix) for a member's prefix bits. */
export function prefixOf(bits: number, all: boolean): string {
  if (all) return (bits & OP ? "@" : "") + (bits & VOICE ? "+" : "");
  return bits & OP ? "@" : bits & VOICE ? "+" : "";
}
