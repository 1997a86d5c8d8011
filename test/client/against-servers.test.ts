/**
 * The compiled client in plain mode against real servers: Debian's ngircd and our chat-server.
 * A missing ngircd or binary fails these tests (never skips them).
 */
import { afterEach, describe, expect, test } from "bun:test";
import { LineLog, pumpLines } from "../support/lines.ts";
import { CLIENT_BINARY } from "../support/server-process.ts";
import { type ClientProcess, isolatedEnv, runClient } from "./client-process.ts";
import { memberOf, PEERS, type Peer } from "./peers.ts";

/** ngircd throttles fast talkers by seconds, so waits are generous. */
const WAIT_MS = 15_000;
const TEST_MS = 60_000;

let peer: Peer | null = null;
let clients: ClientProcess[] = [];

afterEach(async () => {
  for (const c of clients) c.kill();
  clients = [];
  await peer?.stop();
  peer = null;
});

function client(port: number, nick: string, ...extra: string[]): ClientProcess {
  const c = runClient(["--plain", "--host", "127.0.0.1", "--port", String(port), "--nick", nick, ...extra]);
  clients.push(c);
  return c;
}

describe.each(PEERS)("against $name", (kind) => {
  test(
    "printf 'hello\\n' | chat-client --plain delivers hello and exits 0 at EOF",
    async () => {
      peer = await kind.start();
      const channel = kind.autoJoins ?? "#pipe";
      const other = await memberOf(peer, "listener", channel);
      const channelFlag = kind.autoJoins === null ? ` --channel '${channel}'` : "";
      const shell = Bun.spawn(
        [
          "sh",
          "-c",
          `printf 'hello\\n' | '${CLIENT_BINARY}' --plain --host 127.0.0.1 --port ${peer.port} --nick piper${channelFlag}`,
        ],
        { stdout: "pipe", stderr: "pipe", env: isolatedEnv() },
      );
      const stderr = new LineLog("shell stderr");
      void pumpLines(shell.stderr, stderr);
      expect(await other.next(/^:piper!\S+ PRIVMSG \S+ :hello$/, WAIT_MS)).toContain(channel);
      await other.next(/^:piper!\S+ QUIT/, WAIT_MS);
      expect(await shell.exited).toBe(0);
      expect(stderr.lines).toEqual([]);
    },
    TEST_MS,
  );

  test(
    "connects, joins, sends and receives, shows actions and events",
    async () => {
      peer = await kind.start();
      const other = await memberOf(peer, "bob", "#room");
      const ann = client(peer.port, "ann", "--channel", "room");
      await ann.stdout.next(/^\d\d:\d\d -- you joined #room$/, WAIT_MS);
      await other.next(/^:ann!\S+ JOIN :?#room/, WAIT_MS);

      ann.type("hi bob", "/me waves");
      await other.next(/^:ann!\S+ PRIVMSG #room :hi bob$/, WAIT_MS);
      await other.next(/^:ann!\S+ PRIVMSG #room :\x01ACTION waves\x01$/, WAIT_MS);

      // Long input arrives whole, in pieces that each fit the line the server relays.
      const long = Array.from({ length: 160 }, (_, i) => `word${i}`).join(" ");
      ann.type(long);
      const received: string[] = [];
      while (received.join(" ").length < long.length) {
        const line = await other.next(/^:ann!\S+ PRIVMSG #room :/, WAIT_MS);
        expect(new TextEncoder().encode(`${line}\r\n`).length).toBeLessThanOrEqual(512);
        received.push(line.slice(line.indexOf(" :") + 2));
      }
      expect(received.length).toBeGreaterThan(1);
      expect(received.join(" ")).toBe(long);

      other.send("PRIVMSG #room :hello ann");
      await ann.stdout.next(/^\d\d:\d\d <bob> hello ann$/, WAIT_MS);
      other.send("PRIVMSG #room :\x01ACTION nods\x01");
      await ann.stdout.next(/^\d\d:\d\d \* bob nods$/, WAIT_MS);
      other.send("PRIVMSG ann :\x01VERSION\x01");
      expect(await other.next(/ NOTICE bob :\x01VERSION /, WAIT_MS)).toContain("chat-client");
      other.send("JOIN #secret");
      await other.next(/ 366 /, WAIT_MS);
      other.send("MODE #secret +i");
      await other.next(/ MODE #secret \+i/, WAIT_MS);
      ann.type("/join #secret");
      await ann.stdout.next(/^\d\d:\d\d !! #secret: cannot join, channel is invite-only$/, WAIT_MS);
      ann.type("/frobnicate");
      await ann.stdout.next("unknown command /frobnicate", WAIT_MS);
      other.send("PART #room :gone");
      await ann.stdout.next(/-- bob left #room \(gone\)$/, WAIT_MS);

      expect(await ann.end()).toBe(0);
      expect(ann.stderr.lines).toEqual([]);
      // The unknown command never reached the server as text.
      expect(other.log.lines.some((l) => l.includes("frobnicate"))).toBe(false);
    },
    TEST_MS,
  );

  test(
    "a taken nick becomes nick_; in plain mode a second refusal is one clear error",
    async () => {
      peer = await kind.start();
      const other = await memberOf(peer, "bob", "#room");
      await peer.client("taken");
      const first = client(peer.port, "taken", "--channel", "#room");
      await other.next(/^:taken_!\S+ JOIN :?#room/, WAIT_MS);
      await first.stdout.next("nickname taken is already in use, trying taken_", WAIT_MS);

      const second = client(peer.port, "taken", "--channel", "#room");
      second.type("never sent");
      expect(await second.proc.exited).toBe(1);
      expect(second.stderr.lines).toEqual(["nickname taken_ is already in use; choose another with --nick"]);
      expect(await first.end()).toBe(0);
    },
    TEST_MS,
  );

  test(
    "reconnects after the server restarts, rejoins and chats again",
    async () => {
      peer = await kind.start();
      const ann = client(peer.port, "ann", "--channel", "#room");
      await ann.stdout.next(/-- you joined #room$/, WAIT_MS);
      await peer.restart();
      await ann.stdout.next(/!! connection to 127\.0\.0\.1:\d+ lost/, WAIT_MS);
      await ann.stdout.next(/-- reconnecting in \d+\.\d s \(attempt 1\)$/, WAIT_MS);
      // Typed while offline: kept, and sent once the session is back.
      ann.type("/join #later");
      await ann.stdout.next("-- not connected: sent once reconnected", WAIT_MS);
      await ann.stdout.next(/-- you joined #room$/, WAIT_MS);
      await ann.stdout.next(/-- you joined #later$/, WAIT_MS);
      ann.type("/part #later");
      await ann.stdout.next(/-- you left #later/, WAIT_MS);

      const other = await memberOf(peer, "bob", "#room");
      other.send("PRIVMSG #room :welcome back");
      await ann.stdout.next(/<bob> welcome back$/, WAIT_MS);
      ann.type("thanks");
      await other.next(/^:ann!\S+ PRIVMSG #room :thanks$/, WAIT_MS);
      expect(await ann.end()).toBe(0);
    },
    TEST_MS,
  );
});

test("our server's auto-joined #lobby is the target without --channel", async () => {
  peer = await PEERS[1]!.start();
  const other = await peer.client("bob");
  const ann = client(peer.port, "ann");
  await ann.stdout.next(/-- you joined #lobby$/, WAIT_MS);
  ann.type("in the lobby");
  await other.next(/^:ann!\S+ PRIVMSG #lobby :in the lobby$/, WAIT_MS);
  expect(await ann.end()).toBe(0);
});

test("a refused connection is one line and exit code 1", async () => {
  const closed = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
  const port = closed.port;
  closed.stop(true);
  const c = client(port, "ann");
  expect(await c.proc.exited).toBe(1);
  expect(c.stderr.lines).toEqual([`cannot connect to 127.0.0.1:${port}: connection refused`]);
  expect(c.stdout.lines).toEqual([]);
});
