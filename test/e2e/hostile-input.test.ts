/**
 * Hostile and malformed input against the compiled server. Each case is sent by "mallory"
 * (registered, or a fresh unregistered connection); the server must answer as the table says,
 * stay up, and keep delivering the other users' messages.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { TestClient } from "../support/irc-client.ts";
import { type ServerHandle, startServer, writeConfig } from "../support/server-process.ts";

interface HostileCase {
  name: string;
  /** Sent exactly as given: include the line ending (or leave it out on purpose). */
  send: string | Uint8Array;
  /** A reply mallory must get; null when the line must be ignored without any reply. */
  reply: RegExp | null;
  /** The connection is registered first (default) or stays unregistered. */
  registered?: boolean;
  /** The server drops the connection after the reply. */
  closes?: boolean;
  /** Whether alice, in #lobby, sees a PRIVMSG from mallory because of it (must match exactly). */
  delivered?: RegExp;
}

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));
const long = (n: number) => "x".repeat(n);
const fifteen = Array.from({ length: 15 }, (_, i) => `p${i}`).join(" ");
const sixteen = Array.from({ length: 16 }, (_, i) => `p${i}`).join(" ");
// `PRIVMSG #lobby :` + text + CRLF: 16 + n + 2 bytes.
const atLimit = `PRIVMSG #lobby :${long(512 - 18)}\r\n`;
const overLimit = `PRIVMSG #lobby :${long(512 - 17)}\r\n`;

const CASES: HostileCase[] = [
  // Framing: empty and blank lines are ignored.
  { name: "empty line (CRLF)", send: "\r\n", reply: null },
  { name: "empty line (bare LF)", send: "\n", reply: null },
  { name: "blank line of spaces", send: "      \r\n", reply: null },
  { name: "tags only, no command", send: "@a=b\r\n", reply: null },
  { name: "tags and source, no command", send: "@a=b :src\r\n", reply: null },
  { name: "source only", send: ":nobody\r\n", reply: null },
  // Control characters that could split a line downstream.
  {
    name: "CR CR LF",
    send: "\r\r\n",
    reply: / 400 mallory \* :Line rejected: it contains a NUL or a bare CR$/,
  },
  {
    name: "NUL inside a message",
    send: bytes("PRIVMSG #lobby :a", [0], "b\r\n"),
    reply: / 400 mallory PRIVMSG :/,
  },
  {
    name: "bare CR smuggling a QUIT",
    send: "PRIVMSG #lobby :hi\rQUIT :bye\r\n",
    reply: / 400 mallory PRIVMSG :/,
  },
  { name: "NUL as the whole line", send: bytes([0], "\r\n"), reply: / 400 mallory \* :/ },
  // Encoding: UTF8ONLY rejects invalid UTF-8 with a standard reply.
  {
    name: "invalid UTF-8 bytes",
    send: bytes("PRIVMSG #lobby :", [0xff, 0xfe], "\r\n"),
    reply: /^:\S+ FAIL PRIVMSG INVALID_UTF8 :/,
  },
  {
    name: "overlong UTF-8 encoding of '/'",
    send: bytes("PRIVMSG #lobby :", [0xc0, 0xaf], "\r\n"),
    reply: /FAIL PRIVMSG INVALID_UTF8/,
  },
  {
    name: "UTF-8 encoded surrogate",
    send: bytes("PRIVMSG #lobby :", [0xed, 0xa0, 0x80], "\r\n"),
    reply: /FAIL PRIVMSG INVALID_UTF8/,
  },
  {
    name: "truncated multibyte character",
    send: bytes("PRIVMSG #lobby :caf", [0xc3], "\r\n"),
    reply: /INVALID_UTF8/,
  },
  {
    name: "binary garbage",
    send: bytes([1, 2, 3, 0x7f, 0x80, 0x81, 0x9f], "\r\n"),
    reply: /^:\S+ FAIL \* INVALID_UTF8/,
  },
  { name: "Latin-1 text", send: bytes("PRIVMSG #lobby :caf", [0xe9], "\r\n"), reply: /INVALID_UTF8/ },
  // Length limits.
  {
    name: "line of exactly 512 bytes is accepted",
    send: atLimit,
    reply: null,
    delivered: new RegExp(`PRIVMSG #lobby :x{${512 - 18}}$`),
  },
  { name: "line of 513 bytes gets 417", send: overLimit, reply: / 417 mallory :Input line was too long$/ },
  { name: "10 KB line gets 417", send: `PRIVMSG #lobby :${long(10_000)}\r\n`, reply: / 417 mallory / },
  {
    name: "tag section over 8191 bytes gets 417",
    send: `@+a=${long(8200)} PRIVMSG #lobby :tagged\r\n`,
    reply: / 417 mallory /,
  },
  {
    name: "client tags over 4094 bytes get 417",
    send: `@+a=${long(4100)} PRIVMSG #lobby :tagged\r\n`,
    reply: / 417 mallory /,
  },
  // Parameters.
  {
    name: "16 parameters",
    send: `PRIVMSG ${sixteen}\r\n`,
    reply: / 400 mallory PRIVMSG :Line rejected: more than 15/,
  },
  {
    name: "15 parameters to an unknown command",
    send: `FROB ${fifteen}\r\n`,
    reply: / 421 mallory FROB :Unknown command$/,
  },
  { name: "unknown command", send: "FOOBAR\r\n", reply: / 421 mallory FOOBAR :Unknown command$/ },
  { name: "a numeric as a command", send: "001 mallory :hi\r\n", reply: / 421 mallory 001 / },
  {
    name: "PRIVMSG without target",
    send: "PRIVMSG\r\n",
    reply: / 411 mallory :No recipient given \(PRIVMSG\)$/,
  },
  { name: "PRIVMSG without text", send: "PRIVMSG #lobby\r\n", reply: / 412 mallory :No text to send$/ },
  { name: "PRIVMSG with empty text", send: "PRIVMSG #lobby :\r\n", reply: / 412 mallory / },
  {
    name: "PRIVMSG to a missing channel",
    send: "PRIVMSG #nowhere :x\r\n",
    reply: / 40[13] mallory #nowhere :/,
  },
  { name: "too many targets", send: "PRIVMSG a,b,c,d,e :x\r\n", reply: / 407 mallory / },
  { name: "NICK without a nick", send: "NICK\r\n", reply: / 431 mallory :No nickname given$/ },
  {
    name: "nick starting with a digit",
    send: "NICK 1abc\r\n",
    reply: / 432 mallory 1abc :Erroneous nickname$/,
  },
  { name: "nick with a comma", send: "NICK a,b\r\n", reply: / 432 mallory a,b :/ },
  { name: "non-ASCII nick", send: "NICK ñandú\r\n", reply: / 432 mallory ñandú :/ },
  { name: "nick over NICKLEN", send: `NICK ${long(31)}\r\n`, reply: / 432 mallory x+ :/ },
  { name: "JOIN without a channel", send: "JOIN\r\n", reply: / 461 mallory JOIN :Not enough parameters$/ },
  { name: "JOIN a channel named only #", send: "JOIN #\r\n", reply: / (403|476|479) mallory # :/ },
  { name: "JOIN a name with BEL", send: "JOIN #a\u0007b\r\n", reply: / (403|476|479) mallory / },
  {
    name: "USER again after registering",
    send: "USER a b c d\r\n",
    reply: / 462 mallory :You may not reregister$/,
  },
  { name: "CAP without subcommand", send: "CAP\r\n", reply: / 461 mallory CAP :/ },
  { name: "CAP with a bogus subcommand", send: "CAP BOGUS\r\n", reply: / 410 mallory BOGUS :/ },
  { name: "KICK without being an op", send: "KICK #lobby alice\r\n", reply: / 482 mallory #lobby :/ },
  { name: "MODE on another user", send: "MODE alice +i\r\n", reply: / 502 mallory :/ },
  { name: "KILL without being an oper", send: "KILL alice :bye\r\n", reply: / 481 mallory :/ },
  // Things that look odd but are valid and must pass through untouched.
  {
    name: "spoofed source is ignored",
    send: ":alice!a@b PRIVMSG #lobby :spoof\r\n",
    reply: null,
    delivered: /^:mallory!\S+ PRIVMSG #lobby :spoof$/,
  },
  {
    name: "lower-case command",
    send: "privmsg #lobby :lower\r\n",
    reply: null,
    delivered: /^:mallory!\S+ PRIVMSG #lobby :lower$/,
  },
  {
    name: "CTCP ACTION and colour codes pass intact",
    send: "PRIVMSG #lobby :\u0001ACTION waves \u000304red\u000f\u0001\r\n",
    reply: null,
    delivered: /^:mallory!\S+ PRIVMSG #lobby :\u0001ACTION waves \u000304red\u000f\u0001$/,
  },
  // Before registration.
  {
    name: "PRIVMSG before registering",
    send: "PRIVMSG #lobby :hi\r\n",
    reply: / 451 \* :You have not registered$/,
    registered: false,
  },
  { name: "JOIN before registering", send: "JOIN #lobby\r\n", reply: / 451 \* :/, registered: false },
  { name: "unknown command before registering", send: "FOO\r\n", reply: / (421|451) \* /, registered: false },
  {
    name: "garbage before registering",
    send: bytes([0xff, 0xfe], "\r\n"),
    reply: /INVALID_UTF8/,
    registered: false,
  },
  {
    name: "QUIT before registering",
    send: "QUIT\r\n",
    reply: /^ERROR :Closing Link/,
    registered: false,
    closes: true,
  },
  {
    name: "64 KiB without a newline",
    send: long(64 * 1024),
    reply: /^ERROR :Closing Link: \S+ \(RecvQ exceeded\)$/,
    registered: false,
    closes: true,
  },
];

/** Bob's messages between cases, which mallory (also in #lobby) receives too. */
const CHECK_LINE = / PRIVMSG #lobby :check \d+$/;

let server: ServerHandle;
let alice: TestClient;
let bob: TestClient;
let mallory: TestClient;

beforeAll(async () => {
  // The table itself is a burst of commands: lift the flood limit so it measures input handling.
  server = await startServer([
    "--config",
    writeConfig("[limits]\nflood_burst = 10000\nflood_rate = 1000\nflood_queue = 10000\n"),
  ]);
  alice = await server.client("alice", ["message-tags"]);
  bob = await server.client("bob");
  mallory = await server.client("mallory");
  await alice.next(/^(@\S+ )?:mallory!\S+ JOIN/);
  // Everything from the welcome burst and autojoin has arrived before the first case.
  await mallory.sync();
});
afterAll(async () => {
  await server.stop();
});

describe("hostile input", () => {
  expect(CASES.length).toBeGreaterThanOrEqual(40);
  let check = 0;

  test.each(CASES)("$name", async (c) => {
    const sender = c.registered === false ? await server.connect("stranger") : mallory;
    sender.sendRaw(c.send);
    if (c.reply !== null) expect(await sender.next(c.reply)).toMatch(c.reply);
    if (c.closes) {
      await sender.closed;
    } else {
      // The reply (or silence) is complete once a PING sent after the case comes back.
      const extra = (await sender.sync()).filter((l) => !CHECK_LINE.test(l));
      if (c.reply === null) expect(extra).toEqual([]);
    }
    // Alice sees exactly what was delivered, then bob's next message: nothing lost, nothing injected.
    bob.send(`PRIVMSG #lobby :check ${++check}`);
    const seen = await alice.until(new RegExp(`PRIVMSG #lobby :check ${check}$`));
    const fromMallory = seen.filter((l) => l.includes(" PRIVMSG ") && /^(@\S+ )?:mallory!/.test(l));
    if (c.delivered) {
      expect(fromMallory).toHaveLength(1);
      expect(fromMallory[0]!.replace(/^@\S+ /, "")).toMatch(c.delivered);
    } else {
      expect(fromMallory).toEqual([]);
    }
    expect(seen.every((l) => !l.includes("\r"))).toBe(true);
  });

  test("an escaped CR/LF in a client tag is relayed escaped, never as a line break", async () => {
    mallory.send("@+note=a\\r\\nQUIT\\s:x PRIVMSG #lobby :tagged");
    const line = await alice.next(/PRIVMSG #lobby :tagged$/);
    expect(line).toStartWith("@");
    expect(line).toContain("+note=a\\r\\nQUIT\\s:x");
    // Bob did not ask for message-tags: he gets the message without tags.
    expect(await bob.next(/PRIVMSG #lobby :tagged$/)).toMatch(/^:mallory!/);
  });
});
