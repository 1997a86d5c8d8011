/** The TOML loader: every error class names its key in one line; precedence is flags > file > defaults. */
import { describe, expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_CONFIG, DEFAULT_LIMITS } from "../../src/server/config.ts";
import {
  ALL_KEYS,
  ConfigError,
  LIMIT_KEYS,
  loadConfig,
  OPER_KEYS,
  SERVER_KEYS,
} from "../../src/server/config-file.ts";

const HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";

function configFile(toml: string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "nc-cli-"));
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  const path = join(dir, "server.toml");
  writeFileSync(path, toml);
  return path;
}

async function loadError(toml: string, flags: Record<string, unknown> = {}): Promise<ConfigError> {
  const path = configFile(toml);
  try {
    await loadConfig({ configPath: path, flags });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    // Messages name the file as given; strip it to keep the table readable.
    return new ConfigError(e.message.replace(`config ${path}: `, ""), e.exitCode);
  }
  throw new Error(`loaded without error:\n${toml}`);
}

const INTEGER_PORT = "server.port must be an integer from 0 to 65535";

const FILE_ERRORS: { why: string; toml: string; message: string }[] = [
  { why: "unknown top-level key", toml: "bogus = 1", message: "unknown key bogus" },
  { why: "unknown section", toml: "[bogus]\nx = 1", message: "unknown section [bogus]" },
  { why: "unknown key in [server]", toml: "[server]\nprot = 6667", message: "unknown key server.prot" },
  { why: "unknown key in [limits]", toml: "[limits]\nsendq = 1", message: "unknown key limits.sendq" },
  { why: "section that is not a table", toml: 'server = "x"', message: "server must be a table: [server]" },
  { why: "string for an integer", toml: '[server]\nport = "6667"', message: INTEGER_PORT },
  { why: "fraction for an integer", toml: "[server]\nport = 66.5", message: INTEGER_PORT },
  { why: "port above range", toml: "[server]\nport = 65536", message: INTEGER_PORT },
  { why: "negative port", toml: "[server]\nport = -1", message: INTEGER_PORT },
  { why: "boolean for an integer", toml: "[server]\nport = true", message: INTEGER_PORT },
  {
    why: "sendq below range",
    toml: "[limits]\nsendq_bytes = 100",
    message: "limits.sendq_bytes must be an integer from 1024 to 1073741824",
  },
  {
    why: "zero flood rate",
    toml: "[limits]\nflood_rate = 0",
    message: "limits.flood_rate must be a number from 0.1 to 1000000",
  },
  { why: "infinite flood rate", toml: "[limits]\nflood_rate = inf", message: "limits.flood_rate must be" },
  {
    why: "read limit under the line limit",
    toml: "[limits]\nline_bytes = 4096\nread_bytes = 1024",
    message: "limits.read_bytes must be at least limits.line_bytes (4096)",
  },
  {
    why: "ping timeout not after the ping interval",
    toml: "[limits]\nping_interval = 30\nping_timeout = 30",
    message: "limits.ping_timeout must be more than limits.ping_interval (30)",
  },
  {
    why: "unknown log level",
    toml: '[server]\nlog_level = "loud"',
    message: "server.log_level must be one of debug, info, warn, error",
  },
  {
    why: "unknown casemapping",
    toml: '[server]\ncasemapping = "utf8"',
    message: "server.casemapping must be one of ascii, rfc1459, rfc1459-strict",
  },
  { why: "server name with a space", toml: '[server]\nname = "my server"', message: "server.name must be" },
  { why: "network with a space", toml: '[server]\nnetwork = "My Net"', message: "server.network must be" },
  { why: "host with a space", toml: '[server]\nhost = "a b"', message: "server.host must be" },
  { why: "admin info over two lines", toml: '[server]\nadmin_info = "a\\nb"', message: "server.admin_info" },
  {
    why: "autojoin as a string",
    toml: '[server]\nautojoin = "#lobby"',
    message: 'server.autojoin must be a list of channel names such as ["#lobby"]',
  },
  {
    why: "autojoin without a channel prefix",
    toml: '[server]\nautojoin = ["#ok", "lobby"]',
    message: 'server.autojoin lists "lobby", which is not a channel name',
  },
  {
    why: "autojoin longer than the configured channel length",
    toml: '[limits]\nchannel_length = 5\n[server]\nautojoin = ["#toolong"]',
    message:
      'server.autojoin lists "#toolong", which is not a channel name (# or & first, at most 5 characters',
  },
  {
    why: "plain password instead of a hash",
    toml: '[server]\npassword_hash = "hunter2"',
    message: "server.password_hash must be a password hash from `chat-server hash-password`",
  },
  {
    why: "[oper] instead of [[oper]]",
    toml: '[oper]\nname = "a"',
    message: "oper must be written as [[oper]] tables, one per operator",
  },
  { why: "oper without a hash", toml: '[[oper]]\nname = "a"', message: "oper[1].password_hash is required" },
  {
    why: "oper without a name",
    toml: `[[oper]]\npassword_hash = "${HASH}"`,
    message: "oper[1].name is required",
  },
  {
    why: "unknown key in the second oper",
    toml: `[[oper]]\nname = "a"\npassword_hash = "${HASH}"\n[[oper]]\nname = "b"\npassword_hash = "${HASH}"\ncolour = 1`,
    message: "unknown key oper[2].colour",
  },
  {
    why: "oper name used twice",
    toml: `[[oper]]\nname = "a"\npassword_hash = "${HASH}"\n[[oper]]\nname = "a"\npassword_hash = "${HASH}"`,
    message: 'oper[2].name "a" is used twice',
  },
  { why: "TOML syntax: missing value", toml: "[server]\nport =", message: "TOML Parse error: " },
  { why: "TOML syntax: duplicate key", toml: "[server]\nport = 1\nport = 2", message: "TOML Parse error: " },
  { why: "TOML syntax: unterminated string", toml: '[server]\nname = "x', message: "TOML Parse error: " },
];

describe("config file errors: one line naming the key, exit 1", () => {
  test.each(FILE_ERRORS)("$why", async ({ toml, message }) => {
    const error = await loadError(toml);
    expect(error.message).toStartWith(message);
    expect(error.message).not.toContain("\n");
    expect(error.exitCode).toBe(1);
  });

  test("a missing file is one line", async () => {
    const e = await loadConfig({ configPath: "/nonexistent/server.toml", flags: {} }).catch((x) => x);
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toBe("config /nonexistent/server.toml: cannot read: no such file");
  });
});

const FLAG_ERRORS: { flags: Record<string, unknown>; message: string }[] = [
  { flags: { port: "http" }, message: "--port must be an integer from 0 to 65535" },
  { flags: { port: 99999 }, message: "--port must be an integer from 0 to 65535" },
  { flags: { log_level: "verbose" }, message: "--log-level must be one of debug, info, warn, error" },
  { flags: { autojoin: ["lobby"] }, message: '--autojoin lists "lobby", which is not a channel name' },
  { flags: { name: "has space" }, message: "--name must be" },
];

describe("flag values: checked by the same rules, exit 2", () => {
  test.each(FLAG_ERRORS)("$message", async ({ flags, message }) => {
    const e = await loadConfig({ flags }).catch((x) => x);
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toStartWith(message);
    expect(e.exitCode).toBe(2);
  });

  test("--autojoin is checked against the channel length from the file", async () => {
    const path = configFile("[limits]\nchannel_length = 4");
    const e = await loadConfig({ configPath: path, flags: { autojoin: ["#long"] } }).catch((x) => x);
    expect(e.message).toStartWith('--autojoin lists "#long"');
    expect(e.exitCode).toBe(2);
  });
});

describe("loading", () => {
  test("no file and no flags gives the defaults, host not chosen", async () => {
    const { config, hostGiven } = await loadConfig({ flags: {} });
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(hostGiven).toBe(false);
  });

  test("the defaults are copied, not shared", async () => {
    const { config } = await loadConfig({ flags: {} });
    config.limits.nickLength = 1;
    config.autojoin.push("#x");
    expect(DEFAULT_CONFIG.limits.nickLength).toBe(DEFAULT_LIMITS.nickLength);
    expect(DEFAULT_CONFIG.autojoin).toEqual(["#lobby"]);
  });

  test("file values override defaults, flags override the file", async () => {
    const path = configFile(
      [
        "[server]",
        'host = "127.0.0.1"',
        "port = 7000",
        'name = "file.example"',
        'network = "FileNet"',
        'motd = "motd.txt"',
        'autojoin = ["#file", "&local"]',
        `password_hash = "${HASH}"`,
        'log_level = "warn"',
        'casemapping = "ascii"',
        'admin_info = "Run by tests"',
        'admin_email = "ops@example.org"',
        "[limits]",
        "sendq_bytes = 2048",
        "flood_rate = 0.5",
        "nick_length = 9",
        "[[oper]]",
        'name = "root"',
        `password_hash = "${HASH}"`,
        "[[oper]]",
        'name = "local"',
        `password_hash = "${HASH}"`,
        'mask = "*!*@127.0.0.1"',
      ].join("\n"),
    );
    const { config, hostGiven } = await loadConfig({
      configPath: path,
      flags: { port: 0, name: "flag.example", autojoin: [] },
    });
    expect(hostGiven).toBe(true);
    expect(config).toEqual({
      host: "127.0.0.1",
      port: 0,
      name: "flag.example",
      network: "FileNet",
      motdFile: join(path, "..", "motd.txt"),
      autojoin: [],
      passwordHash: HASH,
      logLevel: "warn",
      casemapping: "ascii",
      adminInfo: "Run by tests",
      adminEmail: "ops@example.org",
      limits: { ...DEFAULT_LIMITS, sendqBytes: 2048, floodRate: 0.5, nickLength: 9 },
      opers: [
        { name: "root", passwordHash: HASH, mask: "*" },
        { name: "local", passwordHash: HASH, mask: "*!*@127.0.0.1" },
      ],
    });
  });

  test("a --motd flag stays relative to the working directory", async () => {
    const path = configFile('[server]\nmotd = "file-motd.txt"');
    const { config } = await loadConfig({ configPath: path, flags: { motd: "flag-motd.txt" } });
    expect(config.motdFile).toBe("flag-motd.txt");
  });

  test("an empty file is the defaults", async () => {
    const { config, hostGiven } = await loadConfig({ configPath: configFile(""), flags: {} });
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(hostGiven).toBe(false);
  });
});

describe("the key table", () => {
  test("covers every Limits field exactly once", () => {
    expect(LIMIT_KEYS.map((k) => k.field).sort()).toEqual(Object.keys(DEFAULT_LIMITS).sort());
  });

  test("covers every scalar ServerConfig field exactly once", () => {
    const fields = Object.keys(DEFAULT_CONFIG).filter((f) => f !== "limits" && f !== "opers");
    expect(SERVER_KEYS.map((k) => k.field).sort()).toEqual(fields.sort());
  });

  test("covers every OperBlock field", () => {
    expect(OPER_KEYS.map((k) => k.field).sort()).toEqual(["mask", "name", "passwordHash"]);
  });

  test("TOML keys are snake_case forms of their fields, and each has help", () => {
    const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    for (const spec of ALL_KEYS) {
      if (spec.key !== "motd") expect(spec.key).toBe(snake(spec.field));
      expect(spec.help.length).toBeGreaterThan(5);
    }
  });
});
