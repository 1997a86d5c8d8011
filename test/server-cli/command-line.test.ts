/** chat-server's command line as a real process: output, exit codes, one-line errors. */
import { describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { VERSION } from "../../src/version.ts";
import { TestClient } from "../support/irc-client.ts";
import { LineLog, pumpLines } from "../support/lines.ts";
import { serverCommand, startServer, writeConfig } from "../support/server-process.ts";
import { runToExit } from "./run-to-exit.ts";

const LISTENING = /^chat-server \S+ listening on (.*):(\d+)$/;

describe("commands that print and exit", () => {
  test("--version prints the version", async () => {
    const run = await runToExit(["--version"]);
    expect(run).toMatchObject({ code: 0, stdout: `chat-server ${VERSION}\n`, stderr: "" });
  });

  test("--help lists every flag and the hash-password command", async () => {
    const run = await runToExit(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toStartWith("Usage: chat-server [options]\n");
    for (const flag of [
      "--host",
      "--port",
      "--config",
      "--name",
      "--motd",
      "--autojoin",
      "--password",
      "--log-level",
      "--interactive",
      "--version",
      "--help",
      "hash-password",
    ]) {
      expect(run.stdout).toContain(flag);
    }
  });
});

const USAGE_ERRORS: { args: string[]; line: string }[] = [
  { args: ["--bogus"], line: "unknown option '--bogus'" },
  { args: ["-x"], line: "unknown option '-x'" },
  { args: ["--port"], line: "option '-p, --port <value>' argument missing" },
  { args: ["--port", "abc"], line: "--port must be an integer from 0 to 65535" },
  { args: ["--port", "65536"], line: "--port must be an integer from 0 to 65535" },
  { args: ["--port", "6667.5"], line: "--port must be an integer from 0 to 65535" },
  { args: ["--log-level", "loud"], line: "--log-level must be one of debug, info, warn, error" },
  { args: ["--autojoin", "lobby"], line: '--autojoin lists "lobby", which is not a channel name' },
  { args: ["--name", "two words"], line: "--name must be a host-like name" },
  { args: ["--password", ""], line: "--password must not be empty" },
  { args: ["stray"], line: "unexpected argument 'stray'" },
  { args: ["hash-password", "now"], line: "hash-password takes no arguments, got 'now'" },
  { args: ["--interactive"], line: "--interactive needs a terminal (stdin is not a TTY)" },
];

describe("a bad command line is one line on stderr and exit 2", () => {
  test.each(USAGE_ERRORS)("$args", async ({ args, line }) => {
    const run = await runToExit(args);
    expect(run.stderrLines).toHaveLength(1);
    expect(run.stderrLines[0]).toStartWith(`chat-server: ${line}`);
    expect(run.stderrLines[0]).toEndWith("(see chat-server --help)");
    expect(run).toMatchObject({ code: 2, stdout: "" });
  });
});

const CONFIG_ERRORS: { why: string; toml: string; line: string }[] = [
  { why: "unknown key", toml: "[limits]\nsendq = 1", line: "unknown key limits.sendq" },
  {
    why: "wrong type",
    toml: '[server]\nport = "6667"',
    line: "server.port must be an integer from 0 to 65535",
  },
  {
    why: "out of range",
    toml: "[limits]\nsendq_bytes = 1",
    line: "limits.sendq_bytes must be an integer from 1024 to 1073741824",
  },
  { why: "syntax error", toml: "[server\nport = 1", line: "TOML Parse error: " },
];

describe("a bad config file stops start-up with one line and exit 1", () => {
  test.each(CONFIG_ERRORS)("$why", async ({ toml, line }) => {
    const path = writeConfig(toml);
    const run = await runToExit(["--config", path, "--port", "0"]);
    expect(run.stderrLines).toHaveLength(1);
    expect(run.stderrLines[0]).toStartWith(`chat-server: config ${path}: ${line}`);
    expect(run).toMatchObject({ code: 1, stdout: "" });
  });

  test("a missing config file", async () => {
    const run = await runToExit(["--config", "/nonexistent/chat.toml"]);
    expect(run).toMatchObject({
      code: 1,
      stdout: "",
      stderr: "chat-server: config /nonexistent/chat.toml: cannot read: no such file\n",
    });
  });

  test("a missing MOTD file", async () => {
    const run = await runToExit(["--motd", "/nonexistent/motd.txt", "--port", "0"]);
    expect(run).toMatchObject({
      code: 1,
      stdout: "",
      stderr: "chat-server: motd /nonexistent/motd.txt: cannot read: no such file\n",
    });
  });
});

describe("listening", () => {
  test("--port 0 binds a free port and the one stdout line shows it", async () => {
    const server = await startServer();
    try {
      expect(server.stdout.lines).toEqual([`chat-server ${VERSION} listening on 127.0.0.1:${server.port}`]);
      expect(server.port).toBeGreaterThan(0);
      const client = await server.connect("probe");
      await client.sync();
    } finally {
      await server.stop();
    }
  });

  test("with the host left at its default it listens on IPv6 and IPv4, and says so", async () => {
    const proc = Bun.spawn([...serverCommand(), "--port", "0"], { stdout: "pipe", stderr: "pipe" });
    const stdout = new LineLog("server stdout");
    void pumpLines(proc.stdout, stdout);
    try {
      const [, host, port] = LISTENING.exec(await stdout.next(LISTENING, 10_000))!;
      expect(host).toBe("[::]");
      for (const address of ["127.0.0.1", "::1"]) {
        const client = await TestClient.connect(Number(port), address, address);
        await client.sync();
        client.close();
      }
    } finally {
      proc.kill("SIGTERM");
      await proc.exited;
    }
  });

  test("a port in use is one line and exit 1", async () => {
    const blocker = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
    try {
      const run = await runToExit(["--host", "127.0.0.1", "--port", String(blocker.port)]);
      expect(run.stderrLines).toHaveLength(1);
      expect(run.stderrLines[0]).toStartWith("chat-server: ");
      expect(run.stderrLines[0]).toMatch(/in use/i);
      expect(run).toMatchObject({ code: 1, stdout: "" });
    } finally {
      blocker.stop(true);
    }
  });

  test("flags override the file, which overrides the defaults", async () => {
    // The file's address is taken, so start-up only works if --host/--port win over it.
    const blocker = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
    const path = writeConfig(
      [
        "[server]",
        'host = "127.0.0.1"',
        `port = ${blocker.port}`,
        'name = "file.example"',
        'network = "FileNet"',
        'motd = "motd.txt"',
      ].join("\n"),
    );
    writeFileSync(join(dirname(path), "motd.txt"), "motd from beside the config file\n");
    const server = await startServer(["--config", path, "--name", "flag.example"]);
    try {
      const client = await server.connect("alice");
      const burst = await client.register("alice");
      expect(burst[0]).toStartWith(":flag.example 001 alice ");
      expect(burst.some((l) => / 005 .* NETWORK=FileNet /.test(`${l} `))).toBe(true);
      expect(burst.some((l) => / 372 alice :.*motd from beside the config file/.test(l))).toBe(true);
    } finally {
      await server.stop();
      blocker.stop(true);
    }
  });
});

describe("passwords", () => {
  test("hash-password hashes one line from piped stdin", async () => {
    const run = await runToExit(["hash-password"], "correct horse\nignored second line\n");
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toStartWith("$argon2id$");
    expect(await Bun.password.verify("correct horse", lines[0]!)).toBe(true);
    expect(await Bun.password.verify("ignored second line", lines[0]!)).toBe(false);
  });

  test("hash-password with nothing on stdin is one line and exit 1", async () => {
    const run = await runToExit(["hash-password"], "");
    expect(run).toMatchObject({
      code: 1,
      stdout: "",
      stderr: "chat-server: hash-password: no password on stdin\n",
    });
  });

  test("--password is required from clients, and a hash from hash-password works in the file", async () => {
    const hash = (await runToExit(["hash-password"], "filepass\n")).stdout.trim();
    for (const [args, good] of [
      [["--password", "flagpass"], "flagpass"],
      [["--config", writeConfig(`[server]\npassword_hash = "${hash}"`)], "filepass"],
    ] as const) {
      const server = await startServer([...args]);
      try {
        const wrong = await server.connect("wrong");
        wrong.send("PASS nope");
        wrong.send("NICK wrong");
        wrong.send("USER wrong 0 * :Wrong");
        await wrong.next(/ 464 /);
        const right = await server.connect("right");
        right.send(`PASS ${good}`);
        await right.register("right");
      } finally {
        await server.stop();
      }
    }
  });
});
