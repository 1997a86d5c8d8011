/**
 * irssi, the terminal client many people use, against our compiled server: under tmux it connects,
 * joins #lobby, sends a line a raw client receives, and shows the line that client sends back.
 */
import { afterAll, beforeAll, expect } from "bun:test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ServerHandle, startServer } from "../support/server-process.ts";
import { Terminal } from "../support/terminal.ts";
import { requireTool, testWithTool } from "../support/tools.ts";

let server: ServerHandle;
let terminal: Terminal | undefined;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await terminal?.close();
  await server.stop();
});

testWithTool("irssi")("irssi joins #lobby, sends a line and shows the reply", async () => {
  const home = mkdtempSync(join(tmpdir(), "nc-irssi-"));
  const peer = await server.client("peer");
  terminal = await Terminal.open(
    [requireTool("irssi"), `--home=${home}`, "-c", "127.0.0.1", "-p", String(server.port), "-n", "irssiuser"],
    { TERM: "xterm-256color", HOME: home },
  );
  await peer.next(/^:irssiuser!\S+ JOIN :?#lobby$/, 15_000);

  // Switch to the channel window (already joined by the server), then talk.
  await terminal.type("/join #lobby");
  await terminal.press("Enter");
  await terminal.waitForRow("#lobby");
  await terminal.type("hello from irssi");
  await terminal.press("Enter");
  expect(await peer.next(/ PRIVMSG #lobby /)).toMatch(/^:irssiuser!\S+ PRIVMSG #lobby :hello from irssi$/);

  peer.send("PRIVMSG #lobby :hello back, irssi");
  const [, line] = await terminal.waitForText(/(.*hello back, irssi.*)/);
  expect(line).toMatch(/peer.*hello back, irssi/);
});
