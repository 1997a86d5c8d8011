import { describe, expect, test } from "bun:test";
import { decodePayload, encodePayload, nowUs, trailingStart } from "../../scripts/bench/payload.ts";

describe("payload", () => {
  test.each([
    [0, 0, 1, 64],
    [9, 123_456, 1_764_000_000_123_456, 64],
    [1999, 7, 42, 10],
  ])("sender %d seq %d sent %d round-trips inside a relayed PRIVMSG", (sender, seq, sentAtUs, size) => {
    const text = encodePayload(sender, seq, sentAtUs, size);
    expect(text.length).toBeGreaterThanOrEqual(Math.min(size, text.length));
    const line = `:b1!~b1@127.0.0.1 PRIVMSG #bench :${text}`;
    expect(decodePayload(line, trailingStart(line))).toEqual({ sender, seq, sentAtUs });
  });

  test("pads to the requested size", () => {
    expect(encodePayload(1, 2, 3, 64)).toHaveLength(64);
  });

  test.each([
    [":s 001 nick :Welcome"],
    [":a!b@c PRIVMSG #bench :~1 2"],
    [":a!b@c PRIVMSG #bench :~x 2 3 pad"],
    [":a!b@c JOIN #bench"],
  ])("%s is not a payload", (line) => {
    const start = trailingStart(line);
    expect(start < 0 ? null : decodePayload(line, start)).toBeNull();
  });

  test("the clock is in microseconds since the epoch", () => {
    expect(Math.abs(nowUs() / 1000 - Date.now())).toBeLessThan(1000);
  });
});
