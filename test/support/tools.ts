/** Third-party tools that tests drive (tmux, ngircd, ii, …): found on PATH or in sbin. */
import { test } from "bun:test";

const EXTRA_DIRS = ["/usr/sbin", "/usr/local/sbin", "/sbin"];

export function findTool(name: string): string | null {
  return Bun.which(name) ?? Bun.which(name, { PATH: EXTRA_DIRS.join(":") });
}

/**
 * `test` when the tool is installed. Without it, a developer's run skips (the name says why),
 * but under CI=true the test runs and fails loudly: CI is expected to install every tool.
 */
export function testWithTool(tool: string): typeof test {
  if (findTool(tool) !== null || process.env.CI === "true") return test;
  return test.skipIf(true) as typeof test;
}

/** The tool's path, or an error that names the missing package. */
export function requireTool(tool: string): string {
  const path = findTool(tool);
  if (path === null)
    throw new Error(`${tool} is not installed (apt-get install ${tool}); .ci/run installs it`);
  return path;
}
