/**
 * The process lifecycle: SIGINT/SIGTERM shut down cleanly and fast; SIGHUP, and REHASH from an operator,
 * reload the config file and MOTD without dropping anyone.
 */
import { describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { startServer, writeConfig } from "../support/server-process.ts";

describe("shutdown", () => {
  test.each(["SIGTERM", "SIGINT"] as const)(
    "%s: every client gets ERROR, the process exits 0 within 2 s",
    async (signal) => {
      const server = await startServer();
      const alice = await server.client("alice");
      const bob = await server.client("bob");
      const started = performance.now();
      server.proc.kill(signal);
      await alice.next("ERROR :Server shutting down");
      await bob.next("ERROR :Server shutting down");
      expect(await server.proc.exited).toBe(0);
      expect(performance.now() - started).toBeLessThan(2000);
      await Promise.all([alice.closed, bob.closed]);
    },
  );

  test("a client that never registered is told too", async () => {
    const server = await startServer();
    const lurker = await server.connect("lurker");
    await server.stderr.next(/ connect /);
    server.proc.kill("SIGTERM");
    await lurker.next("ERROR :Server shutting down");
    expect(await server.proc.exited).toBe(0);
  });
});

function configWithMotd(motd: string, toml = ""): { config: string; motdPath: string } {
  const config = writeConfig(`[server]\nmotd = "motd.txt"\n${toml}`);
  const motdPath = join(dirname(config), "motd.txt");
  writeFileSync(motdPath, motd);
  return { config, motdPath };
}

describe("SIGHUP reloads the config file and the MOTD", () => {
  test("a new client sees the new MOTD and limits; a connected one stays", async () => {
    const { config, motdPath } = configWithMotd("first edition\n");
    const server = await startServer(["--config", config]);
    try {
      const alice = await server.client("alice");
      expect(alice.log.lines.some((l) => l.endsWith("first edition"))).toBe(true);

      writeFileSync(motdPath, "second edition\n");
      writeFileSync(config, '[server]\nmotd = "motd.txt"\n[limits]\nnick_length = 12\n');
      server.proc.kill("SIGHUP");
      await server.stderr.next(/ rehash config and MOTD reloaded \(SIGHUP\)$/);

      const bob = await server.client("bob");
      expect(bob.log.lines.some((l) => l.endsWith("second edition"))).toBe(true);
      expect(bob.log.lines.some((l) => / 005 .*NICKLEN=12 /.test(l))).toBe(true);
      expect(alice.isClosed).toBe(false);
      alice.send("PRIVMSG bob :still here");
      await bob.next(/^:alice!\S+ PRIVMSG bob :still here$/);
    } finally {
      await server.stop();
    }
  });

  test("a broken file on reload is logged in one line and the old config stays", async () => {
    const { config, motdPath } = configWithMotd("kept edition\n");
    const server = await startServer(["--config", config]);
    try {
      const alice = await server.client("alice");
      writeFileSync(config, "[limits]\nsendq_bytes = 1\n");
      writeFileSync(motdPath, "unused edition\n");
      server.proc.kill("SIGHUP");
      const logged = await server.stderr.next(/ rehash /);
      expect(logged).toEndWith(
        `rehash config ${config}: limits.sendq_bytes must be an integer from 1024 to 1073741824; keeping the current config`,
      );
      expect(logged).toContain(" ERROR ");

      const bob = await server.client("bob");
      expect(bob.log.lines.some((l) => l.endsWith("kept edition"))).toBe(true);
      await alice.sync();
    } finally {
      await server.stop();
    }
  });
});

describe("REHASH from an operator uses the same reload", () => {
  test("reloads the MOTD, and reports a broken file without applying it", async () => {
    const hash = await Bun.password.hash("operpass", {
      algorithm: "argon2id",
      memoryCost: 19456,
      timeCost: 2,
    });
    const oper = `[[oper]]\nname = "boss"\npassword_hash = "${hash}"\n`;
    const { config, motdPath } = configWithMotd("before rehash\n", oper);
    const server = await startServer(["--config", config]);
    try {
      const boss = await server.client("boss");
      boss.send("OPER boss operpass");
      await boss.next(/ 381 boss /);

      writeFileSync(motdPath, "after rehash\n");
      boss.send("REHASH");
      await boss.next(/ 382 boss /);
      await boss.next(/ NOTICE boss :REHASH: configuration reloaded$/);
      const alice = await server.client("alice");
      expect(alice.log.lines.some((l) => l.endsWith("after rehash"))).toBe(true);

      writeFileSync(config, `${oper}[server]\nbogus = true\n`);
      writeFileSync(motdPath, "never shown\n");
      boss.send("REHASH");
      await boss.next(`NOTICE boss :REHASH failed: config ${config}: unknown key server.bogus`);
      const bob = await server.client("bob");
      expect(bob.log.lines.some((l) => l.endsWith("after rehash"))).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
