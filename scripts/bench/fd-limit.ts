/**
 * Descriptor limits for the processes the bench spawns: thousands of sockets per server and per generator
 * worker need more than the usual soft limit of 1024, so each is started through a shell that raises its soft
 * limit to the hard one and then execs it (keeping the PID, the inherited IPC channel and the pipes).
 */

/** The hard limit on open files for processes started from here (`ulimit -Hn`); 1024 if unknown. */
export function hardFdLimit(): number {
  const out = Bun.spawnSync(["sh", "-c", "ulimit -Hn"]).stdout.toString().trim();
  return out === "unlimited" ? 1_048_576 : Number(out) || 1024;
}

export function withFdLimit(command: readonly string[], limit: number): string[] {
  return ["sh", "-c", 'ulimit -n "$0" && exec "$@"', String(limit), ...command];
}
