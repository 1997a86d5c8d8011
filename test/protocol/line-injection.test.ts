/**
 * Line injection: whatever a caller puts in a message, serializeMessage writes one line with no CR, LF or NUL,
 * so a nick, topic or tag value can never end the line early and smuggle in a second command.
 */
import { describe, expect, test } from "bun:test";
import {
  MAX_CLIENT_TAGS_BYTES,
  MAX_LINE_BYTES,
  MAX_PARAMS,
  MAX_TAGS_BYTES,
  message,
  parseMessage,
  serializeMessage,
  stripUnsafe,
} from "../../src/protocol/index.ts";

const INJECTIONS = [
  {
    scenario: "CRLF and a second command in the trailing text",
    msg: message("PRIVMSG", ["#c", "hi\r\nQUIT :bye"]),
    line: "PRIVMSG #c :hiQUIT :bye",
  },
  {
    scenario: "bare LF in a one-word text",
    msg: message("PRIVMSG", ["#c", "hi\nKILL"]),
    line: "PRIVMSG #c hiKILL",
  },
  {
    scenario: "CRLF in a middle parameter",
    msg: message("KICK", ["#c\r\nJOIN", "nick", "why"]),
    line: "KICK #cJOIN nick why",
  },
  {
    scenario: "CRLF in the source",
    msg: message("NICK", ["new"], "old!u@h\r\nQUIT"),
    line: ":old!u@hQUIT NICK new",
  },
  {
    scenario: "CRLF in the command",
    msg: message("PING\r\nQUIT", ["x"]),
    line: "PINGQUIT x",
  },
  {
    scenario: "NUL in text",
    msg: message("NOTICE", ["n", "a\0b c"]),
    line: "NOTICE n :ab c",
  },
  {
    // A stripped last parameter still gets the colon its remaining text needs.
    scenario: "LF before a leading colon in the last parameter",
    msg: message("PRIVMSG", ["#c", "\n:x"]),
    line: "PRIVMSG #c ::x",
  },
  {
    scenario: "last parameter made only of CRLF",
    msg: message("PRIVMSG", ["#c", "\r\n"]),
    line: "PRIVMSG #c :",
  },
  {
    scenario: "source made only of CRLF",
    msg: message("PING", ["x"], "\r\n"),
    line: "PING x",
  },
  {
    // CR and LF in tag values are escaped (so they survive), NUL is stripped.
    scenario: "CR, LF and NUL in a tag value",
    msg: message("TAGMSG", ["#c"], "", { "+draft/x": "a\r\nb\0c" }),
    line: String.raw`@+draft/x=a\r\nbc TAGMSG #c`,
  },
  {
    scenario: "CRLF in a tag key",
    msg: message("TAGMSG", ["#c"], "", { "+a\r\nQUIT": "1" }),
    line: "@+aQUIT=1 TAGMSG #c",
  },
];

describe("serializeMessage strips line breaks and NUL", () => {
  test.each(INJECTIONS)("$scenario", ({ msg, line }) => {
    const out = serializeMessage(msg);
    expect(out).toBe(line);
    expect(out).not.toMatch(/[\r\n\0]/);
    expect(serializeMessage(msg, true)).not.toMatch(/[\r\n\0]/);
  });

  test.each(INJECTIONS)("$scenario: the line reads back as the stripped message", ({ msg, line }) => {
    const parsed = parseMessage(line)!;
    expect(parsed.command).toBe(stripUnsafe(msg.command));
    expect(parsed.source).toBe(stripUnsafe(msg.source));
    expect(parsed.params).toEqual(msg.params.map(stripUnsafe));
  });
});

describe("limits", () => {
  // Modern IRC (https://modern.ircdocs.horse/#message-format) and IRCv3 message-tags.
  const LIMITS = [
    { name: "line without tags, CRLF included", value: MAX_LINE_BYTES, expected: 512 },
    { name: "tag section", value: MAX_TAGS_BYTES, expected: 8191 },
    { name: "client tags", value: MAX_CLIENT_TAGS_BYTES, expected: 4094 },
    { name: "parameters", value: MAX_PARAMS, expected: 15 },
  ];
  test.each(LIMITS)("$name: $expected", ({ value, expected }) => {
    expect(value).toBe(expected);
  });
});
