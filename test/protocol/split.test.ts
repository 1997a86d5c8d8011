/** Splitting long text into pieces that each fit one IRC line, without cutting characters. */
import { describe, expect, test } from "bun:test";
import {
  MAX_LINE_BYTES,
  maxTextBytes,
  message,
  serializeMessage,
  splitText,
  utf8Length,
} from "../../src/protocol/index.ts";
import { prng, seedFromEnv } from "./prng.ts";

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).length;

describe("utf8Length", () => {
  const LENGTHS = [
    { scenario: "empty", text: "", length: 0 },
    { scenario: "ASCII", text: "hello", length: 5 },
    { scenario: "two-byte", text: "é", length: 2 },
    { scenario: "three-byte CJK", text: "世界", length: 6 },
    { scenario: "four-byte emoji", text: "😀", length: 4 },
    { scenario: "e and a combining accent", text: "e\u0301", length: 3 },
    { scenario: "ZWJ family", text: "👨‍👩‍👧", length: 18 },
    { scenario: "flag", text: "🇫🇷", length: 8 },
    // Lone surrogates are sent as U+FFFD (3 bytes), as TextEncoder does.
    { scenario: "lone high surrogate", text: "\ud800", length: 3 },
    { scenario: "lone low surrogate", text: "\udc00", length: 3 },
    { scenario: "high surrogate before ASCII", text: "\ud800a", length: 4 },
    { scenario: "high surrogate before é", text: "\ud800é", length: 5 },
    { scenario: "two high surrogates", text: "\ud800\ud800", length: 6 },
  ];
  test.each(LENGTHS)("$scenario: $length bytes", ({ text, length }) => {
    expect(utf8Length(text)).toBe(length);
    expect(utf8Length(text)).toBe(bytes(text));
  });
});

describe("splitText", () => {
  const SPLITS = [
    { scenario: "fits", text: "hello", maxBytes: 10, pieces: ["hello"] },
    { scenario: "exactly fits", text: "0123456789", maxBytes: 10, pieces: ["0123456789"] },
    { scenario: "empty", text: "", maxBytes: 10, pieces: [""] },
    { scenario: "at a space", text: "aaaa bbbb cccc", maxBytes: 10, pieces: ["aaaa bbbb ", "cccc"] },
    { scenario: "no space", text: "abcdefghij", maxBytes: 4, pieces: ["abcd", "efgh", "ij"] },
    // A break before the middle would waste most of the line, so the word is cut instead.
    { scenario: "space too early", text: "a bcdefghijkl", maxBytes: 8, pieces: ["a bcdefg", "hijkl"] },
    { scenario: "runs of spaces stay", text: "aaa   bbb", maxBytes: 5, pieces: ["aaa  ", " bbb"] },
    { scenario: "emoji", text: "😀😀😀", maxBytes: 5, pieces: ["😀", "😀", "😀"] },
    { scenario: "CJK", text: "世界世界世", maxBytes: 7, pieces: ["世界", "世界", "世"] },
    { scenario: "mixed widths", text: "aé世😀", maxBytes: 6, pieces: ["aé世", "😀"] },
    // A base letter keeps its combining accent: the cut goes before the cluster.
    {
      scenario: "combining accent",
      text: "ééé".normalize("NFD"),
      maxBytes: 5,
      pieces: ["e\u0301", "e\u0301", "e\u0301"],
    },
    { scenario: "flags", text: "🇫🇷🇩🇪", maxBytes: 12, pieces: ["🇫🇷", "🇩🇪"] },
    // A cluster larger than the limit has to be cut, at a code point.
    {
      scenario: "cluster over the limit",
      text: "👨‍👩‍👧",
      maxBytes: 8,
      pieces: ["👨\u200d", "👩\u200d", "👧"],
    },
  ];
  test.each(SPLITS)("$scenario", ({ text, maxBytes, pieces }) => {
    expect(splitText(text, maxBytes)).toEqual(pieces);
  });

  test.each([0, 1, 3])("maxBytes %p cannot hold every character", (maxBytes) => {
    expect(() => splitText("text", maxBytes)).toThrow(RangeError);
  });

  // Random text full of multibyte characters, clusters, spaces and lone surrogates, checked piece by piece.
  const seed = seedFromEnv(20261125);
  const ATOMS = [
    "a",
    "b",
    "Z",
    " ",
    " ",
    "é",
    "世",
    "😀",
    "e\u0301",
    "🇫🇷",
    "👨‍👩‍👧",
    "\ud800",
    "\udc00",
    "\u200d",
  ];
  test(`random texts keep every piece whole and within the limit (seed ${seed})`, () => {
    const random = prng(seed);
    for (let run = 0; run < 2000; run++) {
      const maxBytes = 4 + random.below(60);
      let text = "";
      const atoms = random.below(80);
      for (let i = 0; i < atoms; i++) text += random.pick(ATOMS);
      const pieces = splitText(text, maxBytes);
      const context = `seed ${seed}, run ${run}: ${JSON.stringify({ text, maxBytes, pieces })}`;
      expect(pieces.join(""), context).toBe(text);
      for (const [i, piece] of pieces.entries()) {
        expect(bytes(piece), context).toBeLessThanOrEqual(maxBytes);
        expect(utf8Length(piece), context).toBe(bytes(piece));
        if (i < pieces.length - 1) {
          expect(piece, context).not.toBe("");
          // No surrogate pair is cut in two.
          expect(/[\ud800-\udbff]$/.test(piece) && /^[\udc00-\udfff]/.test(pieces[i + 1]!), context).toBe(
            false,
          );
        }
      }
    }
  });
});

describe("maxTextBytes", () => {
  const LINES = [
    { source: "nick!user@host", target: "#chan" },
    { source: "n!u@h", target: "n" },
    {
      source: "averylongnickname!~identuser@some.very.long.cloaked.host.example.com",
      target: "#a-rather-long-channel-name",
    },
    { source: "ñíck!üser@höst", target: "#ünïcode" },
  ];
  test.each(LINES)("a full PRIVMSG from $source to $target is at most 512 bytes", ({ source, target }) => {
    const max = maxTextBytes(source, "PRIVMSG", target);
    expect(max).toBe(MAX_LINE_BYTES - bytes(`:${source} PRIVMSG ${target} :\r\n`));
    const texts = ["x".repeat(3000), "word ".repeat(600), "😀世é ".repeat(300)];
    for (const text of texts) {
      const pieces = splitText(text, max);
      expect(pieces.join("")).toBe(text);
      for (const piece of pieces) {
        const line = `${serializeMessage(message("PRIVMSG", [target, piece], source), true)}\r\n`;
        expect(bytes(line)).toBeLessThanOrEqual(MAX_LINE_BYTES);
      }
      // Without spaces, every piece but the last fills the line exactly.
      if (text === texts[0]) {
        const full = `${serializeMessage(message("PRIVMSG", [target, pieces[0]!], source), true)}\r\n`;
        expect(bytes(full)).toBe(MAX_LINE_BYTES);
      }
    }
  });

  test("the overhead of a known line", () => {
    // ":nick!user@host PRIVMSG #chan :" is 31 bytes, CRLF 2 more.
    expect(maxTextBytes("nick!user@host", "PRIVMSG", "#chan")).toBe(512 - 33);
  });
});
