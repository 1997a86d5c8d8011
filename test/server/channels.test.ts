import { describe, expect, test } from "bun:test";
import { exchange, num, registered, src, together, useServer } from "../support/scenario.ts";

const ctx = useServer();

describe("JOIN", () => {
  test("the first joiner gets op; the next sees the topic-less channel and both names", async () => {
    const a = await registered(ctx.server, "jA");
    expect(await exchange(a, "JOIN #fresh")).toEqual([
      `:${src("jA")} JOIN #fresh`,
      `${num("353", "jA")} = #fresh :@jA`,
      `${num("366", "jA")} #fresh :End of /NAMES list`,
    ]);
    const b = await registered(ctx.server, "jB");
    expect(await exchange(b, "JOIN #FRESH")).toEqual([
      `:${src("jB")} JOIN #fresh`,
      `${num("353", "jB")} = #fresh :@jA jB`,
      `${num("366", "jB")} #fresh :End of /NAMES list`,
    ]);
    expect(await a.sync()).toEqual([`:${src("jB")} JOIN #fresh`]);
    // Joining again is a no-op.
    expect(await exchange(b, "JOIN #fresh")).toEqual([]);
  });

  test("several channels with keys, and JOIN 0 parts them all", async () => {
    const a = await registered(ctx.server, "keyA");
    a.send("JOIN #k1,#k2");
    a.send("MODE #k1 +k sesame");
    await a.sync();
    const b = await registered(ctx.server, "keyB");
    expect(await exchange(b, "JOIN #k1,#k2 wrong")).toEqual([
      `${num("475", "keyB")} #k1 :Cannot join channel (+k)`,
      `:${src("keyB")} JOIN #k2`,
      `${num("353", "keyB")} = #k2 :@keyA keyB`,
      `${num("366", "keyB")} #k2 :End of /NAMES list`,
    ]);
    expect(await exchange(b, "JOIN #k1 sesame")).toEqual([
      `:${src("keyB")} JOIN #k1`,
      `${num("353", "keyB")} = #k1 :@keyA keyB`,
      `${num("366", "keyB")} #k1 :End of /NAMES list`,
    ]);
    expect(await exchange(b, "JOIN 0")).toEqual([`:${src("keyB")} PART #k2`, `:${src("keyB")} PART #k1`]);
  });

  test("invalid names get 403; invite-only 473, full 471, banned 474", async () => {
    const op = await registered(ctx.server, "gate");
    expect(await exchange(op, "JOIN nochan,#bad:name")).toEqual([
      `${num("403", "gate")} nochan :No such channel`,
      `${num("403", "gate")} #bad:name :No such channel`,
    ]);
    op.send("JOIN #inv,#full,#banned");
    op.send("MODE #inv +i");
    op.send("MODE #full +l 1");
    op.send("MODE #banned +b guest*!*@*");
    await op.sync();
    const g = await registered(ctx.server, "guest");
    expect(await exchange(g, "JOIN #inv,#full,#banned")).toEqual([
      `${num("473", "guest")} #inv :Cannot join channel (+i)`,
      `${num("471", "guest")} #full :Cannot join channel (+l)`,
      `${num("474", "guest")} #banned :Cannot join channel (+b)`,
    ]);
    // An invite lets the guest through +i.
    op.send("INVITE guest #inv");
    await g.next(`:${src("gate")} INVITE guest #inv`);
    expect(await exchange(g, "JOIN #inv")).toContain(`:${src("guest")} JOIN #inv`);
  });
});

describe("PART, TOPIC, NAMES", () => {
  test("PART with and without a reason; 403 and 442; the empty channel vanishes", async () => {
    const a = await registered(ctx.server, "parter");
    const b = await registered(ctx.server, "stayer");
    a.send("JOIN #p");
    await a.sync();
    b.send("JOIN #p");
    await b.sync();
    await a.sync();
    expect(await exchange(a, "PART #p :gone fishing")).toEqual([`:${src("parter")} PART #p :gone fishing`]);
    expect(await b.sync()).toEqual([`:${src("parter")} PART #p :gone fishing`]);
    expect(await exchange(a, "PART #p,#nowhere")).toEqual([
      `${num("442", "parter")} #p :You're not on that channel`,
      `${num("403", "parter")} #nowhere :No such channel`,
    ]);
    expect(await exchange(b, "PART #p")).toEqual([`:${src("stayer")} PART #p`]);
    expect(await exchange(b, "NAMES #p")).toEqual([`${num("366", "stayer")} #p :End of /NAMES list`]);
  });

  test("TOPIC: 331 unset, set by op (332 and 333 on join), 482 under +t, 442 outside", async () => {
    const op = await registered(ctx.server, "topo");
    const m = await registered(ctx.server, "topm");
    op.send("JOIN #t");
    await op.sync();
    m.send("JOIN #t");
    await m.sync();
    await op.sync();
    expect(await exchange(m, "TOPIC #t")).toEqual([`${num("331", "topm")} #t :No topic is set`]);
    expect(await exchange(m, "TOPIC #t :mine")).toEqual([
      `${num("482", "topm")} #t :You're not channel operator`,
    ]);
    expect(await exchange(op, "TOPIC #t :Welcome all")).toEqual([`:${src("topo")} TOPIC #t :Welcome all`]);
    expect(await m.sync()).toEqual([`:${src("topo")} TOPIC #t :Welcome all`]);
    const lines = await exchange(m, "TOPIC #t");
    expect(lines[0]).toBe(`${num("332", "topm")} #t :Welcome all`);
    expect(lines[1]).toMatch(
      new RegExp(`^:irc\\.test 333 topm #t ${src("topo").replace(/[.]/g, "\\.")} \\d+$`),
    );
    const outsider = await registered(ctx.server, "topx");
    expect(await exchange(outsider, "TOPIC #t :x")).toEqual([
      `${num("442", "topx")} #t :You're not on that channel`,
    ]);
    expect(await exchange(outsider, "TOPIC #none")).toEqual([`${num("403", "topx")} #none :No such channel`]);
    const joined = await exchange(outsider, "JOIN #t");
    expect(joined.slice(0, 2)).toEqual([`:${src("topx")} JOIN #t`, `${num("332", "topx")} #t :Welcome all`]);
    expect(joined[2]).toStartWith(`${num("333", "topx")} #t `);
  });

  test("NAMES of a channel, of an unknown one, and with no argument", async () => {
    const a = await registered(ctx.server, "namer");
    a.send("JOIN #names");
    await a.sync();
    expect(await exchange(a, "NAMES #names")).toEqual([
      `${num("353", "namer")} = #names :@namer`,
      `${num("366", "namer")} #names :End of /NAMES list`,
    ]);
    expect(await exchange(a, "NAMES #unknown")).toEqual([
      `${num("366", "namer")} #unknown :End of /NAMES list`,
    ]);
    expect(await exchange(a, "NAMES")).toEqual([`${num("366", "namer")} * :End of /NAMES list`]);
  });
});

describe("LIST", () => {
  test("lists visible channels with ELIST filters; secret channels are hidden", async () => {
    const a = await registered(ctx.server, "lister");
    const b = await registered(ctx.server, "listB");
    a.send("JOIN #list-one,#list-two,#list-secret");
    a.send("TOPIC #list-one :first");
    a.send("MODE #list-secret +s");
    await a.sync();
    b.send("JOIN #list-two");
    await b.sync();
    const all = await exchange(b, "LIST #list-*");
    expect(all).toEqual([
      `${num("321", "listB")} Channel :Users  Name`,
      `${num("322", "listB")} #list-one 1 :[+nt] first`,
      `${num("322", "listB")} #list-two 2 :[+nt] `,
      `${num("323", "listB")} :End of /LIST`,
    ]);
    expect(await exchange(b, "LIST >1")).toContain(`${num("322", "listB")} #list-two 2 :[+nt] `);
    expect(await exchange(b, "LIST #list-*,<2")).toEqual([
      `${num("321", "listB")} Channel :Users  Name`,
      `${num("322", "listB")} #list-one 1 :[+nt] first`,
      `${num("323", "listB")} :End of /LIST`,
    ]);
    expect(await exchange(b, "LIST #list-one")).toEqual([
      `${num("321", "listB")} Channel :Users  Name`,
      `${num("322", "listB")} #list-one 1 :[+nt] first`,
      `${num("323", "listB")} :End of /LIST`,
    ]);
    const lines = await exchange(b, "LIST !#list-one,C<60");
    expect(lines.some((l) => l.includes(" #list-one "))).toBe(false);
    expect(lines).toContain(`${num("322", "listB")} #list-two 2 :[+nt] `);
    expect(lines.some((l) => l.includes("#list-secret"))).toBe(false);
    expect(await exchange(a, "LIST #list-secret")).toContain(
      `${num("322", "lister")} #list-secret 1 :[+nst] `,
    );
  });
});

describe("KICK and INVITE", () => {
  test("KICK by an op reaches everyone; errors 403 442 482 441 401", async () => {
    const op = await registered(ctx.server, "kicker");
    const v = await registered(ctx.server, "victim");
    const w = await registered(ctx.server, "witness");
    op.send("JOIN #kick");
    await op.sync();
    v.send("JOIN #kick");
    w.send("JOIN #kick");
    await v.sync();
    await w.sync();
    await op.sync();
    await v.sync();
    expect(await exchange(v, "KICK #kick witness")).toEqual([
      `${num("482", "victim")} #kick :You're not channel operator`,
    ]);
    expect(await exchange(op, "KICK #kick victim :behave")).toEqual([
      `:${src("kicker")} KICK #kick victim :behave`,
    ]);
    expect(await v.sync()).toEqual([`:${src("kicker")} KICK #kick victim :behave`]);
    expect(await w.sync()).toEqual([`:${src("kicker")} KICK #kick victim :behave`]);
    expect(await exchange(op, "KICK #kick victim")).toEqual([
      `${num("441", "kicker")} victim #kick :They aren't on that channel`,
    ]);
    expect(await exchange(op, "KICK #kick ghost")).toEqual([
      `${num("401", "kicker")} ghost :No such nick/channel`,
    ]);
    expect(await exchange(op, "KICK #nokick victim")).toEqual([
      `${num("403", "kicker")} #nokick :No such channel`,
    ]);
    expect(await exchange(v, "KICK #kick witness")).toEqual([
      `${num("442", "victim")} #kick :You're not on that channel`,
    ]);
    expect(await exchange(op, "KICK #kick")).toEqual([`${num("461", "kicker")} KICK :Not enough parameters`]);
    // Without a reason the kicker's nick is the reason.
    expect(await exchange(op, "KICK #kick witness")).toEqual([
      `:${src("kicker")} KICK #kick witness :kicker`,
    ]);
  });

  test("INVITE: 341 to the inviter, INVITE to the target, 301 if away; errors", async () => {
    const a = await registered(ctx.server, "inviter");
    const b = await registered(ctx.server, "invitee");
    a.send("JOIN #invite");
    await a.sync();
    b.send("AWAY :lunch");
    await b.sync();
    expect(await exchange(a, "INVITE invitee #invite")).toEqual([
      `${num("341", "inviter")} invitee #invite`,
      `${num("301", "inviter")} invitee :lunch`,
    ]);
    expect(await b.sync()).toEqual([`:${src("inviter")} INVITE invitee #invite`]);
    expect(await exchange(b, "INVITE")).toEqual([
      `${num("336", "invitee")} #invite`,
      `${num("337", "invitee")} :End of /INVITE list`,
    ]);
    expect(await exchange(a, "INVITE nobody #invite")).toEqual([
      `${num("401", "inviter")} nobody :No such nick/channel`,
    ]);
    expect(await exchange(a, "INVITE invitee #nochan")).toEqual([
      `${num("403", "inviter")} #nochan :No such channel`,
    ]);
    expect(await exchange(b, "INVITE inviter #invite")).toEqual([
      `${num("442", "invitee")} #invite :You're not on that channel`,
    ]);
    expect(await exchange(a, "INVITE inviter #invite")).toEqual([
      `${num("443", "inviter")} inviter #invite :is already on channel`,
    ]);
  });

  test("too many channels gets 405", async () => {
    const server = ctx.server;
    const c = await registered(server, "many");
    const names = Array.from({ length: 101 }, (_, i) => `#m${i}`);
    c.send(`JOIN ${names.slice(0, 50).join(",")}`);
    c.send(`JOIN ${names.slice(50).join(",")}`);
    const lines = await c.sync(10_000);
    expect(lines.filter((l) => l.includes(" JOIN ")).length).toBe(100);
    expect(lines.at(-1)).toBe(`${num("405", "many")} #m100 :You have joined too many channels`);
  });
});

describe("NAMES of a big channel", () => {
  test("353 lines are split to fit 512 bytes and together list every member", async () => {
    const nicks = Array.from(
      { length: 24 },
      (_, i) => `member${String(i).padStart(2, "0")}${"x".repeat(20)}`,
    );
    const clients = [];
    for (const nick of nicks) clients.push(await registered(ctx.server, nick));
    await together("#big", ...clients);
    const lines = await exchange(clients[0]!, "NAMES #big");
    const replies = lines.filter((l) => l.includes(" 353 "));
    expect(replies.length).toBeGreaterThan(1);
    for (const line of replies) expect(Buffer.byteLength(line) + 2).toBeLessThanOrEqual(512);
    const listed = replies
      .flatMap((l) => l.slice(l.indexOf(" :") + 2).split(" "))
      .map((n) => n.replace(/^@/, ""));
    expect(listed.sort()).toEqual([...nicks].sort());
    expect(lines.at(-1)).toBe(`${num("366", nicks[0]!)} #big :End of /NAMES list`);
    for (const c of clients) c.close();
  });
});
