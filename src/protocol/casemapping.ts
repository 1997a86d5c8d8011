/** Casemapping: how nicks and channel names compare (ISUPPORT CASEMAPPING). */

export type Casemapping = "ascii" | "rfc1459" | "rfc1459-strict";

export const CASEMAPPINGS: readonly Casemapping[] = ["ascii", "rfc1459", "rfc1459-strict"];

/** Highest char code each mapping folds: A-Z always; `[\]` (and `~` for rfc1459) as lower-case `{|}` (`^`). */
const UPPER_LIMIT: Record<Casemapping, number> = { ascii: 90, "rfc1459-strict": 93, rfc1459: 94 };

export function casefold(text: string, mapping: Casemapping): string {
  const limit = UPPER_LIMIT[mapping];
  let out = "";
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Every folded character maps 32 code points up: 'A'..'Z' to 'a'..'z', '['..'^' to '{'..'~'.
    // (RFC 2812's prose names '~' the upper case of '^'; implementations fold by +32, and the
    // equivalence classes are the same either way.)
    if (c >= 65 && c <= limit) {
      out += text.slice(start, i) + String.fromCharCode(c + 32);
      start = i + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}

export function caseEquals(a: string, b: string, mapping: Casemapping): boolean {
  return a.length === b.length && casefold(a, mapping) === casefold(b, mapping);
}
