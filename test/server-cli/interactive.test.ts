/**
 * The prompts in a real terminal (tmux): --interactive asks host, port, server name and default channel,
 * validates, and starts with the answers; Ctrl-C cancels; hash-password asks twice and prints only the hash.
 * Keys go prompt by prompt, each after its prompt is on screen: clack drops keys that arrive early.
 */
import { describe, expect } from "bun:test";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TestClient } from "../support/irc-client.ts";
import { serverCommand } from "../support/server-process.ts";
import { Terminal } from "../support/terminal.ts";
import { testWithTool } from "../support/tools.ts";

const terminalTest = testWithTool("tmux");

async function withPane(args: string[], body: (pane: Terminal) => Promise<void>): Promise<void> {
  const pane = await Terminal.open([...serverCommand(), ...args], {}, 160, 40);
  try {
    await body(pane);
  } finally {
    await pane.close();
  }
}

/** Replaces a prompt's filled-in default with `text` and submits it. */
async function answer(pane: Terminal, text: string): Promise<void> {
  await pane.press("End", ...Array<string>(40).fill("BSpace"));
  if (text !== "") await pane.type(text);
  await pane.press("Enter");
}

describe("--interactive in a terminal", () => {
  terminalTest("asks with defaults filled in, rejects a bad port, starts with the answers", async () => {
    await withPane(["--interactive"], async (pane) => {
      await pane.waitForText(/Host to listen on[\s│|]*0\.0\.0\.0/);
      await answer(pane, "127.0.0.1");
      await pane.waitForText(/Port \(0 = any free port\)[\s│|]*6667/);
      await answer(pane, "65536");
      await pane.waitForText(/Must be an integer from 0 to 65535/);
      await answer(pane, "0");
      await pane.waitForText(/Server name[\s│|]*networkcomm\.local/);
      await answer(pane, "tty.example");
      await pane.waitForText(/Default channel \(empty for none\)[\s│|]*#lobby/);
      await answer(pane, "lobby");
      await pane.waitForText(/which is not a channel name/);
      await answer(pane, "#tty");
      const [, port] = await pane.waitForText(/listening on 127\.0\.0\.1:(\d+)\s*$/m);

      const client = await TestClient.connect(Number(port), "alice");
      const burst = await client.register("alice");
      expect(burst[0]).toStartWith(":tty.example 001 alice ");
      await client.next(/^:alice!\S+ JOIN #tty/);
      client.close();

      // The terminal is back in normal mode: Ctrl-C is SIGINT, a clean shutdown.
      await pane.press("C-c");
      await pane.waitForText(/\[exit 0\]/);
    });
  });

  terminalTest("Ctrl-C at a prompt is one line and exit 1", async () => {
    await withPane(["--interactive"], async (pane) => {
      await pane.waitForText(/Host to listen on/);
      await pane.press("C-c");
      const screen = (await pane.waitForText(/\[exit 1\]/)).input;
      expect(screen).toContain("chat-server: cancelled\n[exit 1]");
    });
  });
});

describe("hash-password in a terminal", () => {
  terminalTest("asks twice and writes only the hash to stdout", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "nc-hash-")), "hash.txt");
    const pane = await Terminal.open(
      ["sh", "-c", `"$@" > ${out}`, "sh", ...serverCommand(), "hash-password"],
      {},
      160,
      40,
    );
    try {
      await pane.waitForText(/Password to hash/);
      await pane.type("tty secret");
      await pane.press("Enter");
      await pane.waitForText(/The same password again/);
      await pane.type("tty secret");
      await pane.press("Enter");
      await pane.waitForText(/\[exit 0\]/);
      const hash = readFileSync(out, "utf8");
      expect(hash).toMatch(/^\$argon2id\$\S+\n$/);
      expect(await Bun.password.verify("tty secret", hash.trim())).toBe(true);
    } finally {
      await pane.close();
    }
  });
});
