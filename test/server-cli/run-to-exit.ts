/** Runs chat-server to completion (for commands and start-up failures) and collects what it printed. */
import { serverCommand } from "../support/server-process.ts";

export interface Finished {
  code: number;
  stdout: string;
  stderr: string;
  /** stderr without its final newline, split into lines: failures must be exactly one. */
  stderrLines: string[];
}

/** `stdin` is piped in when given (else nothing); a run over 10 s is killed, so a hang fails the test. */
export async function runToExit(args: string[], stdin?: string): Promise<Finished> {
  const proc = Bun.spawn([...serverCommand(), ...args], {
    stdin: stdin === undefined ? "ignore" : new Blob([stdin]),
    stdout: "pipe",
    stderr: "pipe",
    timeout: 10_000,
  });
  const [code, stdout, stderr] = await Promise.all([
    proc.exited,
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
  ]);
  return { code, stdout, stderr, stderrLines: stderr.replace(/\n$/, "").split("\n") };
}
