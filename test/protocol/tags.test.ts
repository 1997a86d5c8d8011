/** IRCv3 message-tags (https://ircv3.net/specs/extensions/message-tags): value escaping, the tag section, keys. */
import { describe, expect, test } from "bun:test";
import {
  escapeTagValue,
  isClientTag,
  isValidTagKey,
  parseTags,
  serializeTags,
  type Tags,
  unescapeTagValue,
} from "../../src/protocol/index.ts";

describe("tag values", () => {
  // Each raw value as it appears on the wire, and what it means.
  const UNESCAPE = [
    { scenario: "no escapes", raw: "plain", value: "plain" },
    { scenario: "empty value", raw: "", value: "" },
    { scenario: String.raw`\: is a semicolon`, raw: String.raw`a\:b`, value: "a;b" },
    { scenario: String.raw`\s is a space`, raw: String.raw`a\sb`, value: "a b" },
    { scenario: String.raw`\\ is a backslash`, raw: String.raw`a\\b`, value: "a\\b" },
    { scenario: String.raw`\r is CR`, raw: String.raw`a\rb`, value: "a\rb" },
    { scenario: String.raw`\n is LF`, raw: String.raw`a\nb`, value: "a\nb" },
    { scenario: "unknown escape drops the backslash", raw: String.raw`a\bc`, value: "abc" },
    { scenario: "escaped digit", raw: String.raw`value\1`, value: "value1" },
    { scenario: "trailing backslash is dropped", raw: "value\\", value: "value" },
    { scenario: "lone backslash is empty", raw: "\\", value: "" },
    { scenario: "escaped backslash then n is not LF", raw: String.raw`\\n`, value: "\\n" },
    { scenario: "three backslashes then s", raw: String.raw`\\\s`, value: "\\ " },
    { scenario: "every escape in a row", raw: String.raw`\:\s\\\r\n`, value: "; \\\r\n" },
    { scenario: "a raw = is kept", raw: "a=b", value: "a=b" },
    // Not String.raw: Bun 1.4.5 turns non-ASCII inside String.raw into \u escapes.
    { scenario: "unicode passes through", raw: "héllo\\s😀", value: "héllo 😀" },
  ];
  test.each(UNESCAPE)("unescape: $scenario", ({ raw, value }) => {
    expect(unescapeTagValue(raw)).toBe(value);
  });

  const ESCAPE = [
    { scenario: "nothing to escape", value: "abc", raw: "abc" },
    { scenario: "empty", value: "", raw: "" },
    { scenario: "semicolon", value: "a;b", raw: String.raw`a\:b` },
    { scenario: "space", value: "a b", raw: String.raw`a\sb` },
    { scenario: "backslash", value: "a\\b", raw: String.raw`a\\b` },
    { scenario: "CR LF", value: "a\r\nb", raw: String.raw`a\r\nb` },
    { scenario: "trailing backslash", value: "a\\", raw: String.raw`a\\` },
    { scenario: "colon is not escaped", value: "a:b", raw: "a:b" },
    // NUL has no escape; serializeMessage strips it from the line.
    { scenario: "NUL is not escaped", value: "a\0b", raw: "a\0b" },
  ];
  test.each(ESCAPE)("escape: $scenario", ({ value, raw }) => {
    expect(escapeTagValue(value)).toBe(raw);
    expect(unescapeTagValue(escapeTagValue(value))).toBe(value);
  });
});

describe("tag section", () => {
  const SECTIONS: { scenario: string; section: string; tags: Tags }[] = [
    { scenario: "key and value", section: "a=b", tags: { a: "b" } },
    { scenario: "missing = is an empty value", section: "a", tags: { a: "" } },
    { scenario: "= with nothing after is an empty value", section: "a=", tags: { a: "" } },
    { scenario: "duplicate keys: the last wins", section: "a=1;b=2;a=3", tags: { a: "3", b: "2" } },
    { scenario: "duplicate key without value wins too", section: "a=1;a", tags: { a: "" } },
    { scenario: "empty items are skipped", section: ";a=1;;b;", tags: { a: "1", b: "" } },
    { scenario: "empty section", section: "", tags: {} },
    { scenario: "missing key is dropped", section: "=v;a=1", tags: { a: "1" } },
    { scenario: "later = belong to the value", section: "a=b=c", tags: { a: "b=c" } },
    {
      scenario: "client and vendor keys",
      section: "+typing=active;example.com/x=1",
      tags: { "+typing": "active", "example.com/x": "1" },
    },
    { scenario: "escaped value", section: String.raw`a=x\sy\:z`, tags: { a: "x y;z" } },
  ];
  test.each(SECTIONS)("parse: $scenario", ({ section, tags }) => {
    expect(parseTags(section)).toEqual(tags);
  });

  const SERIALIZE: { scenario: string; tags: Tags; section: string }[] = [
    { scenario: "no tags", tags: {}, section: "" },
    { scenario: "empty value is a bare key", tags: { a: "" }, section: "a" },
    { scenario: "values are escaped", tags: { a: "x y;z\\" }, section: String.raw`a=x\sy\:z\\` },
    { scenario: "order is kept", tags: { b: "1", a: "2", "+c": "" }, section: "b=1;a=2;+c" },
  ];
  test.each(SERIALIZE)("serialize: $scenario", ({ tags, section }) => {
    expect(serializeTags(tags)).toBe(section);
    expect(parseTags(section)).toEqual(tags);
  });

  test("a __proto__ key neither pollutes Object.prototype nor becomes a tag", () => {
    const tags = parseTags("__proto__=x;constructor=y;a=1");
    expect(Object.keys(tags).sort()).toEqual(["a", "constructor"]);
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    // Tag keys cannot contain "_", so a server that checks keys drops it anyway.
    expect(isValidTagKey("__proto__")).toBe(false);
  });
});

describe("tag keys", () => {
  const KEYS = [
    { key: "time", valid: true },
    { key: "msgid", valid: true },
    { key: "a-b-1", valid: true },
    { key: "+typing", valid: true },
    { key: "+draft/reply", valid: true },
    { key: "example.com/foo", valid: true },
    { key: "+example.com/foo-bar", valid: true },
    { key: "", valid: false },
    { key: "+", valid: false },
    { key: "/foo", valid: false },
    { key: "example.com/", valid: false },
    { key: "a/b/c", valid: false },
    { key: "++a", valid: false },
    { key: "a+", valid: false },
    { key: "a_b", valid: false },
    { key: "a b", valid: false },
    { key: "a=b", valid: false },
    { key: "a;b", valid: false },
    { key: "tïme", valid: false },
    { key: "a\r\n", valid: false },
  ];
  test.each(KEYS)("isValidTagKey %j", ({ key, valid }) => {
    expect(isValidTagKey(key)).toBe(valid);
  });

  const CLIENT = [
    { key: "+typing", client: true },
    { key: "+example.com/x", client: true },
    { key: "time", client: false },
    { key: "example.com/x", client: false },
    { key: "", client: false },
  ];
  test.each(CLIENT)("isClientTag($key) is $client", ({ key, client }) => {
    expect(isClientTag(key)).toBe(client);
  });
});
