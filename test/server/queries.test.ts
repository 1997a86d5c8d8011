import { describe, expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exchange, num, registered, SERVER_NAME, together, useServer } from "../support/scenario.ts";

const S = SERVER_NAME;
const motdDir = mkdtempSync(join(tmpdir(), "nc-motd-"));
const motdFile = join(motdDir, "motd.txt");
writeFileSync(motdFile, "Hello and welcome.\nBe nice.\n\n");
const ctx = useServer({ args: ["--motd", motdFile] });

describe("WHO", () => {
  test("WHO #channel lists members with flags; WHO nick; invisible users hidden from strangers", async () => {
    const a = await registered(ctx.server, "whoA");
    const b = await registered(ctx.server, "whoB");
    await together("#who", a, b);
    b.send("AWAY :out");
    await b.sync();
    expect(await exchange(a, "WHO #who")).toEqual([
      `${num("352", "whoA")} #who ~whoa 127.0.0.1 ${S} whoA H@ :0 whoA Test`,
      `${num("352", "whoA")} #who ~whob 127.0.0.1 ${S} whoB G :0 whoB Test`,
      `${num("315", "whoA")} #who :End of WHO list`,
    ]);
    expect(await exchange(a, "WHO whob")).toEqual([
      `${num("352", "whoA")} #who ~whob 127.0.0.1 ${S} whoB G :0 whoB Test`,
      `${num("315", "whoA")} whob :End of WHO list`,
    ]);
    const stranger = await registered(ctx.server, "whoC");
    stranger.send("MODE whoC +i");
    await stranger.sync();
    expect(await exchange(a, "WHO whoC*")).toEqual([`${num("315", "whoA")} whoC* :End of WHO list`]);
    expect(await exchange(a, "WHO whoC")).toEqual([
      `${num("352", "whoA")} * ~whoc 127.0.0.1 ${S} whoC H :0 whoC Test`,
      `${num("315", "whoA")} whoC :End of WHO list`,
    ]);
  });

  test("WHOX returns the requested fields in order, with the query token", async () => {
    const a = await registered(ctx.server, "whox");
    a.send("JOIN #whox");
    await a.sync();
    expect(await exchange(a, "WHO #whox %tnuhcfar,42")).toEqual([
      `${num("354", "whox")} 42 #whox ~whox 127.0.0.1 whox H@ 0 :whox Test`,
      `${num("315", "whox")} #whox :End of WHO list`,
    ]);
    expect(await exchange(a, "WHO whox %n")).toEqual([
      `${num("354", "whox")} whox`,
      `${num("315", "whox")} whox :End of WHO list`,
    ]);
  });
});

describe("WHOIS, WHOWAS, ISON, USERHOST", () => {
  test("WHOIS shows user, channels, server, idle; unknown gets 401 then 318", async () => {
    const a = await registered(ctx.server, "wiA");
    const b = await registered(ctx.server, "wiB");
    await together("#whois", a, b);
    const lines = await exchange(b, "WHOIS wiA");
    expect(lines.slice(0, 3)).toEqual([
      `${num("311", "wiB")} wiA ~wia 127.0.0.1 * :wiA Test`,
      `${num("319", "wiB")} wiA :@#whois`,
      `${num("312", "wiB")} wiA ${S} :NetworkComm`,
    ]);
    expect(lines[3]).toMatch(/^:irc\.test 317 wiB wiA \d+ \d+ :seconds idle, signon time$/);
    expect(lines[4]).toBe(`${num("318", "wiB")} wiA :End of /WHOIS list`);
    expect(lines.length).toBe(5);
    expect(await exchange(b, "WHOIS nobody")).toEqual([
      `${num("401", "wiB")} nobody :No such nick/channel`,
      `${num("318", "wiB")} nobody :End of /WHOIS list`,
    ]);
    expect(await exchange(b, "WHOIS")).toEqual([`${num("461", "wiB")} WHOIS :Not enough parameters`]);
  });

  test("WHOWAS after a nick change, 406 for a nick never seen", async () => {
    const a = await registered(ctx.server, "wwOld");
    a.send("NICK wwNew");
    await a.sync();
    const lines = await exchange(a, "WHOWAS wwOld");
    expect(lines[0]).toBe(`${num("314", "wwNew")} wwOld ~wwold 127.0.0.1 * :wwOld Test`);
    expect(lines[1]).toStartWith(`${num("312", "wwNew")} wwOld ${S} :`);
    expect(lines[2]).toBe(`${num("369", "wwNew")} wwOld :End of WHOWAS`);
    expect(await exchange(a, "WHOWAS neverseen")).toEqual([
      `${num("406", "wwNew")} neverseen :There was no such nickname`,
      `${num("369", "wwNew")} neverseen :End of WHOWAS`,
    ]);
  });

  test("ISON and USERHOST", async () => {
    const a = await registered(ctx.server, "isonA");
    await registered(ctx.server, "isonB");
    expect(await exchange(a, "ISON isonb nobody isonA")).toEqual([`${num("303", "isonA")} :isonB isonA`]);
    expect(await exchange(a, "ISON :isonB nobody")).toEqual([`${num("303", "isonA")} :isonB`]);
    expect(await exchange(a, "USERHOST isonA isonB nobody")).toEqual([
      `${num("302", "isonA")} :isonA=+~isona@127.0.0.1 isonB=+~isonb@127.0.0.1`,
    ]);
  });
});

describe("server queries", () => {
  test("MOTD from the file; LUSERS; TIME; VERSION with ISUPPORT; ADMIN; INFO", async () => {
    const a = await registered(ctx.server, "sq");
    expect(await exchange(a, "MOTD")).toEqual([
      `${num("375", "sq")} :- ${S} Message of the day - `,
      `${num("372", "sq")} :- Hello and welcome.`,
      `${num("372", "sq")} :- Be nice.`,
      `${num("376", "sq")} :End of /MOTD command.`,
    ]);
    const lusers = await exchange(a, "LUSERS");
    expect(lusers.map((l) => l.split(" ")[1])).toEqual(["251", "252", "253", "254", "255", "265", "266"]);
    const [time] = await exchange(a, "TIME");
    expect(time).toMatch(/^:irc\.test 391 sq irc\.test :\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$/);
    const version = await exchange(a, "VERSION");
    expect(version[0]).toMatch(/^:irc\.test 351 sq chat-server-\S+ irc\.test :NetworkComm chat-server \S+$/);
    expect(version.slice(1).every((l) => l.startsWith(`${num("005", "sq")} `))).toBe(true);
    expect(await exchange(a, "ADMIN")).toEqual([
      `${num("256", "sq")} ${S} :Administrative info`,
      `${num("257", "sq")} :NetworkComm chat server`,
      `${num("258", "sq")} :NetworkComm`,
      `${num("259", "sq")} :no address given`,
    ]);
    const info = await exchange(a, "INFO");
    expect(info[0]).toStartWith(`${num("371", "sq")} :NetworkComm chat-server `);
    expect(info.at(-1)).toBe(`${num("374", "sq")} :End of INFO list`);
  });
});
