import { describe, expect, test } from "bun:test";
import { type Action, interpretInput } from "../../src/client/commands.ts";
import { Session } from "../../src/client/session.ts";
import { MAX_LINE_BYTES, serializeMessage, utf8Length } from "../../src/protocol/index.ts";

const now = new Date(2026, 0, 2, 9, 5);

function session(caps: string[] = []): Session {
  const s = new Session("ann");
  for (const cap of caps) s.caps.add(cap);
  s.joined("#lobby");
  s.userhost = "~ann@127.0.0.1";
  return s;
}

/** The lines the actions send, and the texts they show. */
function run(
  line: string,
  s = session(["echo-message"]),
): { sent: string[]; shown: string[]; other: Action[] } {
  const result = { sent: [] as string[], shown: [] as string[], other: [] as Action[] };
  for (const a of interpretInput(line, s, now)) {
    if (a.type === "send") result.sent.push(serializeMessage(a.msg));
    else if (a.type === "show") result.shown.push("text" in a.line ? a.line.text : "");
    else result.other.push(a);
  }
  return result;
}

describe("commands", () => {
  test.each([
    ["hello", ["PRIVMSG #lobby hello"]],
    ["//slash at start", ["PRIVMSG #lobby :/slash at start"]],
    ["/join dev", ["JOIN #dev"]],
    ["/join #dev key", ["JOIN #dev key"]],
    ["/part", ["PART #lobby"]],
    ["/part #dev bye now", ["PART #dev :bye now"]],
    ["/msg bob hi there", ["PRIVMSG bob :hi there"]],
    ["/me waves", ["PRIVMSG #lobby :\x01ACTION waves\x01"]],
    ["/nick ann2", ["NICK ann2"]],
    ["/topic", ["TOPIC #lobby"]],
    ["/topic new topic", ["TOPIC #lobby :new topic"]],
    ["/names", ["NAMES #lobby"]],
    ["/list", ["LIST"]],
    ["/whois bob", ["WHOIS bob"]],
    ["/away lunch", ["AWAY lunch"]],
    ["/away", ["AWAY away"]],
    ["/back", ["AWAY"]],
    ["/invite bob", ["INVITE bob #lobby"]],
    ["/kick bob spam", ["KICK #lobby bob spam"]],
    ["/kick #dev bob", ["KICK #dev bob"]],
    ["/mode +m", ["MODE #lobby +m"]],
    ["/mode", ["MODE #lobby"]],
    ["/mode ann +i", ["MODE ann +i"]],
    ["/quote PRIVMSG bob :raw", ["PRIVMSG bob raw"]],
    ["/QUIT", []],
  ])("%p sends %p", (line, sent) => {
    expect(run(line).sent).toEqual(sent);
  });

  test("an unknown command is a hint, never text", () => {
    const result = run("/frobnicate now");
    expect(result.sent).toEqual([]);
    expect(result.shown).toEqual(["unknown command /frobnicate; /help lists the commands"]);
  });

  test.each([["/join"], ["/msg bob"], ["/whois"], ["/kick"], ["/set bell maybe"]])(
    "%p shows usage",
    (line) => {
      const result = run(line);
      expect(result.sent).toEqual([]);
      expect(result.shown[0]).toStartWith("usage: ");
    },
  );

  test("/query switches target, /quit quits, /set bell", () => {
    expect(run("/query bob").other).toEqual([{ type: "target", target: "bob" }]);
    expect(run("/quit gone").other).toEqual([{ type: "quit", reason: "gone" }]);
    expect(run("/set bell off").other).toEqual([{ type: "bell", on: false }]);
    expect(run("/join #x").other).toEqual([{ type: "switch-on-join", channel: "#x" }]);
  });

  test("text without a target asks for a channel", () => {
    const s = new Session("ann");
    expect(run("hello", s).shown).toEqual(["no current channel: /join #name first, or name the channel"]);
  });

  test("/help lists every command", () => {
    const shown = run("/help").shown.join("\n");
    for (const name of [
      "join",
      "part",
      "msg",
      "query",
      "me",
      "nick",
      "topic",
      "names",
      "list",
      "whois",
      "away",
    ]) {
      expect(shown).toContain(`/${name}`);
    }
    expect(run("/help kick").shown).toEqual([
      "/kick [#channel] nick [reason]: remove someone from a channel",
    ]);
  });

  test("without echo-message, own text is shown locally", () => {
    const result = run("hello", session());
    expect(result.sent).toEqual(["PRIVMSG #lobby hello"]);
    expect(result.shown).toEqual(["hello"]);
  });
});

describe("long input is split so that the relayed lines fit", () => {
  const source = "ann!~ann@127.0.0.1";
  // Pieces broken at a space lose it; joined with `joiner`, they give back the text.
  test.each([
    ["ascii words", "word ".repeat(300), " "],
    ["no spaces", "x".repeat(1500), ""],
    ["multi-byte", "ñandú 🦤 ".repeat(150), " "],
  ])("%s", (_name, text, joiner) => {
    for (const line of [text, `/me ${text}`]) {
      const sent = run(line).sent;
      expect(sent.length).toBeGreaterThan(1);
      for (const out of sent) expect(utf8Length(`:${source} ${out}\r\n`)).toBeLessThanOrEqual(MAX_LINE_BYTES);
      const pieces = sent.map((out) =>
        out.replace(/^PRIVMSG #lobby :?/, "").replace(/^\x01ACTION |\x01$/g, ""),
      );
      expect(pieces.join(joiner).trimEnd()).toBe(text.trimEnd());
    }
  });

  test("without a known host it assumes a long one", () => {
    const s = session(["echo-message"]);
    s.userhost = null;
    const sent = run("y".repeat(450), s).sent;
    expect(sent.length).toBe(2);
  });
});
