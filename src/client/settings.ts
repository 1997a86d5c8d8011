/** Remembered answers to the start-up prompts, in a small TOML file under the user's config directory. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

export interface Settings {
  host?: string;
  port?: number;
  nick?: string;
}

export function settingsPath(env: Record<string, string | undefined>): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config");
  return join(base, "networkcomm", "client.toml");
}

/** TOML basic strings accept JSON's escapes for everything we write. */
export function settingsToToml(settings: Settings): string {
  let out = "# Last answers of chat-client, used as the defaults of its prompts.\n";
  if (settings.host !== undefined) out += `host = ${JSON.stringify(settings.host)}\n`;
  if (settings.port !== undefined) out += `port = ${settings.port}\n`;
  if (settings.nick !== undefined) out += `nick = ${JSON.stringify(settings.nick)}\n`;
  return out;
}

/** Keeps only well-typed fields, so a hand-edited file cannot break the prompts. */
export function settingsFromToml(text: string): Settings {
  const data = Bun.TOML.parse(text) as Record<string, unknown>;
  const settings: Settings = {};
  if (typeof data.host === "string") settings.host = data.host;
  if (typeof data.port === "number" && Number.isInteger(data.port)) settings.port = data.port;
  if (typeof data.nick === "string") settings.nick = data.nick;
  return settings;
}

/** A missing or unreadable file means no remembered answers; the prompts then use plain defaults. */
export function loadSettings(path: string): Settings {
  try {
    return settingsFromToml(readFileSync(path, "utf8"));
  } catch {
    return {};
  }
}

/** Returns an error text instead of throwing: failing to remember answers must not stop the chat. */
export function saveSettings(path: string, settings: Settings): string | null {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, settingsToToml(settings));
    return null;
  } catch (e) {
    return `cannot save ${path}: ${(e as Error).message}`;
  }
}
