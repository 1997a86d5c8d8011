/** Hostmasks: splitting `nick!user@host` and matching `*` / `?` wildcard masks. */
import { type Casemapping, casefold } from "./casemapping.ts";

export interface Hostmask {
  nick: string;
  user: string;
  host: string;
}

/** Splits a source; missing parts are "". `nick@host` and `nick!user` are both accepted. */
export function splitHostmask(source: string): Hostmask {
  const at = source.indexOf("@");
  const beforeHost = at === -1 ? source : source.slice(0, at);
  const host = at === -1 ? "" : source.slice(at + 1);
  const bang = beforeHost.indexOf("!");
  return bang === -1
    ? { nick: beforeHost, user: "", host }
    : { nick: beforeHost.slice(0, bang), user: beforeHost.slice(bang + 1), host };
}

/**
 * Glob match with `*` (any run, even empty) and `?` (exactly one character); `\*`, `\?` and `\\`
 * match the literal character. Linear-time greedy matching with one backtrack point, so a
 * hostile mask like `*a*a*a*a*b` cannot blow up.
 */
export function matchMask(mask: string, subject: string, mapping: Casemapping = "rfc1459"): boolean {
  const pattern = tokenize(mask, mapping);
  const text = casefold(subject, mapping);
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const tok = pattern[p];
    if (tok !== undefined && tok !== STAR && (tok === ANY || tok === text[t])) {
      p++;
      t++;
    } else if (tok === STAR) {
      starP = p++;
      starT = t;
    } else if (starP !== -1) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (pattern[p] === STAR) p++;
  return p === pattern.length;
}

const STAR = Symbol("*");
const ANY = Symbol("?");
type MaskToken = string | typeof STAR | typeof ANY;

/** Escapes are read before case-folding: rfc1459 folds the backslash itself into `|`. */
function tokenize(mask: string, mapping: Casemapping): MaskToken[] {
  const out: MaskToken[] = [];
  for (let i = 0; i < mask.length; i++) {
    const c = mask[i]!;
    if (c === "\\" && i + 1 < mask.length) out.push(casefold(mask[++i]!, mapping));
    else if (c === "*") {
      if (out[out.length - 1] !== STAR) out.push(STAR);
    } else if (c === "?") out.push(ANY);
    else out.push(casefold(c, mapping));
  }
  return out;
}

/**
 * Completes a partial ban mask the way servers do: `nick` → `nick!*@*`, `user@host` → `*!user@host`,
 * `nick!user` → `nick!user@*`. An empty part means any (`@host` → `*!*@host`), since an empty
 * part would only match an empty nick, user or host, and so no one. An empty mask stays empty:
 * completing it would give `*!*@*`, and a stray `MODE #c +b :` must not ban everyone.
 */
export function normalizeMask(mask: string): string {
  if (mask === "") return "";
  if (mask.includes("!")) {
    const { nick, user, host } = splitHostmask(mask);
    return `${orAny(nick)}!${orAny(user)}@${orAny(host)}`;
  }
  const at = mask.indexOf("@");
  if (at !== -1) return `*!${orAny(mask.slice(0, at))}@${orAny(mask.slice(at + 1))}`;
  return `${orAny(mask)}!*@*`;
}

function orAny(part: string): string {
  return part === "" ? "*" : part;
}
