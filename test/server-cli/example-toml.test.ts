/**
 * chat-server.example.toml must not drift from the key table: every key appears, commented out, with its
 * default, and uncommenting them all gives a valid config equal to the defaults.
 */
import { expect, test } from "bun:test";
import { join } from "node:path";
import { DEFAULT_CONFIG } from "../../src/server/config.ts";
import { ALL_KEYS, applyToml, parseToml } from "../../src/server/config-file.ts";

const EXAMPLE = join(import.meta.dir, "..", "..", "chat-server.example.toml");
const COMMENTED_SETTING = /^# ((\[\[oper\]\])|([a-z_]+) = .*)$/;

async function uncommented(): Promise<string> {
  const text = await Bun.file(EXAMPLE).text();
  return text
    .split("\n")
    .map((line) => COMMENTED_SETTING.exec(line)?.[1] ?? line)
    .join("\n");
}

test("the example file parses as it ships (every setting commented out)", async () => {
  const doc = parseToml(await Bun.file(EXAMPLE).text(), "example");
  expect(doc).toEqual({ server: {}, limits: {} });
});

test("every key of the table appears exactly once in the example", async () => {
  const text = await Bun.file(EXAMPLE).text();
  const keysBySection = new Map<string, string[]>();
  let section = "";
  for (const line of text.split("\n")) {
    const header = /^(?:# )?\[{1,2}([a-z]+)\]{1,2}$/.exec(line);
    if (header) section = header[1]!;
    const setting = COMMENTED_SETTING.exec(line)?.[3];
    if (setting) keysBySection.set(section, [...(keysBySection.get(section) ?? []), setting]);
  }
  for (const spec of ALL_KEYS) {
    expect({
      key: `${spec.section}.${spec.key}`,
      count: keysBySection.get(spec.section)?.filter((k) => k === spec.key).length,
    }).toEqual({ key: `${spec.section}.${spec.key}`, count: 1 });
  }
  const listed = [...keysBySection.entries()].flatMap(([s, keys]) => keys.map((k) => `${s}.${k}`));
  expect(listed.length).toBe(ALL_KEYS.length);
});

test("uncommented, the example is valid and shows the defaults", async () => {
  const config = structuredClone(DEFAULT_CONFIG);
  applyToml(config, parseToml(await uncommented(), "example"), "/");
  const { opers, ...rest } = config;
  const { opers: _none, ...defaults } = DEFAULT_CONFIG;
  expect(rest).toEqual(defaults);
  expect(opers).toHaveLength(1);
  expect(opers[0]!.mask).toBe("*");
});
