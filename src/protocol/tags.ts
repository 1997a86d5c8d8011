/** IRCv3 message-tags: escaping of tag values and the `@a=b;c` section. */

export type Tags = Record<string, string>;

const ESCAPES: Record<string, string> = { ";": "\\:", " ": "\\s", "\\": "\\\\", "\r": "\\r", "\n": "\\n" };
const UNESCAPES: Record<string, string> = { ":": ";", s: " ", "\\": "\\", r: "\r", n: "\n" };

export function escapeTagValue(value: string): string {
  return value.replace(/[; \\\r\n]/g, (c) => ESCAPES[c]!);
}

/** Unknown escapes drop the backslash; a lone trailing backslash is dropped (per the spec). */
export function unescapeTagValue(raw: string): string {
  if (!raw.includes("\\")) return raw;
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== "\\") {
      out += c;
      continue;
    }
    i++;
    if (i >= raw.length) break;
    const next = raw[i]!;
    out += UNESCAPES[next] ?? next;
  }
  return out;
}

/** Parses the tag section without its leading `@`. Later duplicates win; a missing value is "". */
export function parseTags(section: string): Tags {
  const tags: Tags = {};
  for (const item of section.split(";")) {
    if (item === "") continue;
    const eq = item.indexOf("=");
    if (eq === -1) tags[item] = "";
    else if (eq > 0) tags[item.slice(0, eq)] = unescapeTagValue(item.slice(eq + 1));
  }
  return tags;
}

/** Serializes tags without the leading `@`; empty values are written as bare keys. */
export function serializeTags(tags: Tags): string {
  let out = "";
  for (const key in tags) {
    const value = tags[key]!;
    if (out !== "") out += ";";
    out += value === "" ? key : `${key}=${escapeTagValue(value)}`;
  }
  return out;
}

/** Tag keys: optional `+`, optional vendor `host/`, then letters, digits and hyphens. */
const TAG_KEY = /^\+?([A-Za-z0-9.-]+\/)?[A-Za-z0-9-]+$/;

export function isValidTagKey(key: string): boolean {
  return TAG_KEY.test(key);
}

export function isClientTag(key: string): boolean {
  return key.startsWith("+");
}
