/** How the compiled client registers, against a scripted server on a real socket. */
import { afterEach, expect, test } from "bun:test";
import { type ClientProcess, runClient } from "./client-process.ts";
import { ScriptedServer } from "./scripted-server.ts";

let server: ScriptedServer | null = null;
let clients: ClientProcess[] = [];

afterEach(() => {
  for (const c of clients) c.kill();
  clients = [];
  server?.close();
  server = null;
});

async function connect(...extra: string[]): Promise<{ server: ScriptedServer; ann: ClientProcess }> {
  server = new ScriptedServer();
  const args = ["--plain", "--host", "127.0.0.1", "--port", String(server.port), "--nick", "ann", ...extra];
  const ann = runClient(args, { TZ: "UTC" });
  clients.push(ann);
  await server.accepted();
  return { server, ann };
}

test("CAP LS 302 over several lines: requests only what it uses, then CAP END; server-time is shown", async () => {
  const { server: s, ann } = await connect("--password", "secret");
  expect(await s.received.until(/^USER /)).toEqual([
    "CAP LS 302",
    "PASS secret",
    "NICK ann",
    "USER ann 0 * ann",
  ]);
  s.send(
    ":irc.scripted CAP * LS * :sasl=PLAIN server-time account-tag",
    ":irc.scripted CAP * LS :echo-message multi-prefix draft/chathistory batch",
  );
  expect(await s.received.next(/^CAP REQ/)).toBe("CAP REQ :server-time echo-message multi-prefix batch");
  s.send(":irc.scripted CAP ann ACK :server-time echo-message multi-prefix batch");
  await s.received.next("CAP END");
  s.welcome("ann");
  s.send(
    ":irc.scripted 353 ann = #lobby :@~ann +bob",
    "@time=2026-03-04T05:06:07.000Z :bob!b@h PRIVMSG ann :psst",
  );
  expect(await ann.stdout.next("psst")).toBe("05:06 *bob* psst");
  ann.type("/msg bob hi");
  expect(await s.received.next(/^PRIVMSG/)).toBe("PRIVMSG bob :hi");
});

test("a server without CAP: registers on NICK and USER, sends no CAP END", async () => {
  const { server: s, ann } = await connect("--channel", "#dev");
  await s.received.next(/^USER /);
  s.send(":irc.scripted 421 * CAP :Unknown command");
  s.welcome("ann");
  expect(await s.received.next(/^JOIN /)).toBe("JOIN #dev");
  expect(s.received.lines).not.toContain("CAP END");
  s.send(":ann!a@h JOIN #dev");
  ann.type("hello");
  expect(await s.received.next(/^PRIVMSG/)).toBe("PRIVMSG #dev :hello");
});

test("PING before 001 is answered; CAP NAK ends negotiation", async () => {
  const { server: s } = await connect();
  await s.received.next(/^USER /);
  s.send("PING :cookie123");
  expect(await s.received.next(/^PONG/)).toBe("PONG cookie123");
  s.send(":irc.scripted CAP * LS :server-time");
  await s.received.next(/^CAP REQ :?server-time$/);
  s.send(":irc.scripted CAP * NAK :server-time");
  await s.received.next("CAP END");
});

test("a refused password is one line and exit code 1", async () => {
  const { server: s, ann } = await connect("--password", "wrong");
  await s.received.next(/^USER /);
  s.send(":irc.scripted CAP * LS :", ":irc.scripted 464 ann :Password incorrect", "ERROR :Closing link");
  s.close();
  expect(await ann.proc.exited).toBe(1);
  expect(ann.stderr.lines).toEqual([`cannot register with 127.0.0.1:${s.port}: Password incorrect`]);
});
