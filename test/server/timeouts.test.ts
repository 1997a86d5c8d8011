import { expect, test } from "bun:test";
import { registered, SERVER_NAME, src, together, useServer } from "../support/scenario.ts";

const S = SERVER_NAME;
const ctx = useServer({
  config: "[limits]\nregistration_timeout = 1\nping_interval = 1\nping_timeout = 2\n",
});

test("a connection that does not register in time is closed", async () => {
  const c = await ctx.server.connect("lazy");
  c.send("NICK lazy");
  expect(await c.next(/^ERROR/, 3000)).toBe("ERROR :Closing Link: 127.0.0.1 (Registration timed out)");
  await c.closed;
});

test("an idle client gets PING; one that answers stays, one that does not is dropped", async () => {
  const silent = await registered(ctx.server, "mute");
  const alive = await registered(ctx.server, "alive");
  await together("#idle", silent, alive);
  expect(await alive.next(/ PING /, 3000)).toBe(`:${S} PING ${S}`);
  alive.send(`PONG ${S}`);
  expect(await silent.next(/ PING /, 3000)).toBe(`:${S} PING ${S}`);
  expect(await alive.next(/ QUIT /, 3000)).toBe(`:${src("mute")} QUIT :Ping timeout: 2 seconds`);
  expect(await silent.next(/^ERROR/)).toBe("ERROR :Closing Link: 127.0.0.1 (Ping timeout: 2 seconds)");
  await silent.closed;
  expect(alive.isClosed).toBe(false);
});
