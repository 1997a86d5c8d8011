/**
 * A real IRC client from Debian talks to our compiled server: ii (a FIFO and file based client)
 * registers, lands in #lobby, sends a line a raw client receives, and receives one back.
 */
import { afterAll, beforeAll, expect } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ServerHandle, startServer } from "../support/server-process.ts";
import { requireTool, testWithTool } from "../support/tools.ts";
import { waitFor } from "../support/wait.ts";

let server: ServerHandle;
let ii: ReturnType<typeof Bun.spawn> | undefined;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  ii?.kill();
  await server.stop();
});

testWithTool("ii")("ii joins, sends to the channel and receives from it", async () => {
  const prefix = mkdtempSync(join(tmpdir(), "nc-ii-"));
  ii = Bun.spawn(
    [requireTool("ii"), "-s", "127.0.0.1", "-p", String(server.port), "-n", "iiuser", "-i", prefix],
    {
      stdin: "ignore",
      stdout: "ignore",
      stderr: "pipe",
    },
  );
  const peer = await server.client("peer");
  await peer.next(/^:iiuser!\S+ JOIN :?#lobby$/, 10_000);

  // ii creates a channel directory when it sees its own JOIN from the autojoin.
  const channelDir = join(prefix, "127.0.0.1", "#lobby");
  await waitFor(() => existsSync(join(channelDir, "in")), "ii's #lobby/in FIFO");
  writeFileSync(join(channelDir, "in"), "hello from ii\n", { flag: "a" });
  expect(await peer.next(/ PRIVMSG #lobby /)).toMatch(/^:iiuser!\S+ PRIVMSG #lobby :hello from ii$/);

  peer.send("PRIVMSG #lobby :hello back, ii");
  const out = join(channelDir, "out");
  await waitFor(
    () => existsSync(out) && readFileSync(out, "utf8").includes("<peer> hello back, ii"),
    "ii's out file",
  );
});
