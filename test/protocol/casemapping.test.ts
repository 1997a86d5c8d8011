/**
 * Casemappings as ISUPPORT CASEMAPPING names them (https://modern.ircdocs.horse/#casemapping-parameter):
 * ascii folds A-Z; rfc1459-strict also folds `[]\` to `{}|`; rfc1459 also folds `^` to `~`.
 */
import { describe, expect, test } from "bun:test";
import { CASEMAPPINGS, type Casemapping, caseEquals, casefold } from "../../src/protocol/index.ts";

const FOLDS: { input: string; folded: Record<Casemapping, string> }[] = [
  { input: "NickName", folded: { ascii: "nickname", rfc1459: "nickname", "rfc1459-strict": "nickname" } },
  {
    input: "already lower",
    folded: { ascii: "already lower", rfc1459: "already lower", "rfc1459-strict": "already lower" },
  },
  { input: "", folded: { ascii: "", rfc1459: "", "rfc1459-strict": "" } },
  { input: "[]\\", folded: { ascii: "[]\\", rfc1459: "{}|", "rfc1459-strict": "{}|" } },
  // `^` is the upper case of `~` in rfc1459 only.
  { input: "^", folded: { ascii: "^", rfc1459: "~", "rfc1459-strict": "^" } },
  { input: "{}|~", folded: { ascii: "{}|~", rfc1459: "{}|~", "rfc1459-strict": "{}|~" } },
  { input: "#Chan[A]", folded: { ascii: "#chan[a]", rfc1459: "#chan{a}", "rfc1459-strict": "#chan{a}" } },
  // Only ASCII is folded: non-ASCII letters, digits and other punctuation stay as they are.
  { input: "ÉLAN", folded: { ascii: "Élan", rfc1459: "Élan", "rfc1459-strict": "Élan" } },
  { input: "İ", folded: { ascii: "İ", rfc1459: "İ", "rfc1459-strict": "İ" } },
  { input: "@_`-0Z", folded: { ascii: "@_`-0z", rfc1459: "@_`-0z", "rfc1459-strict": "@_`-0z" } },
];

describe("casefold", () => {
  const cases = FOLDS.flatMap(({ input, folded }) =>
    CASEMAPPINGS.map((mapping) => ({ mapping, input, expected: folded[mapping] })),
  );
  test.each(cases)("$mapping: $input", ({ mapping, input, expected }) => {
    expect(casefold(input, mapping)).toBe(expected);
    expect(casefold(expected, mapping)).toBe(expected);
  });
});

describe("caseEquals", () => {
  const EQUALS: { a: string; b: string; equal: Record<Casemapping, boolean> }[] = [
    { a: "Nick", b: "nICK", equal: { ascii: true, rfc1459: true, "rfc1459-strict": true } },
    { a: "Nick", b: "Nick2", equal: { ascii: false, rfc1459: false, "rfc1459-strict": false } },
    { a: "Nick[away]", b: "nick{away}", equal: { ascii: false, rfc1459: true, "rfc1459-strict": true } },
    { a: "a\\b", b: "A|B", equal: { ascii: false, rfc1459: true, "rfc1459-strict": true } },
    { a: "x^", b: "X~", equal: { ascii: false, rfc1459: true, "rfc1459-strict": false } },
    { a: "#Ünïcode", b: "#üNÏCODE", equal: { ascii: false, rfc1459: false, "rfc1459-strict": false } },
    { a: "", b: "", equal: { ascii: true, rfc1459: true, "rfc1459-strict": true } },
    // `@` (0x40) and backtick (0x60) sit 32 apart but are not a case pair in any mapping.
    { a: "@", b: "`", equal: { ascii: false, rfc1459: false, "rfc1459-strict": false } },
    { a: "_", b: "\x7f", equal: { ascii: false, rfc1459: false, "rfc1459-strict": false } },
  ];
  const cases = EQUALS.flatMap(({ a, b, equal }) =>
    CASEMAPPINGS.map((mapping) => ({ mapping, a, b, expected: equal[mapping] })),
  );
  test.each(cases)("$mapping: $a vs $b is $expected", ({ mapping, a, b, expected }) => {
    expect(caseEquals(a, b, mapping)).toBe(expected);
    expect(caseEquals(b, a, mapping)).toBe(expected);
  });
});
