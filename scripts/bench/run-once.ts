/** One measured run: a fresh server, a fresh crew of generator workers, one scenario; both always stopped. */
import { Crew } from "./crew.ts";
import type { Figures } from "./scenario.ts";
import { SCENARIOS } from "./scenarios/index.ts";
import { type RunningServer, SETUP_CONCURRENCY, type ServerName, startServer } from "./servers.ts";

export interface RunOutcome {
  figures?: Figures;
  error?: string;
}

export async function runOnce(
  label: string,
  scenario: string,
  scenarioParams: Record<string, number>,
  name: ServerName,
  workers: number,
  fdLimit: number,
): Promise<RunOutcome> {
  const params = { setupConcurrency: SETUP_CONCURRENCY[name], ...scenarioParams };
  let server: RunningServer | null = null;
  let crew: Crew | null = null;
  try {
    const run = SCENARIOS[scenario]?.run;
    if (!run) throw new Error(`unknown scenario "${scenario}"`);
    server = await startServer(name, fdLimit);
    crew = new Crew({ scenario, port: server.port, params }, workers, fdLimit);
    const figures = await run({ server, crew, params });
    if (!server.alive()) throw new Error(`${name} exited during ${label}`);
    return { figures };
  } catch (err) {
    const tail = server?.outputTail().trim().split("\n").slice(-5).join("\n") ?? "";
    return {
      error: `${err instanceof Error ? err.message : String(err)}${tail ? `\n  server said: ${tail}` : ""}`,
    };
  } finally {
    await crew?.stop();
    await server?.stop();
  }
}
