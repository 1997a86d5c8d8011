import { describe, expect, test } from "bun:test";
import { exchange, num, registered, SERVER_NAME, src, together, useServer } from "../support/scenario.ts";

const ctx = useServer();
const S = SERVER_NAME;
const TIME = /^@time=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /;

describe("message capabilities", () => {
  test("echo-message: the sender gets its own message back", async () => {
    const a = await registered(ctx.server, "echoA", ["echo-message"]);
    const b = await registered(ctx.server, "echoB");
    await together("#echo", a, b);
    expect(await exchange(a, "PRIVMSG #echo :me too")).toEqual([`:${src("echoA")} PRIVMSG #echo :me too`]);
    expect(await exchange(a, "PRIVMSG echoB :direct")).toEqual([`:${src("echoA")} PRIVMSG echoB :direct`]);
    expect(await b.sync()).toEqual([
      `:${src("echoA")} PRIVMSG #echo :me too`,
      `:${src("echoA")} PRIVMSG echoB :direct`,
    ]);
  });

  test("server-time adds a time tag; message-tags adds msgid and relays + tags only", async () => {
    const sender = await registered(ctx.server, "tagS");
    const timed = await registered(ctx.server, "tagT", ["server-time"]);
    const tagged = await registered(ctx.server, "tagM", ["message-tags"]);
    const plain = await registered(ctx.server, "tagP");
    await together("#tags", sender, timed, tagged, plain);
    sender.send("@+draft/reply=abc;+example.com/x=1\\s2;secret=drop PRIVMSG #tags :tagged");
    await sender.sync();
    const [t] = await timed.sync();
    expect(t).toMatch(TIME);
    expect(t!.replace(TIME, "")).toBe(`:${src("tagS")} PRIVMSG #tags :tagged`);
    const [m] = await tagged.sync();
    expect(m).toMatch(
      /^@msgid=\S+;\+draft\/reply=abc;\+example\.com\/x=1\\s2 :tagS!~tags@127\.0\.0\.1 PRIVMSG #tags :tagged$/,
    );
    expect(await plain.sync()).toEqual([`:${src("tagS")} PRIVMSG #tags :tagged`]);
  });

  test("TAGMSG reaches only message-tags clients, and needs a client tag", async () => {
    const a = await registered(ctx.server, "tmA", ["message-tags"]);
    const b = await registered(ctx.server, "tmB", ["message-tags"]);
    const c = await registered(ctx.server, "tmC");
    await together("#typing", a, b, c);
    a.send("@+typing=active TAGMSG #typing");
    await a.sync();
    const [line] = await b.sync();
    expect(line).toMatch(/^@msgid=\S+;\+typing=active :tmA!~tma@127\.0\.0\.1 TAGMSG #typing$/);
    expect(await c.sync()).toEqual([]);
    expect(await exchange(a, "TAGMSG #typing")).toEqual([]);
    expect(await b.sync()).toEqual([]);
  });

  test("extended-join adds account and realname to JOIN", async () => {
    const a = await registered(ctx.server, "xjA", ["extended-join"]);
    const b = await registered(ctx.server, "xjB");
    a.send("JOIN #xj");
    await a.sync();
    b.send("JOIN #xj");
    await b.sync();
    expect(await a.sync()).toEqual([`:${src("xjB")} JOIN #xj * :xjB Test`]);
  });

  test("away-notify: peers with the cap see AWAY changes and the away state on JOIN", async () => {
    const a = await registered(ctx.server, "anA", ["away-notify"]);
    const b = await registered(ctx.server, "anB");
    const c = await registered(ctx.server, "anC");
    await together("#an", a, b, c);
    b.send("AWAY :brb");
    await b.sync();
    expect(await a.sync()).toEqual([`:${src("anB")} AWAY :brb`]);
    expect(await c.sync()).toEqual([]);
    b.send("AWAY");
    await b.sync();
    expect(await a.sync()).toEqual([`:${src("anB")} AWAY`]);
    c.send("AWAY :away already");
    c.send("PART #an");
    c.send("JOIN #an");
    await c.sync();
    expect(await a.sync()).toEqual([
      `:${src("anC")} AWAY :away already`,
      `:${src("anC")} PART #an`,
      `:${src("anC")} JOIN #an`,
      `:${src("anC")} AWAY :away already`,
    ]);
  });

  test("multi-prefix and userhost-in-names shape NAMES and WHO", async () => {
    const op = await registered(ctx.server, "mpOp");
    const both = await registered(ctx.server, "mpBoth", ["multi-prefix", "userhost-in-names"]);
    await together("#mp", op, both);
    op.send("MODE #mp +ov mpBoth mpBoth");
    await op.sync();
    await both.sync();
    expect(await exchange(both, "NAMES #mp")).toEqual([
      `${num("353", "mpBoth")} = #mp :@${src("mpOp")} @+${src("mpBoth")}`,
      `${num("366", "mpBoth")} #mp :End of /NAMES list`,
    ]);
    expect(await exchange(op, "NAMES #mp")).toEqual([
      `${num("353", "mpOp")} = #mp :@mpOp @mpBoth`,
      `${num("366", "mpOp")} #mp :End of /NAMES list`,
    ]);
  });

  test("invite-notify tells channel members about an INVITE", async () => {
    const a = await registered(ctx.server, "inA");
    const b = await registered(ctx.server, "inB", ["invite-notify"]);
    const target = await registered(ctx.server, "inT");
    await together("#inv-notify", a, b);
    a.send("INVITE inT #inv-notify");
    await a.sync();
    expect(await b.sync()).toEqual([`:${src("inA")} INVITE inT #inv-notify`]);
    expect(await target.sync()).toEqual([`:${src("inA")} INVITE inT #inv-notify`]);
  });

  test("setname changes the realname; peers with the cap are told; too long is FAIL", async () => {
    const a = await registered(ctx.server, "snA", ["setname"]);
    const b = await registered(ctx.server, "snB", ["setname"]);
    const c = await registered(ctx.server, "snC");
    await together("#sn", a, b, c);
    expect(await exchange(a, "SETNAME :New Name")).toEqual([`:${src("snA")} SETNAME :New Name`]);
    expect(await b.sync()).toEqual([`:${src("snA")} SETNAME :New Name`]);
    expect(await c.sync()).toEqual([]);
    expect((await exchange(c, "WHOIS snA"))[0]).toBe(`${num("311", "snC")} snA ~sna 127.0.0.1 * :New Name`);
    expect(await exchange(a, `SETNAME :${"x".repeat(129)}`)).toEqual([
      `:${S} FAIL SETNAME INVALID_REALNAME :Realname is not valid`,
    ]);
  });
});

describe("labeled-response and batch", () => {
  test("one reply is labeled, none is ACK, several come in a labeled-response batch", async () => {
    const a = await registered(ctx.server, "lrA", ["labeled-response", "batch", "echo-message"]);
    expect(await exchange(a, "@label=one PING tok")).toEqual([`@label=one :${S} PONG ${S} tok`]);
    expect(await exchange(a, "@label=two PONG x")).toEqual([`@label=two :${S} ACK`]);
    const lines = await exchange(a, "@label=three WHOIS lrA");
    const open = /^@label=three :irc\.test BATCH \+(\S+) labeled-response$/.exec(lines[0]!);
    expect(open).not.toBeNull();
    const id = open![1]!;
    expect(lines[1]).toBe(`@batch=${id} ${num("311", "lrA")} lrA ~lra 127.0.0.1 * :lrA Test`);
    expect(lines.slice(1, -1).every((l) => l.startsWith(`@batch=${id} `))).toBe(true);
    expect(lines.at(-2)).toBe(`@batch=${id} ${num("318", "lrA")} lrA :End of /WHOIS list`);
    expect(lines.at(-1)).toBe(`:${S} BATCH -${id}`);
    expect(await exchange(a, "@label=four PRIVMSG lrA :self")).toEqual([
      `@label=four :${src("lrA")} PRIVMSG lrA :self`,
    ]);
  });

  test("a labeled command that waits (a password check) still gets its own replies labeled", async () => {
    const a = await registered(ctx.server, "lrPass", ["labeled-response", "batch"]);
    const lines = await exchange(a, "@label=op OPER nobody secret");
    expect(lines).toEqual([`@label=op ${num("491", "lrPass")} :No O-lines for your host`]);
  });

  test("standard replies: invalid UTF-8 gets FAIL INVALID_UTF8", async () => {
    const a = await registered(ctx.server, "utf8bad");
    a.sendRaw(new Uint8Array([...new TextEncoder().encode("PRIVMSG utf8bad :"), 0xff, 0xfe, 13, 10]));
    expect(await a.sync()).toEqual([
      `:${S} FAIL PRIVMSG INVALID_UTF8 :Message rejected, your IRC software MUST use UTF-8 encoding on this network`,
    ]);
  });
});
