/**
 * LIST filters (ISUPPORT ELIST=CMNTU): `>n` / `<n` users, `C>m` / `C<m` created more / less than m
 * minutes ago, `T>m` / `T<m` topic changed more / less than m minutes ago, a mask, `!mask`.
 */
import type { Casemapping } from "../protocol/casemapping.ts";
import { matchMask } from "../protocol/mask.ts";

export interface ListedChannel {
  name: string;
  users: number;
  /** Seconds since the epoch; topicSetAt 0 = no topic. */
  createdAt: number;
  topicSetAt: number;
}

export type ListFilter = (channel: ListedChannel, nowSeconds: number) => boolean;

/** Parses one filter term; null when it is not a filter (then it is a channel name list). */
export function parseListFilter(term: string, mapping: Casemapping): ListFilter | null {
  const match = /^([CT]?)([<>])(\d+)$/.exec(term);
  if (match !== null) {
    const [, field, op, digits] = match;
    const value = Number(digits);
    if (field === "") return op === ">" ? (c) => c.users > value : (c) => c.users < value;
    const ageMinutes = (c: ListedChannel, now: number) =>
      (now - (field === "C" ? c.createdAt : c.topicSetAt)) / 60;
    // "C<m": created less than m minutes ago, i.e. younger than m.
    return op === "<" ? (c, now) => ageMinutes(c, now) < value : (c, now) => ageMinutes(c, now) > value;
  }
  if (term.startsWith("!")) {
    const mask = term.slice(1);
    return (c) => !matchMask(mask, c.name, mapping);
  }
  if (term.includes("*") || term.includes("?")) return (c) => matchMask(term, c.name, mapping);
  return null;
}
