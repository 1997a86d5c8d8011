import { describe, expect, test } from "bun:test";
import pc from "picocolors";
import {
  type ChatLine,
  clock,
  formatLine,
  mentions,
  nickColorIndex,
  printable,
} from "../../src/client/format.ts";
import { casefold } from "../../src/protocol/index.ts";

const time = new Date(2026, 0, 2, 9, 5);
const plainCtx = {
  colors: pc.createColors(false),
  ownNick: "ann",
  currentTarget: "#lobby",
  fold: (s: string) => casefold(s, "rfc1459"),
};
const message = (over: Partial<Extract<ChatLine, { kind: "message" }>>): ChatLine => ({
  kind: "message",
  time,
  nick: "bob",
  target: "#lobby",
  text: "hi",
  style: "privmsg",
  own: false,
  private: false,
  ...over,
});

test("clock is HH:MM", () => {
  expect(clock(time)).toBe("09:05");
});

describe("formatLine without colour", () => {
  test.each<[string, ChatLine, string, boolean]>([
    ["channel message", message({}), "09:05 <bob> hi", false],
    ["other channel", message({ target: "#dev" }), "09:05 #dev <bob> hi", false],
    ["action", message({ style: "action", text: "waves" }), "09:05 * bob waves", false],
    ["notice", message({ style: "notice" }), "09:05 -bob- hi", false],
    ["private in", message({ private: true, target: "bob" }), "09:05 *bob* hi", true],
    [
      "private out",
      message({ private: true, own: true, nick: "ann", target: "bob" }),
      "09:05 -> *bob* hi",
      false,
    ],
    ["mention", message({ text: "ann: lunch?" }), "09:05 <bob> ann: lunch?", true],
    [
      "own line naming self",
      message({ nick: "ann", own: true, text: "ann here" }),
      "09:05 <ann> ann here",
      false,
    ],
    ["event", { kind: "event", time, text: "bob joined #lobby" }, "09:05 -- bob joined #lobby", false],
    ["error", { kind: "error", time, text: "#x: cannot join" }, "09:05 !! #x: cannot join", false],
    ["server", { kind: "server", time, text: "Welcome" }, "09:05 Welcome", false],
    ["control chars", message({ text: "a\x1b[2Jb\x07c" }), "09:05 <bob> a[2Jbc", false],
  ])("%s", (_name, line, text, highlight) => {
    expect(formatLine(line, plainCtx)).toEqual({ text, highlight });
  });
});

test("colour: nick coloured, events dimmed, mentions highlighted", () => {
  const ctx = { ...plainCtx, colors: pc.createColors(true) };
  expect(formatLine(message({}), ctx).text).toMatch(/\x1b\[\d+mbob\x1b\[39m/);
  expect(formatLine({ kind: "event", time, text: "x" }, ctx).text).toContain("\x1b[2m-- x");
  const mention = formatLine(message({ text: "hey ann" }), ctx).text;
  expect(mention).toContain("\x1b[1m\x1b[33m<bob> hey ann");
});

describe("nick colour", () => {
  test("stable for a nick and its case variants", () => {
    const fold = (s: string) => casefold(s, "rfc1459");
    expect(nickColorIndex(fold("Alice"))).toBe(nickColorIndex(fold("alice")));
    expect(nickColorIndex(fold("[Bot]"))).toBe(nickColorIndex(fold("{bot}")));
    expect(nickColorIndex("alice")).toBe(nickColorIndex("alice"));
  });

  test("spreads nicks over the palette", () => {
    const used = new Set(
      ["alice", "bob", "carol", "dave", "eve", "frank", "grace", "heidi"].map(nickColorIndex),
    );
    expect(used.size).toBeGreaterThanOrEqual(4);
  });
});

test.each([
  ["ann: hi", "ann", true],
  ["hi Ann!", "ann", true],
  ["annabel", "ann", false],
  ["joann", "ann", false],
  ["(ann)", "ann", true],
  ["[ann]", "ann", false],
  ["x_ann", "ann", false],
  ["a.b", "a.b", true],
])("mentions(%p, %p) → %p", (text, nick, expected) => {
  expect(mentions(text, nick)).toBe(expected);
});

test.each([
  ["\x02bold\x02\tplain", "bold\tplain"],
  ["\x0304,12red on blue\x03 and \x0399x", "red on blue and x"],
  ["\x04ff0000hex\x0f", "hex"],
  ["\x1b[2J\x1b[Hcursor\r\n\x07\x7f", "[2J[Hcursor"],
])("printable %p", (text, shown) => {
  expect(printable(text)).toBe(shown);
});
