/** The command line: flags and an optional irc:// URL, checked into one options object. */
import { parseArgs } from "node:util";
import { isValidChannel, isValidNick } from "../protocol/index.ts";

export const DEFAULT_PORT = 6667;
/** Generous enough for servers with NICKLEN 30+; the server has the final word. */
export const NICK_MAX = 30;
const CHANNEL_MAX = 64;

export interface ClientOptions {
  host?: string;
  port?: number;
  nick?: string;
  channel?: string;
  password?: string;
  plain: boolean;
  color: boolean;
  bell: boolean;
  help: boolean;
  version: boolean;
}

export type ArgsResult = { ok: true; options: ClientOptions } | { ok: false; error: string };

export const USAGE = `usage: chat-client [irc://HOST[:PORT]/[#channel]] [options]

  --host H          server host name or address
  --port P          server port (default ${DEFAULT_PORT})
  --nick N          nickname
  --channel C       channel to join after connecting
  --password PASS   server password (PASS)
  --plain           line mode for scripts and pipes (automatic when not on a terminal)
  --no-color        no colours (also when NO_COLOR is set)
  --no-bell         no terminal bell when your nick is mentioned
  --version         print the version
  --help            this text`;

/** A port from text: digits only, 1..65535; null otherwise. */
export function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : null;
}

export function portError(text: string): string | undefined {
  return parsePort(text) === null ? "a port is a number from 1 to 65535" : undefined;
}

export function nickError(text: string): string | undefined {
  if (text === "") return "a nickname is needed";
  return isValidNick(text, NICK_MAX)
    ? undefined
    : `a nickname is up to ${NICK_MAX} letters, digits or [\\]^_\`{|}- and does not start with a digit or -`;
}

/** A channel name given by a user: `lobby` means `#lobby`. */
export function normalizeChannel(name: string): string {
  return name.startsWith("#") || name.startsWith("&") ? name : `#${name}`;
}

interface UrlParts {
  host: string;
  port?: number;
  channel?: string;
}

/** `irc://host[:port]/[#channel]`; the channel may also come without `#` (`irc://host/lobby`). */
export function parseIrcUrl(text: string): UrlParts | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `not an irc:// URL: ${text}`;
  }
  if (url.protocol !== "irc:") return `not an irc:// URL: ${text}`;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (host === "") return `no host in ${text}`;
  const parts: UrlParts = { host };
  if (url.port !== "") parts.port = Number(url.port);
  const path = decodeURIComponent(url.pathname.replace(/^\//, ""));
  const channel = url.hash !== "" ? decodeURIComponent(url.hash) : path !== "" ? normalizeChannel(path) : "";
  if (channel !== "") parts.channel = channel;
  return parts;
}

export function parseClientArgs(argv: string[], env: Record<string, string | undefined>): ArgsResult {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    const message = (e as Error).message;
    // node:util's text goes on about positionals after `--`; the option's name is what matters.
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    return { ok: false, error: unknown ? `unknown option ${unknown[1]}` : message.split("\n")[0]! };
  }
  const { values, positionals } = parsed;
  const options: ClientOptions = {
    plain: values.plain,
    color: !values["no-color"] && (env.NO_COLOR ?? "") === "",
    bell: !values["no-bell"],
    help: values.help,
    version: values.version,
  };
  if (positionals.length > 1) return { ok: false, error: `unexpected argument: ${positionals[1]}` };
  if (positionals.length === 1) {
    const url = parseIrcUrl(positionals[0]!);
    if (typeof url === "string") return { ok: false, error: url };
    options.host = url.host;
    if (url.port !== undefined) options.port = url.port;
    if (url.channel !== undefined) options.channel = url.channel;
  }
  if (values.host !== undefined) {
    if (values.host === "") return { ok: false, error: "--host needs a host name" };
    options.host = values.host;
  }
  if (values.port !== undefined) {
    const port = parsePort(values.port);
    if (port === null)
      return { ok: false, error: `--port ${values.port}: a port is a number from 1 to 65535` };
    options.port = port;
  }
  if (values.nick !== undefined) {
    const problem = nickError(values.nick);
    if (problem) return { ok: false, error: `--nick ${values.nick}: ${problem}` };
    options.nick = values.nick;
  }
  if (values.channel !== undefined) options.channel = normalizeChannel(values.channel);
  if (options.channel !== undefined && !isValidChannel(options.channel, CHANNEL_MAX)) {
    return { ok: false, error: `not a channel name: ${options.channel}` };
  }
  if (values.password !== undefined) options.password = values.password;
  return { ok: true, options };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      host: { type: "string" },
      port: { type: "string" },
      nick: { type: "string" },
      channel: { type: "string" },
      password: { type: "string" },
      plain: { type: "boolean", default: false },
      "no-color": { type: "boolean", default: false },
      "no-bell": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
      version: { type: "boolean", default: false },
    },
  });
}
