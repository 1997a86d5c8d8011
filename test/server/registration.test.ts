import { describe, expect, test } from "bun:test";
import { TestClient } from "../support/irc-client.ts";
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

const ctx = useServer();
const S = SERVER_NAME;

describe("registration", () => {
  test("NICK and USER get the welcome burst 001-005, LUSERS and 422", async () => {
    const c = await ctx.server.connect("burst");
    c.send("NICK burst");
    c.send("USER burst 0 * :Burst Test");
    const lines = await c.until(/ 422 /);
    const expected: (string | RegExp)[] = [
      `:${S} 001 burst :Welcome to the NetworkComm IRC Network burst!~burst@127.0.0.1`,
      /^:irc\.test 002 burst :Your host is irc\.test, running version chat-server-\d+\.\d+\.\d+\S*$/,
      /^:irc\.test 003 burst :This server was created \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$/,
      /^:irc\.test 004 burst irc\.test chat-server-\S+ iwo beIiklmnostv beIklov$/,
      /^:irc\.test 005 burst AWAYLEN=200 CASEMAPPING=rfc1459 CHANLIMIT=#&:100 CHANMODES=beI,k,l,imnst CHANNELLEN=50 CHANTYPES=#& ELIST=CMNTU EXCEPTS=e INVEX=I KICKLEN=255 LINELEN=512 MAXLIST=beI:100 :are supported by this server$/,
      /^:irc\.test 005 burst MAXTARGETS=4 MODES=6 NETWORK=NetworkComm NICKLEN=30 PREFIX=\(ov\)@\+ SAFELIST STATUSMSG=@\+ TARGMAX=PRIVMSG:4,NOTICE:4,TAGMSG:4,JOIN:,PART:,KICK:1,NAMES:1,WHOIS:1,USERHOST:5 TOPICLEN=390 UTF8ONLY WHOX :are supported by this server$/,
      /^:irc\.test 251 burst :There are \d+ users and 0 invisible on 1 servers$/,
      /^:irc\.test 252 burst \d+ :operator\(s\) online$/,
      /^:irc\.test 253 burst \d+ :unknown connection\(s\)$/,
      /^:irc\.test 254 burst \d+ :channels formed$/,
      /^:irc\.test 255 burst :I have \d+ clients and 0 servers$/,
      /^:irc\.test 265 burst \d+ \d+ :Current local users \d+, max \d+$/,
      /^:irc\.test 266 burst \d+ \d+ :Current global users \d+, max \d+$/,
      `:${S} 422 burst :MOTD File is missing`,
    ];
    expect(lines.length).toBe(expected.length);
    expected.forEach((want, i) => {
      if (typeof want === "string") expect(lines[i]).toBe(want);
      else expect(lines[i]).toMatch(want);
    });
    expect(await c.sync()).toEqual([]);
  });

  test("a command before registration gets 451; PING works before it", async () => {
    const c = await ctx.server.connect();
    expect(await exchange(c, "JOIN #early")).toEqual([`:${S} 451 * :You have not registered`]);
    expect(await exchange(c, "PRIVMSG x :y")).toEqual([`:${S} 451 * :You have not registered`]);
  });

  test("unknown command 421, missing parameters 461, USER twice 462", async () => {
    const c = await registered(ctx.server, "errs");
    expect(await exchange(c, "FROBNICATE a b")).toEqual([
      `${num("421", "errs")} FROBNICATE :Unknown command`,
    ]);
    expect(await exchange(c, "USER a b")).toEqual([`${num("461", "errs")} USER :Not enough parameters`]);
    expect(await exchange(c, "USER a 0 * :x")).toEqual([`${num("462", "errs")} :You may not reregister`]);
    expect(await exchange(c, "PASS secret")).toEqual([`${num("462", "errs")} :You may not reregister`]);
    expect(await exchange(c, "PING")).toEqual([`${num("409", "errs")} :No origin specified`]);
  });

  test("NICK errors: 431 none, 432 erroneous, 433 in use (also before registration)", async () => {
    const a = await registered(ctx.server, "Taken");
    expect(await exchange(a, "NICK")).toEqual([`${num("431", "Taken")} :No nickname given`]);
    expect(await exchange(a, "NICK 9lives")).toEqual([`${num("432", "Taken")} 9lives :Erroneous nickname`]);
    expect(await exchange(a, `NICK ${"n".repeat(31)}`)).toEqual([
      `${num("432", "Taken")} ${"n".repeat(31)} :Erroneous nickname`,
    ]);
    const b = await ctx.server.connect();
    // rfc1459 casemapping: "tAKEN" is the same nick.
    expect(await exchange(b, "NICK tAKEN")).toEqual([`:${S} 433 * tAKEN :Nickname is already in use`]);
    b.send("NICK other433");
    b.send("USER o 0 * :O");
    expect(await b.next(/ 001 /)).toStartWith(num("001", "other433"));
    expect(await exchange(a, "NICK other433")).toEqual([
      `${num("433", "Taken")} other433 :Nickname is already in use`,
    ]);
  });

  test("a nick change reaches the user and each peer once", async () => {
    const a = await registered(ctx.server, "nickA");
    const b = await registered(ctx.server, "nickB");
    await together("#n1,#n2", a, b);
    expect(await exchange(a, "NICK nickA2")).toEqual([`:${src("nickA")} NICK nickA2`]);
    expect(await b.sync()).toEqual([`:${src("nickA")} NICK nickA2`]);
    // A change of case only is a change too; the same nick is ignored.
    expect(await exchange(a, "NICK NICKA2")).toEqual([":nickA2!~nicka@127.0.0.1 NICK NICKA2"]);
    expect(await exchange(a, "NICK NICKA2")).toEqual([]);
  });

  test("PING gets PONG with the token; QUIT closes with ERROR", async () => {
    const c = await registered(ctx.server, "pinger");
    expect(await exchange(c, "PING :hello there")).toEqual([`:${S} PONG ${S} :hello there`]);
    c.send("QUIT :see you");
    expect(await c.next(/^ERROR/)).toBe("ERROR :Closing Link: 127.0.0.1 (Quit: see you)");
    await c.closed;
    // One log line per event on stderr.
    await ctx.server.stderr.next(/ INFO {2}quit \d+ pinger 127\.0\.0\.1 \(Quit: see you\)$/);
    const log = ctx.server.stderr.lines;
    expect(log.some((l) => / INFO {2}connect \d+ 127\.0\.0\.1$/.test(l))).toBe(true);
    expect(log.some((l) => / INFO {2}register \d+ pinger!~pinger@127\.0\.0\.1$/.test(l))).toBe(true);
  });
});

describe("CAP negotiation", () => {
  test("LS 302, REQ, LIST and END hold registration until END", async () => {
    const c = await TestClient.connect(ctx.server.port, "cap");
    c.send("CAP LS 302");
    c.send("NICK capper");
    c.send("USER capper 0 * :Cap");
    const ls = await c.next(/ CAP /);
    expect(ls).toBe(
      `:${S} CAP * LS :away-notify batch cap-notify echo-message extended-join invite-notify labeled-response message-tags multi-prefix server-time setname standard-replies userhost-in-names`,
    );
    expect(await exchange(c, "CAP REQ :multi-prefix bogus-cap")).toEqual([
      `:${S} CAP capper NAK :multi-prefix bogus-cap`,
    ]);
    expect(await exchange(c, "CAP REQ :multi-prefix server-time")).toEqual([
      `:${S} CAP capper ACK :multi-prefix server-time`,
    ]);
    expect(await exchange(c, "CAP REQ :-server-time")).toEqual([`:${S} CAP capper ACK :-server-time`]);
    // LS 302 implies cap-notify.
    expect(await exchange(c, "CAP LIST")).toEqual([`:${S} CAP capper LIST :cap-notify multi-prefix`]);
    expect(await exchange(c, "CAP FOO")).toEqual([`:${S} 410 capper FOO :Invalid CAP command`]);
    c.send("CAP END");
    expect(await c.next(/ 001 /)).toStartWith(`:${S} 001 capper `);
  });
});

describe("server password", () => {
  const hash = quickHash("letmein");
  const locked = useServer({ config: `${RELAXED_FLOOD}\n[server]\npassword_hash = "${hash}"\n` });

  test("the right PASS registers", async () => {
    const c = await TestClient.connect(locked.server.port, "pass-ok");
    c.send("PASS letmein");
    c.send("NICK passok");
    c.send("USER p 0 * :P");
    expect(await c.next(/ 001 /)).toStartWith(`:${S} 001 passok `);
  });

  test("a wrong or missing PASS gets 464 and ERROR", async () => {
    for (const pass of ["PASS wrong", ""]) {
      const c = await TestClient.connect(locked.server.port, "pass-bad");
      if (pass !== "") c.send(pass);
      c.send("NICK passbad");
      c.send("USER p 0 * :P");
      expect(await c.until(/^ERROR/)).toEqual([
        `:${S} 464 passbad :Password incorrect`,
        "ERROR :Closing Link: 127.0.0.1 (Bad password)",
      ]);
      await c.closed;
    }
  });
});
