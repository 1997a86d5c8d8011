import { describe, expect, test } from "bun:test";
import { handleIncoming } from "../../src/client/incoming.ts";
import { Session } from "../../src/client/session.ts";
import { parseMessage, serializeMessage } from "../../src/protocol/index.ts";

const now = new Date(2026, 0, 2, 9, 5);

function feed(s: Session, line: string) {
  const outcome = handleIncoming(parseMessage(line)!, s, now);
  return {
    texts: outcome.lines.map((l) => ("text" in l ? l.text : "")),
    lines: outcome.lines,
    replies: outcome.replies.map((m) => serializeMessage(m)),
  };
}

function joinedSession(): Session {
  const s = new Session("ann");
  feed(s, ":ann!~ann@10.0.0.1 JOIN #lobby");
  feed(s, ":srv 353 ann = #lobby :@ann +bob carol");
  return s;
}

describe("handleIncoming", () => {
  test("own JOIN sets the target and learns how others see us", () => {
    const s = joinedSession();
    expect(s.target).toBe("#lobby");
    expect(s.ownSource()).toBe("ann!~ann@10.0.0.1");
    expect([...s.channel("#LOBBY")!.members.values()]).toEqual(["ann", "bob", "carol"]);
  });

  test.each([
    [":bob!b@h PRIVMSG #lobby :hi", "hi", []],
    [":bob!b@h PRIVMSG #lobby :\x01ACTION waves\x01", "waves", []],
    [
      ":bob!b@h PRIVMSG ann :\x01VERSION\x01",
      "bob asked CTCP VERSION",
      ["NOTICE bob :\x01VERSION chat-client"],
    ],
    [":bob!b@h PRIVMSG ann :\x01PING 12345\x01", "bob asked CTCP PING", ["NOTICE bob :\x01PING 12345\x01"]],
    [":bob!b@h NOTICE ann :\x01VERSION x 1\x01", "CTCP VERSION reply from bob: x 1", []],
    ["PING :abc", undefined, ["PONG abc"]],
    [":bob!b@h PART #lobby :later", "bob left #lobby (later)", []],
    [":carol!c@h QUIT :Ping timeout", "carol quit (Ping timeout)", []],
    [":stranger!s@h QUIT :bye", undefined, []],
    [":bob!b@h NICK :robert", "bob is now known as robert", []],
    [":bob!b@h TOPIC #lobby :new topic", "bob set the topic of #lobby: new topic", []],
    [":bob!b@h MODE #lobby +o carol", "bob sets mode +o carol on #lobby", []],
    [":bob!b@h KICK #lobby carol :spam", "carol was kicked from #lobby by bob (spam)", []],
    [":bob!b@h INVITE ann #dev", "bob invites you to #dev (/join #dev)", []],
    [":srv 473 ann #secret :Cannot join channel (+i)", "#secret: cannot join, channel is invite-only", []],
    [":srv NOTICE * :*** Looking up your hostname", "*** Looking up your hostname", []],
    ["ERROR :Closing link", "server: Closing link", []],
  ])("%p", (line, text, replies) => {
    const result = feed(joinedSession(), line);
    expect(result.texts[0]).toBe(text as string);
    expect(result.replies.length).toBe(replies.length);
    result.replies.forEach((r, i) => {
      expect(r).toStartWith(replies[i]!);
    });
  });

  test("server-time sets the line's time", () => {
    const { lines } = feed(joinedSession(), "@time=2026-03-04T05:06:07.000Z :bob!b@h PRIVMSG #lobby :x");
    expect(lines[0]!.time.toISOString()).toBe("2026-03-04T05:06:07.000Z");
  });

  test("private messages and echoes name the other side", () => {
    const s = joinedSession();
    expect(feed(s, ":bob!b@h PRIVMSG ann :psst").lines[0]).toMatchObject({
      target: "bob",
      private: true,
      own: false,
    });
    expect(feed(s, ":ann!a@h PRIVMSG bob :hey").lines[0]).toMatchObject({
      target: "bob",
      private: true,
      own: true,
    });
  });

  test("who spoke last is completed first; nick changes and quits follow", () => {
    const s = joinedSession();
    feed(s, ":carol!c@h PRIVMSG #lobby :one");
    feed(s, ":bob!b@h PRIVMSG #lobby :two");
    expect(s.completionNicks()).toEqual(["bob", "carol"]);
    feed(s, ":carol!c@h PRIVMSG #lobby :three");
    expect(s.completionNicks()).toEqual(["carol", "bob"]);
    feed(s, ":carol!c@h NICK :caz");
    feed(s, ":dave!d@h JOIN #lobby");
    expect(s.completionNicks()).toEqual(["caz", "bob", "dave"]);
    feed(s, ":bob!b@h QUIT :x");
    expect(s.completionNicks()).toEqual(["caz", "dave"]);
  });

  test("ISUPPORT casemapping and prefixes apply", () => {
    const s = new Session("ann");
    feed(s, ":srv 005 ann CASEMAPPING=ascii CHANTYPES=# PREFIX=(qov)~@+ :are supported");
    expect([s.casemapping, s.chantypes, s.prefixes]).toEqual(["ascii", "#", "~@+"]);
    expect(s.stripPrefixes("~@bob!b@h")).toBe("bob");
  });

  test("being kicked leaves the channel and moves the target", () => {
    const s = joinedSession();
    feed(s, ":ann!~ann@10.0.0.1 JOIN #dev");
    expect(feed(s, ":bob!b@h KICK #lobby ann :out").texts).toEqual([
      "you were kicked from #lobby by bob (out)",
    ]);
    expect([s.target, s.channel("#lobby")]).toEqual(["#dev", undefined]);
  });
});

test("leaving the current channel goes back to the target used before it", () => {
  const s = joinedSession();
  s.target = "bob";
  feed(s, ":ann!~ann@10.0.0.1 JOIN #dev");
  feed(s, ":ann!~ann@10.0.0.1 JOIN #ops");
  s.target = "#dev";
  s.target = "#ops";
  feed(s, ":ann!~ann@10.0.0.1 PART #ops");
  expect(s.target).toBe("#dev");
  feed(s, ":ann!~ann@10.0.0.1 PART #dev");
  expect(s.target).toBe("bob");
  feed(s, ":bob!b@h NICK :robert");
  s.target = "#lobby";
  feed(s, ":ann!~ann@10.0.0.1 PART #lobby");
  expect(s.target).toBe("robert");
});
