import { describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { TestClient } from "../support/irc-client.ts";
import {
  exchange,
  num,
  quickHash,
  RELAXED_FLOOD,
  registered,
  SERVER_NAME,
  src,
  together,
  useServer,
} from "../support/scenario.ts";

const S = SERVER_NAME;
// bcrypt with a low cost keeps the test fast; the server verifies any Bun.password hash.
const hash = quickHash("opensesame");
const config = `${RELAXED_FLOOD}
[server]
motd = "motd.txt"

[[oper]]
name = "boss"
password_hash = "${hash}"
mask = "*!*@127.0.0.1"

[[oper]]
name = "remote"
password_hash = "${hash}"
mask = "*!*@10.*"
`;
const ctx = useServer({ config });

async function becomeOper(client: TestClient): Promise<void> {
  client.send("OPER boss opensesame");
  await client.next(/ MODE \S+ \+o$/);
}
writeFileSync(join(dirname(ctx.configPath), "motd.txt"), "first motd\n");

describe("OPER", () => {
  test("a right name, host and password make an operator; wrong ones get 491 or 464", async () => {
    const a = await registered(ctx.server, "wannabe");
    expect(await exchange(a, "OPER nobody opensesame")).toEqual([
      `${num("491", "wannabe")} :No O-lines for your host`,
    ]);
    expect(await exchange(a, "OPER remote opensesame")).toEqual([
      `${num("491", "wannabe")} :No O-lines for your host`,
    ]);
    expect(await exchange(a, "OPER boss wrong")).toEqual([`${num("464", "wannabe")} :Password incorrect`]);
    expect(await exchange(a, "OPER boss")).toEqual([`${num("461", "wannabe")} OPER :Not enough parameters`]);
    expect(await exchange(a, "OPER boss opensesame")).toEqual([
      `${num("381", "wannabe")} :You are now an IRC operator`,
      `:${src("wannabe")} MODE wannabe +o`,
    ]);
    expect(await exchange(a, "MODE wannabe")).toEqual([`${num("221", "wannabe")} +o`]);
    expect(await exchange(a, "USERHOST wannabe")).toEqual([
      `${num("302", "wannabe")} :wannabe*=+~wannabe@127.0.0.1`,
    ]);
  });

  test("KILL, WALLOPS and REHASH need an operator (481)", async () => {
    const a = await registered(ctx.server, "plain");
    for (const line of ["KILL someone :x", "WALLOPS :hi", "REHASH"]) {
      expect(await exchange(a, line)).toEqual([
        `${num("481", "plain")} :Permission Denied- You're not an IRC operator`,
      ]);
    }
  });
});

describe("operator commands", () => {
  test("KILL closes the target with ERROR and its peers see the QUIT", async () => {
    const op = await registered(ctx.server, "killer");
    const victim = await registered(ctx.server, "killed");
    const peer = await registered(ctx.server, "kpeer");
    await together("#kill", victim, peer);
    await becomeOper(op);
    expect(await exchange(op, "KILL ghost :x")).toEqual([
      `${num("401", "killer")} ghost :No such nick/channel`,
    ]);
    op.send("KILL killed :spamming");
    expect(await victim.next(/^ERROR/)).toBe("ERROR :Closing Link: 127.0.0.1 (Killed (killer (spamming)))");
    await victim.closed;
    expect(await peer.next(/ QUIT /)).toBe(`:${src("killed")} QUIT :Killed (killer (spamming))`);
  });

  test("WALLOPS reaches users with +w and operators", async () => {
    const op = await registered(ctx.server, "wallop");
    const listener = await registered(ctx.server, "wlisten");
    const deaf = await registered(ctx.server, "wdeaf");
    listener.send("MODE wlisten +w");
    await listener.sync();
    await becomeOper(op);
    expect(await exchange(op, "WALLOPS :maintenance at noon")).toEqual([
      `:${src("wallop")} WALLOPS :maintenance at noon`,
    ]);
    expect(await listener.sync()).toEqual([`:${src("wallop")} WALLOPS :maintenance at noon`]);
    expect(await deaf.sync()).toEqual([]);
  });

  test("REHASH reloads the config and MOTD without dropping anyone", async () => {
    const op = await registered(ctx.server, "rehasher");
    const bystander = await registered(ctx.server, "bystand");
    await becomeOper(op);
    expect((await exchange(op, "MOTD"))[1]).toBe(`${num("372", "rehasher")} :- first motd`);
    writeFileSync(join(dirname(ctx.configPath), "motd.txt"), "second motd\n");
    writeFileSync(ctx.configPath, config.replace("[server]", '[server]\nnetwork = "Renamed"'));
    expect(await exchange(op, "REHASH")).toEqual([
      `${num("382", "rehasher")} config :Rehashing`,
      `:${S} NOTICE rehasher :REHASH: configuration reloaded`,
    ]);
    expect((await exchange(op, "MOTD"))[1]).toBe(`${num("372", "rehasher")} :- second motd`);
    expect((await exchange(bystander, "VERSION")).some((l) => l.includes(" NETWORK=Renamed "))).toBe(true);
  });

  test("a REHASH of a broken config keeps the running one and says why", async () => {
    const op = await registered(ctx.server, "rehashbad");
    await becomeOper(op);
    writeFileSync(ctx.configPath, config.replace("[server]", "[server]\nnot_a_key = 1"));
    const lines = await exchange(op, "REHASH");
    writeFileSync(ctx.configPath, config);
    expect(lines[0]).toBe(`${num("382", "rehashbad")} config :Rehashing`);
    expect(lines[1]).toMatch(/^:irc\.test NOTICE rehashbad :REHASH failed: .*not_a_key/);
    expect(await exchange(op, "PING still-here")).toEqual([`:${S} PONG ${S} still-here`]);
  });

  test("operators are exempt from flood control", async () => {
    const op = await registered(ctx.server, "fastop");
    await becomeOper(op);
    op.sendRaw("PING burst\r\n".repeat(3000));
    const lines = await op.sync(5000);
    expect(lines.length).toBe(3000);
    expect(op.isClosed).toBe(false);
  });
});
