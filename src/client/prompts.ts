/** Start-up questions on a terminal (@clack/prompts). Only called when stdin is a TTY: clack hangs otherwise. */
import { cancel, isCancel, text } from "@clack/prompts";
import { DEFAULT_PORT, nickError, parsePort, portError } from "./args.ts";

export class PromptCancelled extends Error {}

async function ask(message: string, fallback: string, validate: (v: string) => string | undefined) {
  const answer = await text({
    message,
    placeholder: fallback,
    defaultValue: fallback,
    // Empty input takes the default, so only a typed value is checked.
    validate: (value) => (value === undefined || value === "" ? undefined : validate(value)),
  });
  if (isCancel(answer)) {
    cancel("cancelled");
    throw new PromptCancelled();
  }
  return answer === "" ? fallback : answer;
}

const hostError = (value: string) => (/\s/.test(value) ? "a host name has no spaces" : undefined);

export const askHost = (fallback: string) => ask("Server host", fallback, hostError);

export async function askPort(fallback = DEFAULT_PORT): Promise<number> {
  return parsePort(await ask("Port", String(fallback), portError))!;
}

export const askNick = (fallback: string, message = "Nickname") => ask(message, fallback, nickError);
