/** chat-client: a terminal IRC client. Asks what is missing (on a terminal), connects, chats. */
import { userInfo } from "node:os";
import pc from "picocolors";
import { DEFAULT_PORT, nickError, parseClientArgs, USAGE } from "./client/args.ts";
import { ChatClient } from "./client/client.ts";
import { PlainUi } from "./client/plain.ts";
import { askHost, askNick, askPort, PromptCancelled } from "./client/prompts.ts";
import { Screen } from "./client/screen.ts";
import { loadSettings, saveSettings, settingsPath } from "./client/settings.ts";
import { VERSION } from "./version.ts";

function loginName(): string {
  try {
    const name = userInfo().username;
    return nickError(name) === undefined ? name : "guest";
  } catch {
    return "guest";
  }
}

async function main(): Promise<number> {
  const args = parseClientArgs(process.argv.slice(2), process.env);
  if (!args.ok) {
    process.stderr.write(`chat-client: ${args.error} (see chat-client --help)\n`);
    return 2;
  }
  const options = args.options;
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`chat-client ${VERSION}\n`);
    return 0;
  }
  const plain = options.plain || !process.stdin.isTTY || !process.stdout.isTTY;
  let { host, port, nick } = options;
  if (plain) {
    if (host === undefined || nick === undefined) {
      process.stderr.write("chat-client: plain mode needs --host and --nick (or an irc:// URL and --nick)\n");
      return 2;
    }
  } else if (host === undefined || nick === undefined || port === undefined) {
    const path = settingsPath(process.env);
    const remembered = loadSettings(path);
    try {
      host ??= await askHost(remembered.host ?? "127.0.0.1");
      port ??= await askPort(remembered.port ?? DEFAULT_PORT);
      nick ??= await askNick(remembered.nick ?? loginName());
    } catch (e) {
      if (e instanceof PromptCancelled) return 1;
      throw e;
    }
    const problem = saveSettings(path, { host, port, nick });
    if (problem !== null) process.stderr.write(`chat-client: ${problem}\n`);
  }

  const client = new ChatClient({
    host,
    port: port ?? DEFAULT_PORT,
    nick,
    ...(options.channel !== undefined ? { channel: options.channel } : {}),
    ...(options.password !== undefined ? { password: options.password } : {}),
    plain,
    bell: options.bell,
    colors: pc.createColors(options.color && process.stdout.isTTY === true),
  });
  const handlers = { input: (line: string) => client.input(line), end: () => client.endOfInput() };
  const ui = plain ? new PlainUi(handlers) : new Screen(handlers, () => client.completionSources());
  for (const signal of ["SIGTERM", "SIGHUP"] as const) process.on(signal, () => client.quit("leaving"));
  process.on("SIGINT", () => client.quit("leaving"));
  await client.start(ui);
  return client.exited;
}

process.exit(await main());
