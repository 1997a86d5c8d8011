/**
 * The seed's chat, end to end with the compiled dist/chat-server: everyone lands in #lobby,
 * a message reaches everyone else, a taken nick is refused, a quit is seen.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import type { TestClient } from "../support/irc-client.ts";
import { type ServerHandle, startServer } from "../support/server-process.ts";

let server: ServerHandle;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

const from = (nick: string) => new RegExp(`^:${nick}!~?${nick.toLowerCase()}@\\S+ `);

test("three users land in #lobby, chat, collide on a nick and see a quit", async () => {
  const clients: TestClient[] = [];
  for (const nick of ["alice", "bob", "carol"]) {
    const c = await server.connect(nick);
    c.send(`NICK ${nick}`);
    c.send(`USER ${nick} 0 * :${nick}`);
    await c.next(/ 001 /);
    await c.next(new RegExp(`^:${nick}!\\S+ JOIN :?#lobby$`));
    await c.next(/ 366 \S+ #lobby /);
    clients.push(c);
  }
  const [alice, bob, carol] = clients as [TestClient, TestClient, TestClient];
  // Earlier members see later ones arrive.
  await alice.next(/^:bob!\S+ JOIN :?#lobby$/);
  await alice.next(/^:carol!\S+ JOIN :?#lobby$/);

  alice.send("PRIVMSG #lobby :hello from alice");
  for (const other of [bob, carol]) {
    const line = await other.next(/ PRIVMSG #lobby /);
    expect(line).toMatch(from("alice"));
    expect(line).toEndWith(" PRIVMSG #lobby :hello from alice");
  }
  // The sender does not get its own message back without echo-message.
  expect((await alice.sync()).filter((l) => l.includes("PRIVMSG"))).toEqual([]);

  const impostor = await server.connect("impostor");
  impostor.send("NICK Alice");
  expect(await impostor.next(/ 433 /)).toMatch(/^:\S+ 433 \* Alice :/);

  await carol.quit("gone home");
  for (const other of [alice, bob]) {
    expect(await other.next(/ QUIT /)).toMatch(/^:carol!\S+ QUIT :.*gone home/);
  }
});
