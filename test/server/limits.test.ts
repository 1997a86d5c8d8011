import { describe, expect, test } from "bun:test";
import net from "node:net";
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

describe("flood control (burst 10, 2/s, 20 waiting)", () => {
  const ctx = useServer({ config: "[limits]\nflood_burst = 10\nflood_rate = 2\nflood_queue = 20\n" });

  test("commands past the burst are delayed, not dropped", async () => {
    const c = await ctx.server.connect("slowed");
    const started = performance.now();
    for (let i = 1; i <= 12; i++) c.send(`PING t${i}`);
    await c.next(`PONG ${S} t10`);
    const burstDone = performance.now() - started;
    await c.next(`PONG ${S} t12`, 5000);
    const allDone = performance.now() - started;
    expect(burstDone).toBeLessThan(400);
    // t11 and t12 wait for tokens at 2 per second.
    expect(allDone).toBeGreaterThan(700);
  });

  test("more than flood_queue commands waiting disconnects with Excess Flood", async () => {
    const c = await ctx.server.connect("flooder");
    const watcher = await registered(ctx.server, "floodW");
    watcher.send("JOIN #flood");
    await watcher.sync();
    c.send("NICK flooder");
    c.send("USER f 0 * :F");
    c.send("JOIN #flood");
    await watcher.next(/ JOIN #flood/);
    c.sendRaw("PRIVMSG #flood :spam\r\n".repeat(40));
    expect(await c.next(/^ERROR/)).toBe("ERROR :Closing Link: 127.0.0.1 (Excess Flood)");
    await c.closed;
    // The seven messages inside the burst arrived; the rest were never executed.
    const lines = await watcher.until(/ QUIT /);
    expect(lines.filter((l) => l.endsWith("PRIVMSG #flood :spam")).length).toBe(7);
    expect(lines.at(-1)).toBe(":flooder!~f@127.0.0.1 QUIT :Excess Flood");
    expect(ctx.server.stderr.lines.some((l) => l.includes("excess flood"))).toBe(true);
  });
});

describe("connections per IP", () => {
  const ctx = useServer({ config: "[limits]\nconnections_per_ip = 3\n" });

  test("the connection past the limit gets ERROR and is closed; a freed slot is reusable", async () => {
    const kept = [await ctx.server.connect(), await ctx.server.connect(), await ctx.server.connect()];
    for (const c of kept) await c.sync();
    const extra = await ctx.server.connect("extra");
    expect(await extra.next(/^ERROR/)).toBe(
      "ERROR :Closing Link: 127.0.0.1 (Too many connections from your IP)",
    );
    await extra.closed;
    kept[0]!.close();
    await kept[0]!.closed;
    // The server notices the close asynchronously: retry until a connection is kept.
    let accepted: TestClient | null = null;
    for (let attempt = 0; attempt < 20 && accepted === null; attempt++) {
      const c = await ctx.server.connect();
      c.send("PING probe");
      if ((await c.next(/^ERROR| PONG /)).includes("PONG")) accepted = c;
    }
    expect(accepted).not.toBeNull();
  });
});

describe("max clients", () => {
  const ctx = useServer({ config: "[limits]\nmax_clients = 2\n" });

  test("a connection past max_clients gets ERROR :Closing Link ... (Server is full)", async () => {
    const kept = [await ctx.server.connect(), await ctx.server.connect()];
    for (const c of kept) await c.sync();
    const extra = await ctx.server.connect("extra");
    expect(await extra.next(/^ERROR/)).toBe("ERROR :Closing Link: 127.0.0.1 (Server is full)");
    await extra.closed;
    expect(
      ctx.server.stderr.lines.some((l) => l.includes("connection refused 127.0.0.1: Server is full")),
    ).toBe(true);
  });
});

describe("input limits", () => {
  const ctx = useServer();

  test("417 for a long line or tags; 400 for NUL, bare CR and 16 parameters; blank lines ignored", async () => {
    const c = await registered(ctx.server, "inputs");
    expect(await exchange(c, `PRIVMSG inputs :${"x".repeat(600)}`)).toEqual([
      `${num("417", "inputs")} :Input line was too long`,
    ]);
    expect(await exchange(c, `@+big=${"y".repeat(5000)} PING x`)).toEqual([
      `${num("417", "inputs")} :Input line was too long`,
    ]);
    c.sendRaw("PING a\0b\r\n");
    expect(await c.sync()).toEqual([
      `${num("400", "inputs")} PING :Line rejected: it contains a NUL or a bare CR`,
    ]);
    c.sendRaw("PING a\rb\r\n");
    expect(await c.sync()).toEqual([
      `${num("400", "inputs")} PING :Line rejected: it contains a NUL or a bare CR`,
    ]);
    expect(await exchange(c, `PING ${"p ".repeat(16)}`)).toEqual([
      `${num("400", "inputs")} PING :Line rejected: more than 15 parameters`,
    ]);
    c.sendRaw("\r\n   \r\n\n");
    expect(await c.sync()).toEqual([]);
    // A line exactly at the limit (510 bytes + CRLF) is accepted and relayed whole.
    const text = "z".repeat(510 - "PRIVMSG inputs :".length);
    expect(await exchange(c, `PRIVMSG inputs :${text}`)).toEqual([
      `:${src("inputs")} PRIVMSG inputs :${text}`,
    ]);
  });

  test("more than read_bytes without a newline disconnects with RecvQ exceeded", async () => {
    const c = await registered(ctx.server, "nonewline");
    c.sendRaw("A".repeat(20_000));
    expect(await c.next(/^ERROR/)).toBe("ERROR :Closing Link: 127.0.0.1 (RecvQ exceeded)");
    await c.closed;
  });
});

describe("sendq", () => {
  // The sender is an operator, exempt from flood control, so it can outpace the silent reader quickly.
  const hash = quickHash("sqpass");
  const ctx = useServer({ config: `[[oper]]\nname = "sq"\npassword_hash = "${hash}"\n` });

  test("a client that never reads is dropped at the sendq limit; the others get every message promptly", async () => {
    const sender = await registered(ctx.server, "sqSender");
    sender.send("OPER sq sqpass");
    await sender.next(/ 381 /);
    const watcher = await registered(ctx.server, "sqWatch");
    await together("#sendq", sender, watcher);
    // A socket we never read from: pause() stops reading, so the kernel buffers fill, then our sendq.
    const silent = net.connect(ctx.server.port, "127.0.0.1");
    silent.pause();
    silent.write("NICK silent\r\nUSER silent 0 * :Silent\r\nJOIN #sendq\r\n");
    await watcher.next(`:${src("silent")} JOIN #sendq`);
    await sender.sync();
    const body = "m".repeat(440);
    let sent = 0;
    let dropped = false;
    // Kernel buffers on loopback take a few MB before the server's own queue grows.
    for (let batch = 0; batch < 60 && !dropped; batch++) {
      const lines: string[] = [];
      for (let i = 0; i < 500; i++) lines.push(`PRIVMSG #sendq :${++sent} ${body}\r\n`);
      sender.sendRaw(lines.join(""));
      const got = await watcher.until(`:${sent} ${body}`, 3000);
      const messages = got.filter((l) => l.includes(" PRIVMSG #sendq :"));
      expect(messages.length).toBe(500);
      expect(messages[0]).toBe(`:${src("sqSender")} PRIVMSG #sendq :${sent - 499} ${body}`);
      dropped = got.some((l) => l === `:${src("silent")} QUIT :SendQ exceeded`);
    }
    expect(dropped).toBe(true);
    expect(ctx.server.stderr.lines.some((l) => l.includes("sendq exceeded"))).toBe(true);
    silent.destroy();
  }, 30_000);
});

describe("output bursts", () => {
  const ctx = useServer({ config: RELAXED_FLOOD });

  test("replies far past 16 KiB from one read arrive whole and in order (written early, then the rest)", async () => {
    const c = await registered(ctx.server, "burst");
    // 400 NAMES replies and 400 PONGs asked for in one packet: about 45 KiB produced in one event-loop turn.
    c.send("JOIN #burst");
    await c.next(/ 366 burst #burst /);
    const commands: string[] = [];
    for (let i = 1; i <= 400; i++) commands.push(`NAMES #burst\r\nPING p${i}\r\n`);
    c.sendRaw(commands.join(""));
    const lines = await c.until(`:${SERVER_NAME} PONG ${SERVER_NAME} p400`);
    const replies = lines.filter((l) => / (353|366) burst /.test(l) || / PONG /.test(l));
    const expected: string[] = [];
    for (let i = 1; i <= 400; i++) {
      expected.push(`:${SERVER_NAME} 353 burst = #burst :@burst`);
      expected.push(`:${SERVER_NAME} 366 burst #burst :End of /NAMES list`);
      expected.push(`:${SERVER_NAME} PONG ${SERVER_NAME} p${i}`);
    }
    expect(replies).toEqual(expected);
  });
});
