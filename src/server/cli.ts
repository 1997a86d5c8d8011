/** The command line: flags, --help, the --interactive prompts and the hash-password subcommand. */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import * as prompts from "@clack/prompts";
import { VERSION } from "../version.ts";
import { DEFAULT_CONFIG, type ServerConfig } from "./config.ts";
import { ConfigError, checkValue, type Layer, SERVER_KEYS } from "./config-file.ts";

export type Command =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "hash-password" }
  | {
      kind: "run";
      configPath?: string;
      /** Flag values by their [server] TOML key, ready for loadConfig. */
      flags: Layer;
      /** --password in plain text, to be hashed before use. */
      password?: string;
      interactive: boolean;
    };

const OPTIONS = {
  host: { type: "string" },
  port: { type: "string", short: "p" },
  config: { type: "string", short: "c" },
  name: { type: "string" },
  motd: { type: "string" },
  autojoin: { type: "string" },
  password: { type: "string" },
  "log-level": { type: "string" },
  interactive: { type: "boolean", short: "i" },
  version: { type: "boolean", short: "V" },
  help: { type: "boolean", short: "h" },
} as const;

export const HELP = `Usage: chat-server [options]
       chat-server hash-password

An IRC server. Once listening it prints one line: chat-server ${VERSION} listening on HOST:PORT

Options:
  --host H              address to listen on (default: :: for IPv6 and IPv4, else ${DEFAULT_CONFIG.host})
  -p, --port P          TCP port; 0 picks a free one (default: ${DEFAULT_CONFIG.port})
  -c, --config FILE     TOML file with every setting and limit (see chat-server.example.toml);
                        flags override it
  --name NAME           server name (default: ${DEFAULT_CONFIG.name})
  --motd FILE           message-of-the-day file
  --autojoin CHANNELS   comma-separated channels every user joins (default: ${DEFAULT_CONFIG.autojoin.join(",")};
                        '' for none)
  --password PASS       server password clients must send with PASS (visible to ps: prefer
                        password_hash in the config file)
  --log-level L         debug, info, warn or error (default: ${DEFAULT_CONFIG.logLevel}); logs go to stderr
  -i, --interactive     ask for host, port, server name and default channel
  -V, --version         print the version
  -h, --help            print this help

Commands:
  hash-password         read a password (asked on a terminal, else one line of stdin) and print
                        its hash, for password_hash in [server] or [[oper]]

Signals: SIGINT/SIGTERM shut down (clients get ERROR), SIGHUP reloads the config file and MOTD.
`;

/** "6667" → 6667, so numeric flags go through the same checks as TOML numbers; anything else stays text. */
function flagNumber(text: string): number | string {
  return /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** A comma-separated channel list; '' is the empty list. */
export function splitChannels(text: string): string[] {
  return text
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c !== "");
}

export function parseCommandLine(argv: string[]): Command {
  if (argv[0] === "hash-password") {
    if (argv.length > 1) throw new ConfigError(`hash-password takes no arguments, got '${argv[1]}'`, 2);
    return { kind: "hash-password" };
  }
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>["values"];
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (e) {
    const message = (e as Error).message.split("\n")[0]!;
    throw new ConfigError(message.charAt(0).toLowerCase() + message.slice(1), 2);
  }
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const flags: Layer = {};
  if (values.host !== undefined) flags.host = values.host;
  if (values.port !== undefined) flags.port = flagNumber(values.port);
  if (values.name !== undefined) flags.name = values.name;
  if (values.motd !== undefined) flags.motd = values.motd;
  if (values.autojoin !== undefined) flags.autojoin = splitChannels(values.autojoin);
  if (values["log-level"] !== undefined) flags.log_level = values["log-level"];
  if (values.password === "") throw new ConfigError("--password must not be empty", 2);
  return {
    kind: "run",
    configPath: values.config,
    flags,
    password: values.password,
    interactive: values.interactive === true,
  };
}

/** Cost kept modest (OWASP's argon2id minimum: 19 MiB, 2 passes) so each PASS/OPER check stays cheap. */
export function hashPassword(plain: string): Promise<string> {
  return Bun.password.hash(plain, { algorithm: "argon2id", memoryCost: 19456, timeCost: 2 });
}

/** Prompts draw on stderr: stdout carries only the listening line or the hash. */
const PROMPT_IO = { output: process.stderr } as const;

async function answer(pending: Promise<string | symbol>): Promise<string> {
  const value = await pending;
  // Ctrl-C or Escape: clack answers with its cancel symbol.
  if (typeof value === "symbol") throw new ConfigError("cancelled", 1);
  return value;
}

function requireTerminal(what: string): void {
  // @clack/prompts waits forever for keys that never come when stdin is not a terminal.
  if (!process.stdin.isTTY) throw new ConfigError(`${what} needs a terminal (stdin is not a TTY)`, 2);
}

/** Password to hash: asked twice on a terminal, else the first line of stdin. */
export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const line = await firstLine();
    if (line === "") throw new ConfigError("hash-password: no password on stdin", 1);
    return line;
  }
  const validate = (v: string | undefined) => (v ? undefined : "Type a password");
  const first = await answer(prompts.password({ message: "Password to hash", validate, ...PROMPT_IO }));
  const again = await answer(
    prompts.password({ message: "The same password again", validate, ...PROMPT_IO }),
  );
  if (first !== again) throw new ConfigError("hash-password: the two passwords differ", 1);
  return first;
}

function firstLine(): Promise<string> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin });
    let line = "";
    lines.once("line", (text) => {
      line = text.replace(/\r$/, "");
      lines.close();
    });
    lines.once("close", () => resolve(line));
  });
}

/** The rule check for a [server] key, phrased for a prompt ("Must be …"). */
function promptCheck(key: string, value: unknown, current: ServerConfig): string | undefined {
  const spec = SERVER_KEYS.find((s) => s.key === key)!;
  const problem = checkValue(spec.rule, value, current.limits);
  return problem && problem.charAt(0).toUpperCase() + problem.slice(1);
}

/** One prompt for a [server] key, filled in with `initial`; `parse` turns the text into the key's value. */
async function ask(
  current: ServerConfig,
  key: string,
  message: string,
  initial: string,
  parse: (text: string) => unknown = (text) => text,
): Promise<unknown> {
  const text = await answer(
    prompts.text({
      message,
      initialValue: initial,
      validate: (v) => promptCheck(key, parse(v ?? ""), current),
      ...PROMPT_IO,
    }),
  );
  return parse(text);
}

/**
 * Asks for host, port, server name and default channels, starting from `current` (defaults, file and
 * flags). Returns the answers as flag values; the host only if it was changed, so that an untouched
 * default host still means "both IPv6 and IPv4".
 */
export async function askServerSettings(current: ServerConfig): Promise<Layer> {
  requireTerminal("--interactive");
  prompts.intro(`chat-server ${VERSION}`, PROMPT_IO);
  const host = await ask(current, "host", "Host to listen on", current.host);
  const port = await ask(current, "port", "Port (0 = any free port)", String(current.port), flagNumber);
  const name = await ask(current, "name", "Server name", current.name);
  const autojoin = await ask(
    current,
    "autojoin",
    "Default channel (empty for none)",
    current.autojoin.join(","),
    splitChannels,
  );
  prompts.outro("Starting", PROMPT_IO);
  return { ...(host !== current.host ? { host } : {}), port, name, autojoin };
}
