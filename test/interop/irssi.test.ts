/**
 * irssi, the terminal client many people use, against our compiled server: under tmux it connects,
 * joins #lobby, sends a line a raw client receives, and shows the line that client sends back.
 */
import { afterAll, beforeAll, expect } from "bun:test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ServerHandle, startServer } from "../support/server-process.ts";
import { TmuxSession } from "../support/tmux.ts";
import { requireTool, testWithTool } from "../support/tools.ts";

let server: ServerHandle;
const tmux = new TmuxSession();
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  tmux.kill();
  await server.stop();
});

testWithTool("irssi")("irssi joins #lobby, sends a line and shows the reply", async () => {
  const home = mkdtempSync(join(tmpdir(), "nc-irssi-"));
  const peer = await server.client("peer");
  tmux.start(
    [requireTool("irssi"), `--home=${home}`, "-c", "127.0.0.1", "-p", String(server.port), "-n", "irssiuser"],
    { TERM: "xterm-256color", HOME: home },
  );
  await peer.next(/^:irssiuser!\S+ JOIN :?#lobby$/, 15_000);

  // Switch to the channel window (already joined by the server), then talk.
  tmux.type("/join #lobby");
  tmux.keys("Enter");
  await tmux.waitForScreen("#lobby");
  tmux.type("hello from irssi");
  tmux.keys("Enter");
  expect(await peer.next(/ PRIVMSG #lobby /)).toMatch(/^:irssiuser!\S+ PRIVMSG #lobby :hello from irssi$/);

  peer.send("PRIVMSG #lobby :hello back, irssi");
  const screen = await tmux.waitForScreen("hello back, irssi");
  expect(screen).toMatch(/peer.*hello back, irssi/);
});
