import { expect, test } from "bun:test";
import { RELAXED_FLOOD, registered, startScenarioServer } from "../support/scenario.ts";
import { writeConfig } from "../support/server-process.ts";

test("SIGTERM: every client, registered or not, gets ERROR :Server shutting down; exit 0", async () => {
  const server = await startScenarioServer(writeConfig(RELAXED_FLOOD));
  const a = await registered(server, "shutA");
  const b = await registered(server, "shutB");
  const unregistered = await server.connect("early");
  await unregistered.sync();
  const started = performance.now();
  server.proc.kill("SIGTERM");
  for (const c of [a, b, unregistered]) {
    expect(await c.next(/^ERROR/)).toBe("ERROR :Server shutting down");
    await c.closed;
  }
  expect(await server.proc.exited).toBe(0);
  expect(performance.now() - started).toBeLessThan(2000);
});
