/** The compiled client's command line: version, help, and one-line refusals. */
import { expect, test } from "bun:test";
import pkg from "../../package.json" with { type: "json" };
import { CLIENT_BINARY } from "../support/server-process.ts";
import { isolatedEnv } from "./client-process.ts";

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const proc = Bun.spawn([CLIENT_BINARY, ...args], {
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
    env: isolatedEnv(),
  });
  const [code, stdout, stderr] = await Promise.all([
    proc.exited,
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
  ]);
  return { code, stdout, stderr };
}

test("--version", async () => {
  expect(await run(["--version"])).toEqual({ code: 0, stdout: `chat-client ${pkg.version}\n`, stderr: "" });
});

test("--help lists the options", async () => {
  const { code, stdout } = await run(["--help"]);
  expect(code).toBe(0);
  for (const flag of [
    "--host",
    "--port",
    "--nick",
    "--channel",
    "--password",
    "--plain",
    "--no-color",
    "--no-bell",
  ]) {
    expect(stdout).toContain(flag);
  }
});

test.each([
  [
    ["--port", "70000"],
    "chat-client: --port 70000: a port is a number from 1 to 65535 (see chat-client --help)\n",
  ],
  [["--frob"], "chat-client: unknown option --frob (see chat-client --help)\n"],
  [
    ["--host", "127.0.0.1"],
    "chat-client: plain mode needs --host and --nick (or an irc:// URL and --nick)\n",
  ],
])("%p is one line on stderr, exit code 2", async (args, stderr) => {
  expect(await run(args)).toEqual({ code: 2, stdout: "", stderr });
});
