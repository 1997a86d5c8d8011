/**
 * Fuzzing the parser and serializer with 100,000 random and mutated lines, plus random messages.
 * Replay a failure with FUZZ_SEED=<seed printed in the failure> npx bun test test/protocol/fuzz.test.ts.
 */
import { describe, expect, test } from "bun:test";
import {
  type IrcMessage,
  parseMessage,
  serializeMessage,
  stripUnsafe,
  type Tags,
} from "../../src/protocol/index.ts";
import { type Prng, prng, seedFromEnv } from "./prng.ts";

const seed = seedFromEnv(0x1dc0ffee);
const LINES = 100_000;
const MESSAGES = 20_000;
const UNSAFE = /[\r\n\0]/;

/** Lines to mutate: ordinary traffic and the awkward corners of the grammar. */
const CORPUS = [
  ":nick!user@host PRIVMSG #chan :hello there",
  "@time=2026-11-25T12:00:00.000Z;msgid=abc :irc.example.com 001 nick :Welcome",
  String.raw`@a=b\\and\nk;c=72\s45;d=gh\:764 foo`,
  "@+typing=active :n!u@h TAGMSG #c",
  ":gravel.mozilla.org 432  #momo :Erroneous Nickname: Illegal characters",
  ":services.esper.net MODE #foo-bar +o foobar  ",
  "CAP LS 302",
  "NICK nick",
  "USER user 0 * :Real Name",
  "JOIN #a,#b key1,key2",
  "PING :token",
  "foo bar baz ::asdf",
  ":src AWAY ",
  String.raw`@tag1=value1\ COMMAND`,
  "PRIVMSG #c :\x01ACTION waves\x01",
  ":n!u@h PRIVMSG #c :héllo 😀 世界",
];

/** Weighted towards the characters the grammar cares about. */
const CHARS = [
  ..." :@;=\\!#+/.,",
  ..."   ::@;=\\",
  ..."aBcsnrZ09",
  "\r",
  "\n",
  "\0",
  "\t",
  "\x01",
  "é",
  "世",
  "😀",
  "\ud800",
  "\udc00",
];
const PREFIXES = ["", "", "@", ":", "@a=b ", "@+x;y= :", " ", ": ", "@ "];

function randomText(random: Prng, maxLength: number): string {
  let text = "";
  const length = random.below(maxLength + 1);
  for (let i = 0; i < length; i++) text += random.pick(CHARS);
  return text;
}

function randomLine(random: Prng): string {
  return random.pick(PREFIXES) + randomText(random, 60);
}

function mutate(random: Prng, line: string): string {
  let out = line;
  const steps = 1 + random.below(4);
  for (let step = 0; step < steps; step++) {
    const at = random.below(out.length + 1);
    const end = at + random.below(out.length - at + 1);
    switch (random.below(5)) {
      case 0:
        out = out.slice(0, at) + random.pick(CHARS) + out.slice(at);
        break;
      case 1:
        out = out.slice(0, at) + out.slice(end);
        break;
      case 2:
        out = out.slice(0, end) + out.slice(at, end) + out.slice(end);
        break;
      case 3:
        out = out.slice(0, at) + random.pick(CHARS) + out.slice(at + 1);
        break;
      default:
        out = out.slice(0, at) + random.pick(CORPUS).slice(random.below(20)) + out.slice(end);
    }
  }
  return out;
}

/**
 * A message that some line carries exactly: middle params are non-empty words not starting with ':',
 * the command and source are words, nothing holds CR, LF or NUL (tag values may hold CR and LF: they are escaped).
 */
function representable(msg: IrcMessage): boolean {
  const word = (text: string) => text !== "" && !text.includes(" ") && !UNSAFE.test(text);
  const middle = (param: string) => word(param) && param[0] !== ":";
  const params = msg.params;
  return (
    word(msg.command) &&
    (msg.source === "" || word(msg.source)) &&
    params.slice(0, -1).every(middle) &&
    (params.length === 0 || !UNSAFE.test(params[params.length - 1]!)) &&
    Object.entries(msg.tags).every(([key, value]) => word(key) && !/[;=]/.test(key) && !value.includes("\0"))
  );
}

/** Runs the checks on one line; returns what went wrong, or null. */
function checkLine(line: string): string | null {
  let msg: IrcMessage | null;
  try {
    msg = parseMessage(line);
  } catch (error) {
    return `parseMessage threw ${error}`;
  }
  if (msg === null) return null;
  for (const forceTrailing of [false, true]) {
    const out = serializeMessage(msg, forceTrailing);
    if (UNSAFE.test(out)) return `serializeMessage emitted CR/LF/NUL: ${JSON.stringify(out)}`;
    if (representable(msg)) {
      const back = parseMessage(out);
      if (!Bun.deepEquals(back, msg)) {
        return `round trip of ${JSON.stringify(msg)} via ${JSON.stringify(out)} gave ${JSON.stringify(back)}`;
      }
    }
  }
  return null;
}

function randomMessage(random: Prng): IrcMessage {
  const tags: Tags = {};
  for (let i = random.below(3); i > 0; i--) tags[randomText(random, 6) || "k"] = randomText(random, 8);
  const params: string[] = [];
  for (let i = random.below(5); i > 0; i--) params.push(randomText(random, 10));
  const source = random.below(2) === 0 ? "" : randomText(random, 12);
  return { tags, source, command: random.pick(["PRIVMSG", "NOTICE", "001", "TAGMSG", "X"]), params };
}

/** What a message becomes once its unsafe characters are gone (tag values keep CR and LF: they are escaped). */
function stripped(msg: IrcMessage): IrcMessage {
  const tags: Tags = {};
  for (const [key, value] of Object.entries(msg.tags)) tags[stripUnsafe(key)] = value.replaceAll("\0", "");
  const params = msg.params.map(stripUnsafe);
  return { tags, source: stripUnsafe(msg.source), command: stripUnsafe(msg.command), params };
}

describe(`fuzz (seed ${seed})`, () => {
  test(`${LINES} random and mutated lines: no throw, round trips, no CR/LF/NUL out`, () => {
    const random = prng(seed);
    const failures: string[] = [];
    for (let i = 0; i < LINES && failures.length < 5; i++) {
      const line = i % 2 === 0 ? randomLine(random) : mutate(random, random.pick(CORPUS));
      const problem = checkLine(line);
      if (problem !== null) failures.push(`seed ${seed}, line ${i} ${JSON.stringify(line)}: ${problem}`);
    }
    expect(failures).toEqual([]);
  });

  test(`${MESSAGES} random messages: no CR/LF/NUL out, and the stripped message reads back`, () => {
    const random = prng(seed ^ 0x5a5a5a5a);
    const failures: string[] = [];
    for (let i = 0; i < MESSAGES && failures.length < 5; i++) {
      const msg = randomMessage(random);
      const out = serializeMessage(msg, random.below(2) === 0);
      const clean = stripped(msg);
      const problem = UNSAFE.test(out)
        ? "emitted CR/LF/NUL"
        : representable(clean) && !Bun.deepEquals(parseMessage(out), clean)
          ? `read back as ${JSON.stringify(parseMessage(out))}`
          : null;
      if (problem !== null) {
        failures.push(
          `seed ${seed}, message ${i} ${JSON.stringify(msg)} → ${JSON.stringify(out)}: ${problem}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });
});
