import { describe, expect, test } from "bun:test";
import { exchange, num, registered, src, together, useServer } from "../support/scenario.ts";

const ctx = useServer();

describe("channel MODE", () => {
  test("a new channel is +nt; 324 and 329 report it; the key is shown to members only", async () => {
    const a = await registered(ctx.server, "mq");
    a.send("JOIN #mq");
    a.send("MODE #mq +k secret");
    await a.sync();
    const lines = await exchange(a, "MODE #mq");
    expect(lines[0]).toBe(`${num("324", "mq")} #mq +ntk secret`);
    expect(lines[1]).toMatch(/^:irc\.test 329 mq #mq \d+$/);
    const out = await registered(ctx.server, "mqout");
    expect((await exchange(out, "MODE #mq"))[0]).toBe(`${num("324", "mqout")} #mq +ntk *`);
    expect(await exchange(out, "MODE #nomq")).toEqual([`${num("403", "mqout")} #nomq :No such channel`]);
  });

  test("o and v: applied changes are folded into one MODE line for every member", async () => {
    const op = await registered(ctx.server, "mop");
    const u = await registered(ctx.server, "muser");
    await together("#ov", op, u);
    expect(await exchange(op, "MODE #ov +ov muser muser")).toEqual([
      `:${src("mop")} MODE #ov +ov muser muser`,
    ]);
    expect(await u.sync()).toEqual([`:${src("mop")} MODE #ov +ov muser muser`]);
    expect(await exchange(op, "NAMES #ov")).toEqual([
      `${num("353", "mop")} = #ov :@mop @muser`,
      `${num("366", "mop")} #ov :End of /NAMES list`,
    ]);
    // Setting what is already set changes nothing and sends nothing.
    expect(await exchange(op, "MODE #ov +o muser")).toEqual([]);
    expect(await exchange(op, "MODE #ov -o+v-v muser muser muser")).toEqual([
      `:${src("mop")} MODE #ov -ov muser muser`,
    ]);
    expect(await exchange(op, "MODE #ov +o ghost")).toEqual([
      `${num("401", "mop")} ghost :No such nick/channel`,
    ]);
    await u.sync();
    const outsider = await registered(ctx.server, "mout");
    expect(await exchange(op, "MODE #ov +v mout")).toEqual([
      `${num("441", "mop")} mout #ov :They aren't on that channel`,
    ]);
    expect(await exchange(u, "MODE #ov +m")).toEqual([
      `${num("482", "muser")} #ov :You're not channel operator`,
    ]);
    expect(await exchange(outsider, "MODE #ov +m")).toEqual([
      `${num("442", "mout")} #ov :You're not on that channel`,
    ]);
  });

  test("flags i m n s t, key and limit; unknown mode 472", async () => {
    const op = await registered(ctx.server, "mflag");
    op.send("JOIN #flags");
    await op.sync();
    expect(await exchange(op, "MODE #flags +imsl-nt 5")).toEqual([`:${src("mflag")} MODE #flags +imsl-nt 5`]);
    expect((await exchange(op, "MODE #flags"))[0]).toBe(`${num("324", "mflag")} #flags +imsl 5`);
    expect(await exchange(op, "MODE #flags -l+k key")).toEqual([`:${src("mflag")} MODE #flags -l+k key`]);
    expect(await exchange(op, "MODE #flags -k *")).toEqual([`:${src("mflag")} MODE #flags -k *`]);
    expect(await exchange(op, "MODE #flags +l zero")).toEqual([
      `${num("696", "mflag")} #flags l zero :Invalid limit`,
    ]);
    expect(await exchange(op, "MODE #flags +zX")).toEqual([
      `${num("472", "mflag")} z :is unknown mode char to me`,
      `${num("472", "mflag")} X :is unknown mode char to me`,
    ]);
  });

  test("ban, exception and invite-exception lists: add, list, remove; masks are completed", async () => {
    const op = await registered(ctx.server, "mban");
    op.send("JOIN #bans");
    await op.sync();
    expect(await exchange(op, "MODE #bans +b bad")).toEqual([`:${src("mban")} MODE #bans +b bad!*@*`]);
    expect(await exchange(op, "MODE #bans +e *@127.0.0.1")).toEqual([
      `:${src("mban")} MODE #bans +e *!*@127.0.0.1`,
    ]);
    expect(await exchange(op, "MODE #bans +I friend!x")).toEqual([
      `:${src("mban")} MODE #bans +I friend!x@*`,
    ]);
    const bans = await exchange(op, "MODE #bans b");
    expect(bans[0]).toMatch(/^:irc\.test 367 mban #bans bad!\*@\* mban \d+$/);
    expect(bans[1]).toBe(`${num("368", "mban")} #bans :End of channel ban list`);
    expect((await exchange(op, "MODE #bans e"))[1]).toBe(
      `${num("349", "mban")} #bans :End of channel exception list`,
    );
    expect((await exchange(op, "MODE #bans I"))[1]).toBe(
      `${num("347", "mban")} #bans :End of Channel Invite Exception List`,
    );
    expect(await exchange(op, "MODE #bans -b BAD!*@*")).toEqual([`:${src("mban")} MODE #bans -b BAD!*@*`]);
    expect(await exchange(op, "MODE #bans b")).toEqual([
      `${num("368", "mban")} #bans :End of channel ban list`,
    ]);
  });

  test("+m silences unvoiced members; a ban silences and an exception lets through", async () => {
    const op = await registered(ctx.server, "mmod");
    const u = await registered(ctx.server, "mquiet");
    await together("#quiet", op, u);
    op.send("MODE #quiet +m");
    await op.sync();
    await u.sync();
    expect(await exchange(u, "PRIVMSG #quiet :hi")).toEqual([
      `${num("404", "mquiet")} #quiet :Cannot send to channel`,
    ]);
    op.send("MODE #quiet -m+b mquiet");
    await op.sync();
    await u.sync();
    expect(await exchange(u, "PRIVMSG #quiet :hi")).toEqual([
      `${num("404", "mquiet")} #quiet :Cannot send to channel`,
    ]);
    op.send("MODE #quiet +e mquiet");
    await op.sync();
    await u.sync();
    expect(await exchange(u, "PRIVMSG #quiet :hi")).toEqual([]);
    expect(await op.sync()).toEqual([`:${src("mquiet")} PRIVMSG #quiet :hi`]);
  });
});

describe("user MODE", () => {
  test("i and w set and unset; 221 reports; o cannot be set; 501 502", async () => {
    const u = await registered(ctx.server, "umode");
    expect(await exchange(u, "MODE umode")).toEqual([`${num("221", "umode")} +`]);
    expect(await exchange(u, "MODE umode +iw")).toEqual([`:${src("umode")} MODE umode +iw`]);
    expect(await exchange(u, "MODE umode")).toEqual([`${num("221", "umode")} +iw`]);
    expect(await exchange(u, "MODE umode +o")).toEqual([]);
    expect(await exchange(u, "MODE umode -w")).toEqual([`:${src("umode")} MODE umode -w`]);
    expect(await exchange(u, "MODE umode +x")).toEqual([`${num("501", "umode")} :Unknown MODE flag`]);
    const other = await registered(ctx.server, "umode2");
    expect(await exchange(other, "MODE umode +i")).toEqual([
      `${num("502", "umode2")} :Cant change mode for other users`,
    ]);
    expect(await exchange(other, "MODE nobody")).toEqual([
      `${num("401", "umode2")} nobody :No such nick/channel`,
    ]);
  });
});
