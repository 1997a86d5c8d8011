/**
 * The compiled client on a real terminal (tmux): prompts, then the chat screen keeping half-typed
 * input intact while lines arrive. A missing tmux or ngircd fails these tests.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { TestClient } from "../support/irc-client.ts";
import { CLIENT_BINARY } from "../support/server-process.ts";
import { Terminal } from "../support/terminal.ts";
import { isolatedEnv } from "./client-process.ts";
import { memberOf, PEERS, type Peer } from "./peers.ts";

const WAIT_MS = 15_000;
const TEST_MS = 90_000;

let peer: Peer | null = null;
let terminal: Terminal | null = null;

afterEach(async () => {
  await terminal?.close();
  terminal = null;
  await peer?.stop();
  peer = null;
});

/** The last non-empty row: where the prompt and the input are. */
function inputRow(rows: string[]): string {
  return rows.filter((r) => r !== "").at(-1) ?? "";
}

describe.each(PEERS)("on a terminal, against $name", (kind) => {
  test(
    "prompts, then 20 incoming lines leave the half-typed input and cursor intact",
    async () => {
      peer = await kind.start();
      const channel = kind.autoJoins ?? "#room";
      const bob = await memberOf(peer, "bob", channel);

      const env = isolatedEnv({ TERM: "xterm-256color" });
      const args = kind.autoJoins === null ? ["--channel", channel] : [];
      terminal = await Terminal.open([CLIENT_BINARY, ...args], env);
      // One answer per prompt, each after its prompt is on screen: clack drops keys sent ahead.
      await terminal.waitForRow("Server host");
      await terminal.type("127.0.0.1");
      await terminal.press("Enter");
      await terminal.waitForRow("Port");
      await terminal.type(String(peer.port));
      await terminal.press("Enter");
      await terminal.waitForRow("Nickname");
      await terminal.type("ann");
      await terminal.press("Enter");
      await terminal.waitForRow(new RegExp(`-- you joined ${channel}$`));
      await bob.next(/^:ann!\S+ JOIN/, WAIT_MS);

      const prompt = `[${channel}] `;
      await terminal.type("half typed messa");
      await terminal.waitFor(
        "the half-typed input",
        (rows) => inputRow(rows) === `${prompt}half typed messa`,
      );
      for (let i = 1; i <= 20; i++) bob.send(`PRIVMSG ${channel} :incoming ${i} of 20`);
      // The screen settles once the last line is printed and the input redrawn below it.
      const rows = await terminal.waitFor(
        "the 20th line with the input redrawn",
        (r) => r.some((row) => /<bob> incoming 20 of 20$/.test(row)) && inputRow(r).startsWith(prompt),
        30_000,
      );
      for (let i = 1; i <= 20; i++) {
        expect(
          rows.filter((r) => new RegExp(`^\\d\\d:\\d\\d <bob> incoming ${i} of 20$`).test(r)).length,
        ).toBe(1);
      }
      expect(inputRow(rows)).toBe(`${prompt}half typed messa`);
      const [x, y] = await terminal.cursor();
      expect([x, rows[y]]).toEqual([`${prompt}half typed messa`.length, `${prompt}half typed messa`]);

      await terminal.type("ge");
      await terminal.press("Enter");
      await bob.next(new RegExp(`^:ann!\\S+ PRIVMSG ${channel} :half typed message$`), WAIT_MS);
      await terminal.waitForRow(/^\d\d:\d\d <ann> half typed message$/);

      // Tab puts in the nick that spoke last, as an address at the start of the line.
      await terminal.type("bo");
      await terminal.press("Tab");
      await terminal.waitFor("the completed nick", (r) => inputRow(r) === `${prompt}bob:`);
      await terminal.type("done");
      await terminal.press("Enter");
      await bob.next(new RegExp(`^:ann!\\S+ PRIVMSG ${channel} :bob: done$`), WAIT_MS);

      // Up brings back the last line sent.
      await terminal.press("Up");
      await terminal.waitFor("the history", (r) => inputRow(r) === `${prompt}bob: done`);
      await terminal.press("C-u");
      await terminal.type("/quit see you");
      await terminal.press("Enter");
      await bob.next(/^:ann!\S+ QUIT :(Quit: )?"?see you"?$/, WAIT_MS);
      expect(await terminal.waitForExit()).toBe(0);

      const saved = readFileSync(join(env.XDG_CONFIG_HOME!, "networkcomm", "client.toml"), "utf8");
      expect(saved).toContain(`host = "127.0.0.1"\nport = ${peer.port}\nnick = "ann"\n`);
    },
    TEST_MS,
  );
});

test("Ctrl-C at a prompt exits with one line and status 1", async () => {
  terminal = await Terminal.open([CLIENT_BINARY], isolatedEnv({ TERM: "xterm-256color" }));
  await terminal.waitForRow("Server host");
  await terminal.press("C-c");
  const rows = await terminal.waitForRow("cancelled");
  expect(rows.filter((r) => r.includes("cancelled")).length).toBe(1);
  expect(await terminal.waitForExit()).toBe(1);
});

/** ngircd with bob in #room, and the client (ann, no prompts) joined there on a terminal. */
async function annAndBobInRoom(width?: number, height?: number): Promise<[TestClient, Terminal]> {
  peer = await PEERS[0]!.start();
  const bob = await memberOf(peer, "bob", "#room");
  const args = ["--host", "127.0.0.1", "--port", String(peer.port), "--nick", "ann", "--channel", "#room"];
  const screen = await Terminal.open(
    [CLIENT_BINARY, ...args],
    isolatedEnv({ TERM: "xterm-256color" }),
    width,
    height,
  );
  terminal = screen;
  await screen.waitForRow("-- you joined #room");
  await bob.next(/^:ann!\S+ JOIN/, WAIT_MS);
  return [bob, screen];
}

test(
  "input wider than the terminal stays whole while lines arrive; a long paste asks first",
  async () => {
    const [bob, screen] = await annAndBobInRoom(40, 20);

    // 8 + 92 characters: three rows of a 40-column screen.
    const long = `${"abcdefghij".repeat(9)}XY`;
    await screen.type(long);
    const expected = [`[#room] ${long.slice(0, 32)}`, long.slice(32, 72), long.slice(72)];
    const inputBack = (rows: string[]) =>
      rows
        .filter((r) => r !== "")
        .slice(-3)
        .join("|") === expected.join("|");
    await screen.waitFor("the wrapped input", (rows) => inputBack(rows));
    for (let i = 1; i <= 3; i++) bob.send(`PRIVMSG #room :short ${i}`);
    // The screen settles once the last line is printed and the input redrawn below it.
    const rows = await screen.waitFor(
      "short 3 with the input redrawn",
      (r) => r.some((row) => /<bob> short 3$/.test(row)) && inputBack(r),
    );
    const filled = rows.filter((r) => r !== "");
    expect(filled.slice(-6)).toEqual([
      expect.stringMatching(/^\d\d:\d\d <bob> short 1$/),
      expect.stringMatching(/^\d\d:\d\d <bob> short 2$/),
      expect.stringMatching(/^\d\d:\d\d <bob> short 3$/),
      ...expected,
    ]);
    await screen.press("Enter");
    await bob.next(`PRIVMSG #room :${long}`, WAIT_MS);

    await screen.paste(`${["p1", "p2", "p3", "p4", "p5", "p6"].join("\n")}\n`);
    await screen.waitForRow("send 6 pasted lines? [y/N]");
    await screen.type("y");
    await screen.press("Enter");
    for (const line of ["p1", "p2", "p3", "p4", "p5", "p6"])
      await bob.next(`PRIVMSG #room :${line}`, WAIT_MS);
    await screen.paste("q1\nq2\n");
    await bob.next("PRIVMSG #room :q2", WAIT_MS);

    await screen.press("C-c");
    await bob.next(/^:ann!\S+ QUIT/, WAIT_MS);
    expect(await screen.waitForExit()).toBe(0);
  },
  TEST_MS,
);

test(
  "when nick and nick_ are taken, the screen asks for another nickname",
  async () => {
    peer = await PEERS[0]!.start();
    const bob = await memberOf(peer, "bob", "#room");
    await peer.client("ann");
    await peer.client("ann_");
    const args = ["--host", "127.0.0.1", "--port", String(peer.port), "--nick", "ann", "--channel", "#room"];
    terminal = await Terminal.open([CLIENT_BINARY, ...args], isolatedEnv({ TERM: "xterm-256color" }));
    await terminal.waitForRow("-- nickname ann is already in use, trying ann_");
    await terminal.waitForRow("!! nickname ann_ is already in use: type another nickname");
    await terminal.waitFor("the nickname prompt", (rows) => inputRow(rows) === "[nickname]");
    await terminal.type("9bad");
    await terminal.press("Enter");
    await terminal.waitForRow("!! 9bad is not a valid nickname");
    await terminal.type("annie");
    await terminal.press("Enter");
    await bob.next(/^:annie!\S+ JOIN :?#room$/, WAIT_MS);
    await terminal.waitFor("the channel prompt", (rows) => inputRow(rows) === "[#room]");
  },
  TEST_MS,
);

/** True once the process has ended (gone, or a zombie waiting for its parent). */
function ended(pid: number): boolean {
  try {
    return /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return true;
  }
}

test(
  "closing the terminal (SIGHUP) sends QUIT and ends the client",
  async () => {
    const [bob, screen] = await annAndBobInRoom();
    const pid = await screen.clientPid();
    await screen.close();
    terminal = null;
    await bob.next(/^:ann!\S+ QUIT/, WAIT_MS);
    const deadline = Date.now() + WAIT_MS;
    while (!ended(pid) && Date.now() < deadline) await Bun.sleep(25);
    expect(ended(pid)).toBe(true);
  },
  TEST_MS,
);
