import { describe, expect, test } from "bun:test";
import { exchange, num, registered, src, together, useServer } from "../support/scenario.ts";

const ctx = useServer();

describe("PRIVMSG and NOTICE", () => {
  test("to a channel reaches every other member, not the sender", async () => {
    const a = await registered(ctx.server, "msgA");
    const b = await registered(ctx.server, "msgB");
    const c = await registered(ctx.server, "msgC");
    await together("#talk", a, b, c);
    expect(await exchange(a, "PRIVMSG #talk :hello, world")).toEqual([]);
    expect(await b.sync()).toEqual([`:${src("msgA")} PRIVMSG #talk :hello, world`]);
    expect(await c.sync()).toEqual([`:${src("msgA")} PRIVMSG #talk :hello, world`]);
    expect(await exchange(a, "PRIVMSG #TALK :any case")).toEqual([]);
    expect(await b.sync()).toEqual([`:${src("msgA")} PRIVMSG #talk :any case`]);
    await c.sync();
    expect(await exchange(a, "NOTICE #talk :note")).toEqual([]);
    expect(await b.sync()).toEqual([`:${src("msgA")} NOTICE #talk :note`]);
  });

  test("to a nick, to several targets, and to @#channel (ops only)", async () => {
    const a = await registered(ctx.server, "pmA");
    const b = await registered(ctx.server, "pmB");
    const c = await registered(ctx.server, "pmC");
    await together("#ops", a, b, c);
    expect(await exchange(a, "PRIVMSG pmb :psst")).toEqual([]);
    expect(await b.sync()).toEqual([`:${src("pmA")} PRIVMSG pmB :psst`]);
    expect(await exchange(a, "PRIVMSG pmB,pmC :both")).toEqual([]);
    expect(await b.sync()).toEqual([`:${src("pmA")} PRIVMSG pmB :both`]);
    expect(await c.sync()).toEqual([`:${src("pmA")} PRIVMSG pmC :both`]);
    // pmA created #ops and is its only op.
    expect(await exchange(b, "PRIVMSG @#ops :ops only")).toEqual([]);
    expect(await a.sync()).toEqual([`:${src("pmB")} PRIVMSG @#ops :ops only`]);
    expect(await c.sync()).toEqual([]);
  });

  test("a message that was valid from the client is relayed whole, even past 512 bytes", async () => {
    const a = await registered(ctx.server, "longSender");
    const b = await registered(ctx.server, "longTo");
    const text = "é".repeat(240);
    a.send(`PRIVMSG longTo :${text}`);
    await a.sync();
    expect(await b.sync()).toEqual([`:${src("longSender")} PRIVMSG longTo :${text}`]);
  });

  test("errors: 411 412 401 403 404 407; NOTICE gets none", async () => {
    const a = await registered(ctx.server, "errA");
    const b = await registered(ctx.server, "errB");
    b.send("JOIN #closed");
    await b.sync();
    expect(await exchange(a, "PRIVMSG")).toEqual([`${num("411", "errA")} :No recipient given (PRIVMSG)`]);
    expect(await exchange(a, "PRIVMSG errB")).toEqual([`${num("412", "errA")} :No text to send`]);
    expect(await exchange(a, "PRIVMSG errB :")).toEqual([`${num("412", "errA")} :No text to send`]);
    expect(await exchange(a, "PRIVMSG ghost :x")).toEqual([
      `${num("401", "errA")} ghost :No such nick/channel`,
    ]);
    expect(await exchange(a, "PRIVMSG #void :x")).toEqual([`${num("403", "errA")} #void :No such channel`]);
    expect(await exchange(a, "PRIVMSG #closed :x")).toEqual([
      `${num("404", "errA")} #closed :Cannot send to channel`,
    ]);
    expect(await exchange(a, "PRIVMSG a,b,c,d,e :x")).toEqual([
      `${num("407", "errA")} a,b,c,d,e :Too many targets`,
    ]);
    expect(await exchange(a, "NOTICE ghost :x")).toEqual([]);
    expect(await exchange(a, "NOTICE #closed :x")).toEqual([]);
    expect(await b.sync()).toEqual([]);
  });

  test("AWAY: 306 and 305, 301 on private messages, - in USERHOST", async () => {
    const a = await registered(ctx.server, "awayA");
    const b = await registered(ctx.server, "awayB");
    expect(await exchange(b, "AWAY :gone for lunch")).toEqual([
      `${num("306", "awayB")} :You have been marked as being away`,
    ]);
    expect(await exchange(a, "PRIVMSG awayB :you there?")).toEqual([
      `${num("301", "awayA")} awayB :gone for lunch`,
    ]);
    expect(await exchange(a, "NOTICE awayB :no reply to notices")).toEqual([]);
    expect(await exchange(a, "USERHOST awayB")).toEqual([`${num("302", "awayA")} :awayB=-~awayb@127.0.0.1`]);
    expect(await b.sync()).toEqual([
      `:${src("awayA")} PRIVMSG awayB :you there?`,
      `:${src("awayA")} NOTICE awayB :no reply to notices`,
    ]);
    expect(await exchange(b, "AWAY")).toEqual([
      `${num("305", "awayB")} :You are no longer marked as being away`,
    ]);
    expect(await exchange(a, "PRIVMSG awayB :back?")).toEqual([]);
  });
});

describe("QUIT", () => {
  test("a peer sharing two channels sees the QUIT once", async () => {
    const a = await registered(ctx.server, "quitter");
    const b = await registered(ctx.server, "watcher");
    await together("#q1,#q2", a, b);
    a.send("QUIT :off to bed");
    await a.closed;
    expect(await b.sync()).toEqual([`:${src("quitter")} QUIT :Quit: off to bed`]);
    // The nick is free again and remembered by WHOWAS.
    const whowas = await exchange(b, "WHOWAS quitter");
    expect(whowas[0]).toBe(`${num("314", "watcher")} quitter ~quitter 127.0.0.1 * :quitter Test`);
    expect(whowas.at(-1)).toBe(`${num("369", "watcher")} quitter :End of WHOWAS`);
  });

  test("a closed socket is a QUIT too", async () => {
    const a = await registered(ctx.server, "dropper");
    const b = await registered(ctx.server, "seer");
    await together("#drop", a, b);
    a.close();
    expect(await b.next(/ QUIT /)).toBe(`:${src("dropper")} QUIT :Connection closed`);
  });
});
