/** The README's reference parts are generated from the code they describe; they must not drift. */
import { expect, test } from "bun:test";
import { join } from "node:path";
import { configTable } from "../../scripts/config-table.ts";
import { HELP } from "../../src/server/cli.ts";

const README = await Bun.file(join(import.meta.dir, "..", "..", "README.md")).text();

test("the README's config table is the one the key table generates (bun scripts/config-table.ts)", () => {
  expect(README).toContain(configTable());
});

test("every server flag in --help is documented in the README", () => {
  const flags = [...HELP.matchAll(/--[a-z-]+/g)].map((m) => m[0]);
  expect(flags.length).toBeGreaterThan(5);
  for (const flag of new Set(flags))
    expect({ flag, documented: README.includes(flag) }).toEqual({ flag, documented: true });
});
