/** Framing a byte stream into lines: line ends, chunk boundaries anywhere, and the bound on an unfinished line. */
import { describe, expect, test } from "bun:test";
import { LineBuffer } from "../../src/protocol/index.ts";
import { prng, seedFromEnv } from "./prng.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const utf8 = (text: string) => encoder.encode(text);
const cafe = utf8("café\r\n");
const smile = utf8("😀\n");

/** Pushes every chunk; returns all lines (decoded) and whether any push reported an overflow. */
function feed(maxPending: number, chunks: Uint8Array[]) {
  const buffer = new LineBuffer(maxPending);
  const lines: string[] = [];
  let overflow = false;
  for (const chunk of chunks) {
    const result = buffer.push(chunk);
    lines.push(...result.lines.map((line) => decoder.decode(line)));
    overflow ||= result.overflow;
  }
  return { lines, overflow };
}

const bytewise = (text: string) => [...utf8(text)].map((byte) => Uint8Array.of(byte));
const manyLines = Array.from({ length: 1000 }, (_, i) => `PRIVMSG #c :line ${i}`);

const CASES = [
  { scenario: "CRLF", chunks: [utf8("PING a\r\n")], lines: ["PING a"] },
  { scenario: "bare LF", chunks: [utf8("PING a\n")], lines: ["PING a"] },
  { scenario: "mixed line ends", chunks: [utf8("a\r\nb\nc\r\n")], lines: ["a", "b", "c"] },
  { scenario: "no line end yet", chunks: [utf8("partial")], lines: [] },
  {
    scenario: "line completed by a later chunk",
    chunks: [utf8("PRIV"), utf8("MSG #c :hi\r\n")],
    lines: ["PRIVMSG #c :hi"],
  },
  { scenario: "chunk boundary inside CRLF", chunks: [utf8("abc\r"), utf8("\n")], lines: ["abc"] },
  {
    scenario: "CR at the end of one chunk, LF and more in the next",
    chunks: [utf8("abc\r"), utf8("\ndef\r\n")],
    lines: ["abc", "def"],
  },
  { scenario: "chunk boundary inside é", chunks: [cafe.subarray(0, 4), cafe.subarray(4)], lines: ["café"] },
  {
    scenario: "emoji split over four chunks",
    chunks: [smile.subarray(0, 1), smile.subarray(1, 2), smile.subarray(2, 3), smile.subarray(3)],
    lines: ["😀"],
  },
  {
    scenario: "one byte at a time",
    chunks: bytewise("NICK a\r\nUSER b 0 * :B\r\n"),
    lines: ["NICK a", "USER b 0 * :B"],
  },
  {
    scenario: "many lines in one chunk",
    chunks: [utf8(manyLines.map((l) => `${l}\r\n`).join(""))],
    lines: manyLines,
  },
  { scenario: "empty lines are kept for the caller to skip", chunks: [utf8("\r\n\n")], lines: ["", ""] },
  { scenario: "a bare CR does not end a line", chunks: [utf8("a\rb\n")], lines: ["a\rb"] },
  { scenario: "only one CR is dropped", chunks: [utf8("a\r\r\n")], lines: ["a\r"] },
  { scenario: "empty chunk", chunks: [new Uint8Array(0), utf8("x\n"), new Uint8Array(0)], lines: ["x"] },
];

describe("LineBuffer framing", () => {
  test.each(CASES)("$scenario", ({ chunks, lines }) => {
    expect(feed(512, chunks)).toEqual({ lines, overflow: false });
  });
});

describe("LineBuffer overflow", () => {
  const OVERFLOWS = [
    {
      scenario: "unfinished line at the limit",
      maxPending: 10,
      chunks: [utf8("x".repeat(10))],
      lines: [],
      overflow: false,
    },
    {
      scenario: "unfinished line past the limit",
      maxPending: 10,
      chunks: [utf8("x".repeat(11))],
      lines: [],
      overflow: true,
    },
    {
      scenario: "limit passed over two chunks",
      maxPending: 10,
      chunks: [utf8("x".repeat(6)), utf8("x".repeat(6))],
      lines: [],
      overflow: true,
    },
    {
      scenario: "complete lines before the overflow are still returned",
      maxPending: 10,
      chunks: [utf8(`ok\r\n${"x".repeat(11)}`)],
      lines: ["ok"],
      overflow: true,
    },
    // Only the unfinished tail is bounded; a long complete line is the caller's to reject (ERR_INPUTTOOLONG).
    {
      scenario: "long complete line",
      maxPending: 10,
      chunks: [utf8(`${"x".repeat(100)}\n`)],
      lines: ["x".repeat(100)],
      overflow: false,
    },
    {
      scenario: "tail cut short by its line end",
      maxPending: 10,
      chunks: [utf8("x".repeat(9)), utf8("x\r\n")],
      lines: ["x".repeat(10)],
      overflow: false,
    },
  ];
  test.each(OVERFLOWS)("$scenario", ({ maxPending, chunks, lines, overflow }) => {
    expect(feed(maxPending, chunks)).toEqual({ lines, overflow });
  });
});

test("an unfinished line is copied, so the socket may reuse its chunk buffer", () => {
  const buffer = new LineBuffer(512);
  const chunk = utf8("PING tok");
  expect(buffer.push(chunk)).toEqual({ lines: [], overflow: false });
  chunk.fill(0x21);
  const { lines } = buffer.push(utf8("en\r\n"));
  expect(lines.map((line) => decoder.decode(line))).toEqual(["PING token"]);
});

// However a stream is cut into chunks, the same lines come out.
const seed = seedFromEnv(7);
test(`random chunkings of a stream give the same lines (seed ${seed})`, () => {
  const random = prng(seed);
  const texts = ["NICK a", "", "PRIVMSG #c :héllo 😀 世界", "a\rb", "PING :x"];
  for (let run = 0; run < 500; run++) {
    const lines = Array.from({ length: random.below(8) }, () => random.pick(texts));
    const stream = utf8(lines.map((line) => line + random.pick(["\r\n", "\n"])).join(""));
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < stream.length; ) {
      const end = at + 1 + random.below(12);
      chunks.push(stream.subarray(at, end));
      at = end;
    }
    expect(feed(512, chunks), `seed ${seed}, run ${run}`).toEqual({ lines, overflow: false });
  }
});
