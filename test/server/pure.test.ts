/** Tables for the server's pure pieces: line decoding, mode parsing, LIST filters, flood bucket, queues. */
import { describe, expect, test } from "bun:test";
import { type ListedChannel, parseListFilter } from "../../src/server/elist.ts";
import { TokenBucket } from "../../src/server/flood.ts";
import { Inbox } from "../../src/server/inbox.ts";
import { decodeLine, type Input } from "../../src/server/input.ts";
import { formatModes, parseChannelModes, parseUserModes } from "../../src/server/modes.ts";
import { SendQueue } from "../../src/server/sendq.ts";
import { listenError, normalizeIp } from "../../src/server/server.ts";
import { truncateBytes } from "../../src/server/text.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

/** `COMMAND p1,p2` for a message, `reason COMMAND` for a refusal. */
function describeInput(input: Input): string {
  return "msg" in input
    ? `${input.msg.command} ${input.msg.params.join(",")}`
    : `${input.rejected} ${input.command}`;
}

describe("decodeLine", () => {
  const cases: [string, Uint8Array, string | null][] = [
    ["a command, upper-cased", bytes("privmsg #a :hi"), "PRIVMSG #a,hi"],
    ["empty", bytes(""), null],
    ["blank", bytes("    "), null],
    ["tags only", bytes("@a=b"), null],
    ["510 bytes + CRLF fits", bytes(`PING ${"x".repeat(505)}`), `PING ${"x".repeat(505)}`],
    ["511 bytes + CRLF is too long", bytes(`PING ${"x".repeat(506)}`), "too-long PING"],
    ["tags do not count against 512", bytes(`@+a=${"t".repeat(3000)} PING x`), "PING x"],
    ["client tags over 4094", bytes(`@+a=${"t".repeat(4100)} PING x`), "too-long PING"],
    ["tag section over 8191", bytes(`@a=${"t".repeat(8200)} PING x`), "too-long PING"],
    ["NUL", bytes("PING a\0b"), "control PING"],
    ["bare CR", bytes("PING a\rb"), "control PING"],
    ["invalid UTF-8", new Uint8Array([...bytes("PRIVMSG a :"), 0xc3, 0x28]), "utf8 PRIVMSG"],
    ["invalid UTF-8 in the command word", new Uint8Array([0xff, 0x20, 0x41]), "utf8 *"],
    ["16 parameters", bytes(`CMD ${"p ".repeat(16)}`), "params CMD"],
    ["15 parameters", bytes(`CMD ${"p ".repeat(14)}:last`), `CMD ${"p,".repeat(14)}last`],
  ];
  test.each(cases)("%s", (_name, line, expected) => {
    const input = decodeLine(line, 512);
    expect(input === null ? null : describeInput(input)).toBe(expected);
  });
});

describe("parseChannelModes", () => {
  const cases: [string, string[], string, string[]][] = [
    ["+nt", [], "+nt", []],
    ["+ov-v", ["a", "b", "c"], "+ov-v a b c", []],
    ["+o", [], "", []],
    ["+k", [], "", []],
    ["-k", [], "-k", []],
    ["-k+l", ["key", "5"], "-k+l key 5", []],
    ["+l-l", ["5"], "+l-l 5", []],
    ["+b", [], "+b", []],
    ["+xz", [], "", ["x", "z"]],
    ["i+m-s", [], "+im-s", []],
  ];
  test.each(cases)("%s %p", (modes, args, folded, unknown) => {
    const parsed = parseChannelModes(modes, args);
    expect(formatModes(parsed.changes).join(" ")).toBe(folded);
    expect(parsed.unknown).toEqual(unknown);
  });

  test("user modes: i w o known, others unknown", () => {
    const parsed = parseUserModes("+iw-o+x");
    expect(formatModes(parsed.changes)).toEqual(["+iw-o"]);
    expect(parsed.unknown).toEqual(["x"]);
  });
});

describe("LIST filters", () => {
  const now = 100_000;
  const channel: ListedChannel = { name: "#Rust", users: 5, createdAt: now - 600, topicSetAt: now - 60 };
  const cases: [string, boolean | null][] = [
    [">4", true],
    [">5", false],
    ["<6", true],
    ["C>9", true],
    ["C<9", false],
    ["T<2", true],
    ["T>2", false],
    ["#r*", true],
    ["!#r*", false],
    ["#go*", false],
    ["#rust", null],
  ];
  test.each(cases)("%s", (term, expected) => {
    const filter = parseListFilter(term, "rfc1459");
    expect(filter === null ? null : filter(channel, now)).toBe(expected);
  });
});

describe("TokenBucket", () => {
  test("a burst, then tokens at the rate, never above the burst", () => {
    const bucket = new TokenBucket(3, 0);
    expect([1, 2, 3, 4].map(() => bucket.take(0, 3, 2))).toEqual([true, true, true, false]);
    expect(bucket.take(400, 3, 2)).toBe(false);
    expect(bucket.take(500, 3, 2)).toBe(true);
    expect([1, 2, 3, 4].map(() => bucket.take(60_000, 3, 2))).toEqual([true, true, true, false]);
  });
});

describe("Inbox", () => {
  test("first in, first out across compaction", () => {
    const inbox = new Inbox();
    const item = (n: number): Input => ({ rejected: "params", command: String(n) });
    for (let i = 0; i < 3000; i++) inbox.push(item(i));
    const taken: string[] = [];
    for (let i = 0; i < 2000; i++) taken.push((inbox.take() as { command: string }).command);
    inbox.push(item(3000));
    while (inbox.length > 0) taken.push((inbox.take() as { command: string }).command);
    expect(taken).toEqual(Array.from({ length: 3001 }, (_, i) => String(i)));
  });
});

describe("SendQueue", () => {
  /** A socket that takes at most `room` bytes per write. */
  function socket(room: number) {
    const written: string[] = [];
    return {
      written,
      room,
      write(data: string | Uint8Array) {
        const accepted = Buffer.from(data).subarray(0, this.room);
        written.push(accepted.toString());
        return accepted.length;
      },
    };
  }

  test("coalesces lines into one write", () => {
    const s = socket(1000);
    const q = new SendQueue(s);
    q.push("a\r\n", 3);
    q.push("bé\r\n", 5);
    expect(q.queuedBytes).toBe(8);
    q.flush();
    expect(s.written).toEqual(["a\r\nbé\r\n"]);
    expect(q.queuedBytes).toBe(0);
  });

  test("keeps the unsent tail (in bytes) for the next flush, before newer lines", () => {
    const s = socket(4);
    const q = new SendQueue(s);
    q.push("hé llo\r\n", 9);
    q.flush();
    expect(q.queuedBytes).toBe(5);
    q.push("x\r\n", 3);
    s.room = 100;
    q.flush();
    expect(q.queuedBytes).toBe(0);
    expect(s.written).toEqual(["hé ", "llo\r\n", "x\r\n"]);
  });

  test("a big burst is worth writing before the turn ends, unless the kernel is already refusing", () => {
    const s = socket(1 << 20);
    const q = new SendQueue(s);
    const line = `${"x".repeat(1022)}\r\n`;
    for (let i = 0; i < 15; i++) q.push(line, 1024);
    expect(q.worthWritingNow).toBe(false);
    q.push(line, 1024);
    expect(q.worthWritingNow).toBe(true);
    s.room = 100;
    q.flush();
    for (let i = 0; i < 16; i++) q.push(line, 1024);
    expect(q.worthWritingNow).toBe(false);
  });

  test("a closed socket is reported", () => {
    const q = new SendQueue({ write: () => -1 });
    q.push("a\r\n", 3);
    expect(q.flush()).toBe(false);
  });
});

describe("listen errors and addresses", () => {
  test.each([
    ["EADDRINUSE", "127.0.0.1", 6667, "cannot listen on 127.0.0.1:6667: address in use"],
    ["EACCES", "0.0.0.0", 80, "cannot listen on 0.0.0.0:80: permission denied"],
    ["EADDRNOTAVAIL", "::1", 7000, "cannot listen on [::1]:7000: address not available on this machine"],
  ])("%s", (code, host, port, expected) => {
    expect(listenError(Object.assign(new Error("Failed to listen"), { code }), host, port)).toBe(expected);
  });

  test.each([
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["127.0.0.1", "127.0.0.1"],
    ["::1", "::1"],
    ["::ffff:abcd", "::ffff:abcd"],
  ])("%s", (address, expected) => {
    expect(normalizeIp(address)).toBe(expected);
  });
});

describe("truncateBytes", () => {
  test.each([
    ["short", 10, "short"],
    ["abcdef", 3, "abc"],
    ["ééé", 5, "éé"],
    ["a😀b", 4, "a"],
    ["a😀b", 5, "a😀"],
    ["", 0, ""],
  ])("%p to %d bytes", (text, max, expected) => {
    expect(truncateBytes(text, max)).toBe(expected);
  });
});
