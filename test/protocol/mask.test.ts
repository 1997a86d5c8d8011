/**
 * Hostmasks. The split and match tables are transcribed from https://github.com/ircdocs/parser-tests
 * (tests/userhost-split.yaml, tests/mask-split.yaml, tests/mask-match.yaml, CC0); our own cases follow.
 */
import { describe, expect, test } from "bun:test";
import { CASEMAPPINGS, matchMask, normalizeMask, splitHostmask } from "../../src/protocol/index.ts";

const SPLITS = [
  // userhost-split.yaml
  { source: "coolguy!ag@127.0.0.1", nick: "coolguy", user: "ag", host: "127.0.0.1" },
  { source: "coolguy!~ag@localhost", nick: "coolguy", user: "~ag", host: "localhost" },
  { source: "coolguy@127.0.0.1", nick: "coolguy", user: "", host: "127.0.0.1" },
  { source: "coolguy!ag", nick: "coolguy", user: "ag", host: "" },
  {
    source: "coolguy!ag@net\x035w\x03ork.admin",
    nick: "coolguy",
    user: "ag",
    host: "net\x035w\x03ork.admin",
  },
  {
    source: "coolguy!~ag@n\x02et\x0305w\x0fork.admin",
    nick: "coolguy",
    user: "~ag",
    host: "n\x02et\x0305w\x0fork.admin",
  },
  // mask-split.yaml, beyond the cases above
  { source: "!ag@127.0.0.1", nick: "", user: "ag", host: "127.0.0.1" },
  { source: "coolguy!@127.0.0.1", nick: "coolguy", user: "", host: "127.0.0.1" },
  { source: "coolguy!ag@", nick: "coolguy", user: "ag", host: "" },
  // our own
  { source: "irc.example.com", nick: "irc.example.com", user: "", host: "" },
  { source: "", nick: "", user: "", host: "" },
  { source: "n!u@2001:db8::1", nick: "n", user: "u", host: "2001:db8::1" },
  // The first '@' ends the user; a later '!' belongs to the host.
  { source: "n!u@h!x@y", nick: "n", user: "u", host: "h!x@y" },
];

describe("splitHostmask", () => {
  test.each(SPLITS)("%j", ({ source, nick, user, host }) => {
    expect(splitHostmask(source)).toEqual({ nick, user, host });
  });
});

/** mask-match.yaml: each mask with the hostmasks it matches and those it does not. */
const MASK_MATCH = [
  {
    mask: "*@127.0.0.1",
    matches: ["coolguy!ab@127.0.0.1", "cooldud3!~bc@127.0.0.1"],
    fails: ["coolguy!ab@127.0.0.5", "cooldud3!~d@124.0.0.1"],
  },
  {
    mask: "cool*@*",
    matches: ["coolguy!ab@127.0.0.1", "cooldud3!~bc@127.0.0.1", "cool132!ab@example.com"],
    fails: ["koolguy!ab@127.0.0.5", "cooodud3!~d@124.0.0.1"],
  },
  {
    mask: "cool!*@*",
    matches: ["cool!guyab@127.0.0.1", "cool!~dudebc@127.0.0.1", "cool!312ab@example.com"],
    fails: [
      "coolguy!ab@127.0.0.1",
      "cooldud3!~bc@127.0.0.1",
      "koolguy!ab@127.0.0.5",
      "cooodud3!~d@124.0.0.1",
    ],
  },
  {
    mask: "cool!?username@*",
    matches: ["cool!ausername@127.0.0.1", "cool!~username@127.0.0.1"],
    fails: ["cool!username@127.0.0.1"],
  },
  { mask: "cool!a?*@*", matches: ["cool!ab@127.0.0.1", "cool!abc@127.0.0.1"], fails: ["cool!a@127.0.0.1"] },
  // Brackets are literal, not an fnmatch character class.
  {
    mask: "cool[guy]!*@*",
    matches: ["cool[guy]!guy@127.0.0.1", "cool[guy]!a@example.com"],
    fails: ["coolg!ab@127.0.0.1", "cool[!ac@127.0.1.1"],
  },
];

/** Our own cases, under the default rfc1459 casemapping. */
const OUR_MATCH = [
  { mask: "*", matches: ["", "anything at all"], fails: [] },
  { mask: "**", matches: ["", "x"], fails: [] },
  { mask: "", matches: [""], fails: ["x"] },
  { mask: "?", matches: ["x", "é"], fails: ["", "xy"] },
  { mask: "a*b", matches: ["ab", "axxb", "abab"], fails: ["a", "ba", "abx"] },
  { mask: "*a*b*c", matches: ["abc", "xaxbxc", "aabbcc"], fails: ["acb", "abcx"] },
  { mask: "NICK!*@*", matches: ["nick!u@h", "NiCk!u@h"], fails: ["nick2!u@h"] },
  // rfc1459 folds [ ] \ ^ onto { } | ~.
  { mask: "[a]!*@*", matches: ["{a}!u@h", "[A]!u@h"], fails: ["(a)!u@h"] },
  { mask: "a^!*@*", matches: ["a~!u@h"], fails: [] },
  // Escapes match the literal character.
  { mask: "a\\*b", matches: ["a*b"], fails: ["ab", "axb", "a\\xb"] },
  { mask: "a\\?b", matches: ["a?b"], fails: ["axb"] },
  { mask: "a\\\\b", matches: ["a\\b", "a|b"], fails: ["a\\\\b", "ab"] },
  { mask: "*\\**", matches: ["*", "x*y"], fails: ["xy"] },
  // An escaped letter is just the letter, still case-folded.
  { mask: "\\A", matches: ["a", "A"], fails: ["\\a"] },
  // A lone trailing backslash is literal.
  { mask: "a\\", matches: ["a\\", "a|"], fails: ["a"] },
  {
    mask: "*!*@*.example.com",
    matches: ["n!u@irc.example.com", "n!u@a.b.EXAMPLE.COM"],
    fails: ["n!u@example.com"],
  },
  { mask: "*!*@192.168.?.*", matches: ["n!u@192.168.1.20"], fails: ["n!u@192.168.10.20"] },
  { mask: "ünï*", matches: ["ünïcode"], fails: ["ÜNÏCODE"] },
];

const matchCases = (table: typeof OUR_MATCH, source: string) =>
  table.flatMap(({ mask, matches, fails }) => [
    ...matches.map((subject) => ({ source, mask, subject, expected: true })),
    ...fails.map((subject) => ({ source, mask, subject, expected: false })),
  ]);

describe("matchMask", () => {
  test.each([...matchCases(MASK_MATCH, "parser-tests"), ...matchCases(OUR_MATCH, "our own")])(
    "%j",
    ({ mask, subject, expected }) => {
      expect(matchMask(mask, subject)).toBe(expected);
    },
  );

  // The same escapes hold under every casemapping, even those that fold the backslash itself.
  const ESCAPES = CASEMAPPINGS.flatMap((mapping) => [
    { mapping, mask: "a\\*b", subject: "a*b", expected: true },
    { mapping, mask: "a\\*b", subject: "axb", expected: false },
    { mapping, mask: "a\\?b", subject: "a?b", expected: true },
    { mapping, mask: "a\\?b", subject: "axb", expected: false },
    { mapping, mask: "a\\\\b", subject: "a\\b", expected: true },
  ]);
  test.each(ESCAPES)("escape %j", ({ mapping, mask, subject, expected }) => {
    expect(matchMask(mask, subject, mapping)).toBe(expected);
  });

  const MAPPINGS = [
    { mapping: "ascii", mask: "[a]!*@*", subject: "{a}!u@h", expected: false },
    { mapping: "ascii", mask: "NICK!*@*", subject: "nick!u@h", expected: true },
    { mapping: "rfc1459", mask: "a^", subject: "a~", expected: true },
    { mapping: "rfc1459-strict", mask: "a^", subject: "a~", expected: false },
    { mapping: "rfc1459-strict", mask: "a[", subject: "A{", expected: true },
  ] as const;
  test.each(MAPPINGS)("casemapping %j", ({ mapping, mask, subject, expected }) => {
    expect(matchMask(mask, subject, mapping)).toBe(expected);
  });

  // Backtracking matchers go exponential on these; the answers must still be right (and come back).
  const long = "a".repeat(20_000);
  const PATHOLOGICAL = [
    { scenario: "many stars, no b", mask: "*a*a*a*a*a*b", subject: long, expected: false },
    { scenario: "many stars, b at the end", mask: "*a*a*a*a*a*b", subject: `${long}b`, expected: true },
    { scenario: "many ? and stars", mask: "*?a*?a*?a*?a*?b", subject: long, expected: false },
    { scenario: "long mask of stars", mask: "*a".repeat(200), subject: long, expected: true },
    { scenario: "long mask, one c too many", mask: `${"*a".repeat(200)}*c`, subject: long, expected: false },
  ];
  test.each(PATHOLOGICAL)("pathological: $scenario", ({ mask, subject, expected }) => {
    expect(matchMask(mask, subject)).toBe(expected);
  });
});

describe("normalizeMask", () => {
  const MASKS = [
    { mask: "nick", normalized: "nick!*@*" },
    { mask: "user@host", normalized: "*!user@host" },
    { mask: "nick!user", normalized: "nick!user@*" },
    { mask: "nick!user@host", normalized: "nick!user@host" },
    { mask: "*!*@*.example.com", normalized: "*!*@*.example.com" },
    // Empty parts mean "any": "@host" would otherwise become "*!@host", which matches no one.
    { mask: "@host", normalized: "*!*@host" },
    { mask: "nick!", normalized: "nick!*@*" },
    { mask: "!user", normalized: "*!user@*" },
    { mask: "nick!@host", normalized: "nick!*@host" },
    { mask: "nick!user@", normalized: "nick!user@*" },
    // Completed, an empty mask would match everyone: it stays empty (and matches no one).
    { mask: "", normalized: "" },
  ];
  test.each(MASKS)("%j", ({ mask, normalized }) => {
    expect(normalizeMask(mask)).toBe(normalized);
    expect(normalizeMask(normalized)).toBe(normalized);
  });
});
