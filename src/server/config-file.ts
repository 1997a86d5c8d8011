/**
 * The config keys in one table (TOML key, field, rule, help), and the loader that checks a TOML file and
 * the command-line flags against it to build a ServerConfig: flags > file > defaults. chat-server.example.toml
 * and the README follow this table; test/server-cli/example-toml.test.ts checks the example covers it.
 */
import { dirname, resolve } from "node:path";
import { CASEMAPPINGS } from "../protocol/casemapping.ts";
import { isValidChannel } from "../protocol/names.ts";
import { DEFAULT_CONFIG, type Limits, type OperBlock, type ServerConfig } from "./config.ts";

/** Bad configuration: `message` is the one line to print after `chat-server: `. */
export class ConfigError extends Error {
  /** 2 for a bad command line (usage), 1 for a bad config file. */
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export type Rule =
  | { kind: "integer" | "number"; min: number; max: number }
  | { kind: "text"; pattern: RegExp; what: string }
  | { kind: "choice"; values: readonly string[] }
  | { kind: "channels" }
  | { kind: "hash" };

export interface KeySpec {
  section: "server" | "limits" | "oper";
  /** The TOML key inside its section. */
  key: string;
  /** The ServerConfig, Limits or OperBlock field it sets. */
  field: string;
  rule: Rule;
  help: string;
  /** The command-line flag that sets it too, if any. */
  flag?: string;
}

const integer = (min: number, max: number): Rule => ({ kind: "integer", min, max });
const text = (pattern: RegExp, what: string): Rule => ({ kind: "text", pattern, what });
/** Free text for humans: anything but the characters that would break an IRC line. */
const FREE_TEXT = text(/^[^\0\r\n]{0,200}$/, "text of at most 200 characters without line breaks");
const HOST = text(/^\S{1,255}$/, "a host name or IP address (no spaces)");
/** Bun.password.verify understands argon2 and bcrypt hashes. */
const PASSWORD_HASH = /^\$(argon2(id|i|d)\$|2[aby]\$)/;

export const SERVER_KEYS: readonly KeySpec[] = [
  {
    section: "server",
    key: "host",
    field: "host",
    flag: "host",
    rule: HOST,
    help: 'Address to listen on. Left unset, the server listens on "::" (IPv6 and IPv4) where it can, else 0.0.0.0.',
  },
  {
    section: "server",
    key: "port",
    field: "port",
    flag: "port",
    rule: integer(0, 65535),
    help: "TCP port; 0 picks a free one (the listening line shows it).",
  },
  {
    section: "server",
    key: "name",
    field: "name",
    flag: "name",
    rule: text(
      /^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$/,
      "a host-like name (letters, digits, '.', '-'; 63 at most)",
    ),
    help: "Server name: the source of server messages and numerics.",
  },
  {
    section: "server",
    key: "network",
    field: "network",
    rule: text(/^[A-Za-z0-9._-]{1,64}$/, "a name of letters, digits, '.', '_' or '-' (64 at most)"),
    help: "Network name, advertised as NETWORK in ISUPPORT.",
  },
  {
    section: "server",
    key: "motd",
    field: "motdFile",
    flag: "motd",
    rule: text(/^[^\0]*$/, "a file path"),
    help: 'Message-of-the-day file; relative paths are relative to this file. "" = no MOTD (422).',
  },
  {
    section: "server",
    key: "autojoin",
    field: "autojoin",
    flag: "autojoin",
    rule: { kind: "channels" },
    help: "Channels every user joins on registering; [] for none.",
  },
  {
    section: "server",
    key: "password_hash",
    field: "passwordHash",
    rule: { kind: "hash" },
    help: 'Server password (PASS), as printed by `chat-server hash-password`. "" = no password.',
  },
  {
    section: "server",
    key: "log_level",
    field: "logLevel",
    flag: "log-level",
    rule: { kind: "choice", values: ["debug", "info", "warn", "error"] },
    help: "Least important log lines written to stderr.",
  },
  {
    section: "server",
    key: "casemapping",
    field: "casemapping",
    rule: { kind: "choice", values: CASEMAPPINGS },
    help: "How nicks and channel names compare (CASEMAPPING in ISUPPORT).",
  },
  { section: "server", key: "admin_info", field: "adminInfo", rule: FREE_TEXT, help: "Shown by ADMIN." },
  { section: "server", key: "admin_email", field: "adminEmail", rule: FREE_TEXT, help: "Shown by ADMIN." },
];

const limit = (key: string, field: keyof Limits, rule: Rule, help: string): KeySpec => ({
  section: "limits",
  key,
  field,
  rule,
  help,
});

export const LIMIT_KEYS: readonly KeySpec[] = [
  limit(
    "line_bytes",
    "lineBytes",
    integer(512, 8192),
    "Bytes of one line without tags, CRLF included (417 past it).",
  ),
  limit(
    "read_bytes",
    "readBytes",
    integer(512, 1048576),
    "Bytes a client may send without a newline before it is dropped.",
  ),
  limit(
    "sendq_bytes",
    "sendqBytes",
    integer(1024, 1073741824),
    "Bytes queued for a client that does not read before it is dropped (SendQ exceeded).",
  ),
  limit(
    "flood_burst",
    "floodBurst",
    // Benchmarks and trusted bridges lift flood control; a million is "off" in practice.
    integer(1, 1000000),
    "Commands a client may send at once before flood control delays it.",
  ),
  limit(
    "flood_rate",
    "floodRate",
    { kind: "number", min: 0.1, max: 1000000 },
    "Commands per second a client may sustain after its burst.",
  ),
  limit(
    "flood_queue",
    "floodQueue",
    integer(0, 1000000),
    "Commands waiting behind the flood limit before `Excess Flood`.",
  ),
  limit(
    "connections_per_ip",
    "connectionsPerIp",
    integer(1, 100000),
    "Simultaneous connections from one IP address.",
  ),
  limit("max_clients", "maxClients", integer(1, 1000000), "Simultaneous connections in all."),
  limit(
    "registration_timeout",
    "registrationTimeout",
    integer(1, 3600),
    "Seconds a connection may take to register.",
  ),
  limit(
    "ping_interval",
    "pingInterval",
    integer(1, 86400),
    "Seconds of silence before the server sends a PING.",
  ),
  limit(
    "ping_timeout",
    "pingTimeout",
    integer(1, 86400),
    "Seconds of silence before the client is dropped (Ping timeout).",
  ),
  limit("nick_length", "nickLength", integer(1, 255), "Longest nickname (NICKLEN)."),
  limit(
    "channel_length",
    "channelLength",
    integer(2, 255),
    "Longest channel name, prefix included (CHANNELLEN).",
  ),
  limit("topic_length", "topicLength", integer(1, 1000), "Longest topic (TOPICLEN)."),
  limit("away_length", "awayLength", integer(1, 1000), "Longest away message (AWAYLEN)."),
  limit("kick_length", "kickLength", integer(1, 1000), "Longest kick reason (KICKLEN)."),
  limit("realname_length", "realnameLength", integer(1, 1000), "Longest real name (USER, SETNAME)."),
  limit(
    "channels_per_user",
    "channelsPerUser",
    integer(1, 10000),
    "Channels one user may be in (CHANLIMIT).",
  ),
  limit(
    "max_targets",
    "maxTargets",
    integer(1, 100),
    "Targets of one PRIVMSG/NOTICE and similar (MAXTARGETS).",
  ),
  limit(
    "modes_per_command",
    "modesPerCommand",
    integer(1, 100),
    "Mode changes one MODE command may carry (MODES).",
  ),
  limit(
    "max_list_entries",
    "maxListEntries",
    integer(1, 100000),
    "Entries in each channel's ban, exception and invite lists.",
  ),
  limit("whowas_entries", "whowasEntries", integer(0, 1000000), "Nicknames remembered for WHOWAS."),
];

export const OPER_KEYS: readonly KeySpec[] = [
  {
    section: "oper",
    key: "name",
    field: "name",
    rule: text(/^\S{1,64}$/, "a name without spaces"),
    help: "Name given to OPER.",
  },
  {
    section: "oper",
    key: "password_hash",
    field: "passwordHash",
    rule: { kind: "hash" },
    help: "Hash from `chat-server hash-password`.",
  },
  {
    section: "oper",
    key: "mask",
    field: "mask",
    rule: text(/^\S{1,255}$/, "a hostmask without spaces"),
    help: 'Hostmask the operator must match (nick!user@host, wildcards * and ?); "*" = anywhere.',
  },
];

export const ALL_KEYS: readonly KeySpec[] = [...SERVER_KEYS, ...LIMIT_KEYS, ...OPER_KEYS];

const OPER_DEFAULTS: Pick<OperBlock, "mask"> = { mask: "*" };

/** What a rule accepts, for messages and for --help: completes "X must be …". */
export function describeRule(rule: Rule): string {
  switch (rule.kind) {
    case "integer":
      return `an integer from ${rule.min} to ${rule.max}`;
    case "number":
      return `a number from ${rule.min} to ${rule.max}`;
    case "text":
      return rule.what;
    case "choice":
      return `one of ${rule.values.join(", ")}`;
    case "channels":
      return 'a list of channel names such as ["#lobby"]';
    case "hash":
      return 'a password hash from `chat-server hash-password` (or "")';
  }
}

/** Checks one value; returns what is wrong (completing "<key> …") or undefined. */
export function checkValue(rule: Rule, value: unknown, limits: Limits): string | undefined {
  const must = `must be ${describeRule(rule)}`;
  switch (rule.kind) {
    case "integer":
    case "number": {
      const ok =
        typeof value === "number" &&
        (rule.kind === "number" ? Number.isFinite(value) : Number.isInteger(value)) &&
        value >= rule.min &&
        value <= rule.max;
      return ok ? undefined : must;
    }
    case "text":
      return typeof value === "string" && rule.pattern.test(value) ? undefined : must;
    case "choice":
      return typeof value === "string" && rule.values.includes(value) ? undefined : must;
    case "hash":
      return typeof value === "string" && (value === "" || PASSWORD_HASH.test(value)) ? undefined : must;
    case "channels": {
      if (!Array.isArray(value) || value.some((c) => typeof c !== "string")) return must;
      const bad = value.find((c: string) => !isValidChannel(c, limits.channelLength));
      return bad === undefined
        ? undefined
        : `lists ${JSON.stringify(bad)}, which is not a channel name (# or & first, at most ${limits.channelLength} characters, no spaces, commas or colons)`;
    }
  }
}

/** Values named by TOML key inside one section: what one layer (the file, the flags) sets. */
export type Layer = Record<string, unknown>;

export interface ConfigSources {
  /** Path of the TOML file, as given (messages show it like that). */
  configPath?: string;
  flags: Layer;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

function applySection(
  target: object,
  specs: readonly KeySpec[],
  values: Layer,
  limits: Limits,
  /** How messages name a key: `limits.sendq_bytes`, `oper[2].mask`, `--port`. */
  name: (key: string) => string,
  exitCode: 1 | 2,
): void {
  for (const [key, value] of Object.entries(values)) {
    const spec = specs.find((s) => s.key === key);
    if (!spec) throw new ConfigError(`unknown key ${name(key)}`, exitCode);
    const problem = checkValue(spec.rule, value, limits);
    if (problem) throw new ConfigError(`${name(key)} ${problem}`, exitCode);
    (target as Record<string, unknown>)[spec.field] = value;
  }
}

/** A fresh copy of the defaults, safe to change. */
function defaults(): ServerConfig {
  return {
    ...DEFAULT_CONFIG,
    autojoin: [...DEFAULT_CONFIG.autojoin],
    limits: { ...DEFAULT_CONFIG.limits },
    opers: [],
  };
}

function applyOpers(config: ServerConfig, value: unknown, fail: (message: string) => ConfigError): void {
  if (!Array.isArray(value) || !value.every(isTable)) {
    throw fail("oper must be written as [[oper]] tables, one per operator");
  }
  value.forEach((table, i) => {
    const label = `oper[${i + 1}]`;
    const oper: Record<string, unknown> = { ...OPER_DEFAULTS };
    applySection(oper, OPER_KEYS, table, config.limits, (key) => `${label}.${key}`, 1);
    for (const required of ["name", "password_hash"]) {
      if (table[required] === undefined || table[required] === "")
        throw fail(`${label}.${required} is required`);
    }
    if (config.opers.some((o) => o.name === oper.name))
      throw fail(`${label}.name ${JSON.stringify(oper.name)} is used twice`);
    config.opers.push(oper as unknown as OperBlock);
  });
}

/** Applies a parsed TOML document to `config`; paths inside it are relative to `baseDir`. */
export function applyToml(config: ServerConfig, doc: Record<string, unknown>, baseDir: string): void {
  const fail = (message: string) => new ConfigError(message, 1);
  for (const [section, value] of Object.entries(doc)) {
    if (!["server", "limits", "oper"].includes(section)) {
      throw fail(isTable(value) ? `unknown section [${section}]` : `unknown key ${section}`);
    }
    if (section !== "oper" && !isTable(value)) throw fail(`${section} must be a table: [${section}]`);
  }
  const inSection = (section: string) => (key: string) => `${section}.${key}`;
  // Limits first: checking [server] autojoin needs the channel length.
  if (doc.limits)
    applySection(config.limits, LIMIT_KEYS, doc.limits as Layer, config.limits, inSection("limits"), 1);
  if (config.limits.readBytes < config.limits.lineBytes) {
    throw fail(`limits.read_bytes must be at least limits.line_bytes (${config.limits.lineBytes})`);
  }
  // A client must get its PING (at ping_interval) before the silence that drops it (ping_timeout).
  if (config.limits.pingTimeout <= config.limits.pingInterval) {
    throw fail(`limits.ping_timeout must be more than limits.ping_interval (${config.limits.pingInterval})`);
  }
  if (doc.server) {
    applySection(config, SERVER_KEYS, doc.server as Layer, config.limits, inSection("server"), 1);
    const motd = (doc.server as Layer).motd;
    if (typeof motd === "string" && motd !== "") config.motdFile = resolve(baseDir, motd);
  }
  if (doc.oper !== undefined) applyOpers(config, doc.oper, fail);
}

/** Applies flag values (named by their [server] TOML key); bad ones are usage errors (exit 2). */
export function applyFlags(config: ServerConfig, flags: Layer): void {
  const flagOf = (key: string) => `--${SERVER_KEYS.find((s) => s.key === key)?.flag ?? key}`;
  applySection(config, SERVER_KEYS, flags, config.limits, flagOf, 2);
}

/** Parses TOML text; a syntax error becomes one line. */
export function parseToml(text: string, label: string): Record<string, unknown> {
  try {
    return Bun.TOML.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new ConfigError(`${label}: ${(e as Error).message.split("\n")[0]}`, 1);
  }
}

async function readText(path: string, label: string): Promise<string> {
  try {
    return await Bun.file(path).text();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (e as Error).message;
    throw new ConfigError(`${label}: cannot read: ${why}`, 1);
  }
}

export interface LoadedConfig {
  config: ServerConfig;
  /** Whether the file or a flag chose the host (if not, the server may listen on IPv6 too). */
  hostGiven: boolean;
}

/** Builds the config from defaults, the TOML file (if any) and the flags. */
export async function loadConfig(sources: ConfigSources): Promise<LoadedConfig> {
  const config = defaults();
  let hostGiven = sources.flags.host !== undefined;
  if (sources.configPath !== undefined) {
    const label = `config ${sources.configPath}`;
    const doc = parseToml(await readText(sources.configPath, label), label);
    try {
      applyToml(config, doc, dirname(resolve(sources.configPath)));
    } catch (e) {
      if (e instanceof ConfigError) throw new ConfigError(`${label}: ${e.message}`, e.exitCode);
      throw e;
    }
    if (isTable(doc.server) && doc.server.host !== undefined) hostGiven = true;
  }
  applyFlags(config, sources.flags);
  return { config, hostGiven };
}

/** The MOTD text, undefined when there is none; an unreadable file is one line. */
export async function readMotd(config: ServerConfig): Promise<string | undefined> {
  return config.motdFile === "" ? undefined : readText(config.motdFile, `motd ${config.motdFile}`);
}
