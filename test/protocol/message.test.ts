/**
 * Parsing and serializing IRC lines. The vector tables are transcribed from the community parser tests,
 * https://github.com/ircdocs/parser-tests (tests/msg-split.yaml and tests/msg-join.yaml, CC0), newest
 * version: tags without a value are "" rather than null. Our own cases follow each table.
 */
import { describe, expect, test } from "bun:test";
import { type IrcMessage, message, parseMessage, serializeMessage } from "../../src/protocol/index.ts";

interface SplitCase {
  input: string;
  expected: IrcMessage;
}

/** msg-split.yaml: a line as received, and the atoms it splits into. */
const MSG_SPLIT: SplitCase[] = [
  { input: "foo bar baz asdf", expected: message("foo", ["bar", "baz", "asdf"]) },
  { input: ":coolguy foo bar baz asdf", expected: message("foo", ["bar", "baz", "asdf"], "coolguy") },
  { input: "foo bar baz :asdf quux", expected: message("foo", ["bar", "baz", "asdf quux"]) },
  { input: "foo bar baz :", expected: message("foo", ["bar", "baz", ""]) },
  { input: "foo bar baz ::asdf", expected: message("foo", ["bar", "baz", ":asdf"]) },
  {
    input: ":coolguy foo bar baz :asdf quux",
    expected: message("foo", ["bar", "baz", "asdf quux"], "coolguy"),
  },
  {
    input: ":coolguy foo bar baz :  asdf quux ",
    expected: message("foo", ["bar", "baz", "  asdf quux "], "coolguy"),
  },
  { input: ":coolguy PRIVMSG bar :lol :) ", expected: message("PRIVMSG", ["bar", "lol :) "], "coolguy") },
  { input: ":coolguy foo bar baz :", expected: message("foo", ["bar", "baz", ""], "coolguy") },
  { input: ":coolguy foo bar baz :  ", expected: message("foo", ["bar", "baz", "  "], "coolguy") },
  {
    input: "@a=b;c=32;k;rt=ql7 foo",
    expected: message("foo", [], "", { a: "b", c: "32", k: "", rt: "ql7" }),
  },
  {
    input: String.raw`@a=b\\and\nk;c=72\s45;d=gh\:764 foo`,
    expected: message("foo", [], "", { a: "b\\and\nk", c: "72 45", d: "gh;764" }),
  },
  {
    input: "@c;h=;a=b :quux ab cd",
    expected: message("ab", ["cd"], "quux", { c: "", h: "", a: "b" }),
  },
  { input: ":src JOIN #chan", expected: message("JOIN", ["#chan"], "src") },
  { input: ":src JOIN :#chan", expected: message("JOIN", ["#chan"], "src") },
  { input: ":src AWAY", expected: message("AWAY", [], "src") },
  { input: ":src AWAY ", expected: message("AWAY", [], "src") },
  // Tab is not a separator.
  { input: ":cool\tguy foo bar baz", expected: message("foo", ["bar", "baz"], "cool\tguy") },
  {
    input: ":coolguy!ag@net\x035w\x03ork.admin PRIVMSG foo :bar baz",
    expected: message("PRIVMSG", ["foo", "bar baz"], "coolguy!ag@net\x035w\x03ork.admin"),
  },
  {
    input: ":coolguy!~ag@n\x02et\x0305w\x0fork.admin PRIVMSG foo :bar baz",
    expected: message("PRIVMSG", ["foo", "bar baz"], "coolguy!~ag@n\x02et\x0305w\x0fork.admin"),
  },
  {
    input:
      "@tag1=value1;tag2;vendor1/tag3=value2;vendor2/tag4= :irc.example.com COMMAND param1 param2 :param3 param3",
    expected: message("COMMAND", ["param1", "param2", "param3 param3"], "irc.example.com", {
      tag1: "value1",
      tag2: "",
      "vendor1/tag3": "value2",
      "vendor2/tag4": "",
    }),
  },
  {
    input: ":irc.example.com COMMAND param1 param2 :param3 param3",
    expected: message("COMMAND", ["param1", "param2", "param3 param3"], "irc.example.com"),
  },
  {
    input: "@tag1=value1;tag2;vendor1/tag3=value2;vendor2/tag4 COMMAND param1 param2 :param3 param3",
    expected: message("COMMAND", ["param1", "param2", "param3 param3"], "", {
      tag1: "value1",
      tag2: "",
      "vendor1/tag3": "value2",
      "vendor2/tag4": "",
    }),
  },
  { input: "COMMAND", expected: message("COMMAND") },
  {
    input: String.raw`@foo=\\\\\:\\s\s\r\n COMMAND`,
    expected: message("COMMAND", [], "", { foo: "\\\\;\\s \r\n" }),
  },
  // Broken messages from Unreal: runs of spaces separate like one space.
  {
    input: ":gravel.mozilla.org 432  #momo :Erroneous Nickname: Illegal characters",
    expected: message("432", ["#momo", "Erroneous Nickname: Illegal characters"], "gravel.mozilla.org"),
  },
  {
    input: ":gravel.mozilla.org MODE #tckk +n ",
    expected: message("MODE", ["#tckk", "+n"], "gravel.mozilla.org"),
  },
  {
    input: ":services.esper.net MODE #foo-bar +o foobar  ",
    expected: message("MODE", ["#foo-bar", "+o", "foobar"], "services.esper.net"),
  },
  // Tag values are unescaped one character at a time.
  {
    input: String.raw`@tag1=value\\ntest COMMAND`,
    expected: message("COMMAND", [], "", { tag1: "value\\ntest" }),
  },
  { input: String.raw`@tag1=value\1 COMMAND`, expected: message("COMMAND", [], "", { tag1: "value1" }) },
  { input: String.raw`@tag1=value1\ COMMAND`, expected: message("COMMAND", [], "", { tag1: "value1" }) },
  {
    input: "@tag1=1;tag2=3;tag3=4;tag1=5 COMMAND",
    expected: message("COMMAND", [], "", { tag1: "5", tag2: "3", tag3: "4" }),
  },
  {
    input: "@tag1=1;tag2=3;tag3=4;tag1=5;vendor/tag2=8 COMMAND",
    expected: message("COMMAND", [], "", { tag1: "5", tag2: "3", tag3: "4", "vendor/tag2": "8" }),
  },
  { input: ":SomeOp MODE #channel :+i", expected: message("MODE", ["#channel", "+i"], "SomeOp") },
  {
    input: ":SomeOp MODE #channel +oo SomeUser :AnotherUser",
    expected: message("MODE", ["#channel", "+oo", "SomeUser", "AnotherUser"], "SomeOp"),
  },
];

/** Our own parsing decisions, beyond the community vectors. */
const PARSE_EXTRA: SplitCase[] = [
  // The command keeps its case; the server uppercases it when it looks it up.
  { input: "privmsg #c :hi", expected: message("privmsg", ["#c", "hi"]) },
  // Deliberately lenient: leading spaces are skipped (RFC 2812 would reject the line).
  { input: "   PING x", expected: message("PING", ["x"]) },
  { input: "@a=1   :src   CMD   x", expected: message("CMD", ["x"], "src", { a: "1" }) },
  {
    input: ":nick!user@host PRIVMSG #chan :héllo 😀 世界",
    expected: message("PRIVMSG", ["#chan", "héllo 😀 世界"], "nick!user@host"),
  },
  { input: "PRIVMSG a\tb :c", expected: message("PRIVMSG", ["a\tb", "c"]) },
  // A colon inside a middle parameter does not start the trailing one.
  { input: "CMD a:b :c d", expected: message("CMD", ["a:b", "c d"]) },
  // More than MAX_PARAMS parameters are all kept: the caller decides whether the line is malformed.
  {
    input: "CMD 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16",
    expected: message("CMD", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16".split(" ")),
  },
  // A tag without a key is dropped; `=` after the first belongs to the value.
  { input: "@=x;a=b=c CMD", expected: message("CMD", [], "", { a: "b=c" }) },
  { input: "@;;a;; CMD", expected: message("CMD", [], "", { a: "" }) },
  // An empty tag section or source is tolerated.
  { input: "@ CMD x", expected: message("CMD", ["x"]) },
  { input: ": CMD x", expected: message("CMD", ["x"]) },
];

describe("parseMessage", () => {
  test.each(MSG_SPLIT)("parser-tests msg-split: $input", ({ input, expected }) => {
    expect(parseMessage(input)).toEqual(expected);
  });

  test.each(PARSE_EXTRA)("our own: $input", ({ input, expected }) => {
    expect(parseMessage(input)).toEqual(expected);
  });

  const NO_COMMAND = [
    { scenario: "empty line", input: "" },
    { scenario: "only spaces", input: "    " },
    { scenario: "only tags", input: "@a=b;c" },
    { scenario: "only a source", input: ":irc.example.com" },
    { scenario: "tags and source", input: "@a=b :irc.example.com  " },
    { scenario: "a lone @", input: "@" },
    { scenario: "a lone colon", input: ":" },
    // No IRC command starts with `@` or `:`, and such a command could not be serialized back:
    // written without tags or source, the line would read as a tag section or a source.
    { scenario: "command starting with @ after empty tags", input: "@ @b CMD" },
    { scenario: "command starting with : after empty source", input: ": :cmd x" },
    { scenario: "command starting with : after a source", input: ":src :cmd x" },
  ];
  test.each(NO_COMMAND)("no command ($scenario) gives null", ({ input }) => {
    expect(parseMessage(input)).toBeNull();
  });
});

interface JoinCase {
  desc: string;
  atoms: IrcMessage;
  matches: string[];
}

/** msg-join.yaml: atoms, and every line that correctly carries them. */
const MSG_JOIN: JoinCase[] = [
  {
    desc: "Simple test with verb and params.",
    atoms: message("foo", ["bar", "baz", "asdf"]),
    matches: ["foo bar baz asdf", "foo bar baz :asdf"],
  },
  {
    desc: "Simple test with source and no params.",
    atoms: message("AWAY", [], "src"),
    matches: [":src AWAY"],
  },
  {
    desc: "Simple test with source and empty trailing param.",
    atoms: message("AWAY", [""], "src"),
    matches: [":src AWAY :"],
  },
  {
    desc: "Simple test with source.",
    atoms: message("foo", ["bar", "baz", "asdf"], "coolguy"),
    matches: [":coolguy foo bar baz asdf", ":coolguy foo bar baz :asdf"],
  },
  {
    desc: "Simple test with trailing param.",
    atoms: message("foo", ["bar", "baz", "asdf quux"]),
    matches: ["foo bar baz :asdf quux"],
  },
  {
    desc: "Simple test with empty trailing param.",
    atoms: message("foo", ["bar", "baz", ""]),
    matches: ["foo bar baz :"],
  },
  {
    desc: "Simple test with trailing param containing colon.",
    atoms: message("foo", ["bar", "baz", ":asdf"]),
    matches: ["foo bar baz ::asdf"],
  },
  {
    desc: "Test with source and trailing param.",
    atoms: message("foo", ["bar", "baz", "asdf quux"], "coolguy"),
    matches: [":coolguy foo bar baz :asdf quux"],
  },
  {
    desc: "Test with trailing containing beginning+end whitespace.",
    atoms: message("foo", ["bar", "baz", "  asdf quux "], "coolguy"),
    matches: [":coolguy foo bar baz :  asdf quux "],
  },
  {
    desc: "Test with trailing containing what looks like another trailing param.",
    atoms: message("PRIVMSG", ["bar", "lol :) "], "coolguy"),
    matches: [":coolguy PRIVMSG bar :lol :) "],
  },
  {
    desc: "Simple test with source and empty trailing.",
    atoms: message("foo", ["bar", "baz", ""], "coolguy"),
    matches: [":coolguy foo bar baz :"],
  },
  {
    desc: "Trailing contains only spaces.",
    atoms: message("foo", ["bar", "baz", "  "], "coolguy"),
    matches: [":coolguy foo bar baz :  "],
  },
  {
    desc: "Param containing tab (tab is not considered SPACE for message splitting).",
    atoms: message("foo", ["b\tar", "baz"], "coolguy"),
    matches: [":coolguy foo b\tar baz", ":coolguy foo b\tar :baz"],
  },
  {
    desc: "Tag with empty value and space-filled trailing.",
    atoms: message("foo", ["bar", "baz", "  "], "coolguy", { asd: "" }),
    matches: ["@asd :coolguy foo bar baz :  ", "@asd= :coolguy foo bar baz :  "],
  },
  {
    desc: "Tags with escaped values.",
    atoms: message("foo", [], "", { a: "b\\and\nk", d: "gh;764" }),
    matches: [String.raw`@a=b\\and\nk;d=gh\:764 foo`, String.raw`@d=gh\:764;a=b\\and\nk foo`],
  },
  {
    desc: "Tags with escaped values and params.",
    atoms: message("foo", ["par1", "par2"], "", { a: "b\\and\nk", d: "gh;764" }),
    matches: [
      String.raw`@a=b\\and\nk;d=gh\:764 foo par1 par2`,
      String.raw`@a=b\\and\nk;d=gh\:764 foo par1 :par2`,
      String.raw`@d=gh\:764;a=b\\and\nk foo par1 par2`,
      String.raw`@d=gh\:764;a=b\\and\nk foo par1 :par2`,
    ],
  },
  {
    desc: "Tag with long, strange values (including LF and newline).",
    atoms: message("COMMAND", [], "", { foo: "\\\\;\\s \r\n" }),
    matches: [String.raw`@foo=\\\\\:\\s\s\r\n COMMAND`],
  },
];

describe("serializeMessage", () => {
  test.each(MSG_JOIN)("parser-tests msg-join: $desc", ({ atoms, matches }) => {
    expect(matches).toContain(serializeMessage(atoms));
    for (const line of matches) expect(parseMessage(line)).toEqual(atoms);
  });

  const OUR_JOIN = [
    {
      scenario: "forced trailing on a one-word text",
      msg: message("PRIVMSG", ["#c", "hi"]),
      forceTrailing: true,
      line: "PRIVMSG #c :hi",
    },
    { scenario: "forced trailing with no params", msg: message("QUIT"), forceTrailing: true, line: "QUIT" },
    {
      scenario: "numeric with a server source",
      msg: message("001", ["nick", "Welcome to the IRC Network nick"], "irc.example.com"),
      forceTrailing: false,
      line: ":irc.example.com 001 nick :Welcome to the IRC Network nick",
    },
    {
      scenario: "last param starting with a colon",
      msg: message("PRIVMSG", ["#c", ":)"]),
      forceTrailing: false,
      line: "PRIVMSG #c ::)",
    },
    {
      scenario: "unicode text without spaces",
      msg: message("PRIVMSG", ["#c", "😀世界"]),
      forceTrailing: false,
      line: "PRIVMSG #c 😀世界",
    },
    {
      scenario: "client tag and vendor tag",
      msg: message("TAGMSG", ["#c"], "n!u@h", { "+typing": "active", "example.com/x": "a b" }),
      forceTrailing: false,
      line: String.raw`@+typing=active;example.com/x=a\sb :n!u@h TAGMSG #c`,
    },
  ];
  test.each(OUR_JOIN)("our own: $scenario", ({ msg, forceTrailing, line }) => {
    expect(serializeMessage(msg, forceTrailing)).toBe(line);
    expect(parseMessage(line)).toEqual(msg);
  });
});
