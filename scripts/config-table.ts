/**
 * Prints the README's table of config keys from the key table in src/server/config-file.ts, so the
 * documentation cannot drift from the loader (test/docs/readme.test.ts checks the README holds it).
 *   bun scripts/config-table.ts
 */
import { DEFAULT_CONFIG } from "../src/server/config.ts";
import { ALL_KEYS, describeRule, type KeySpec } from "../src/server/config-file.ts";

function defaultOf(spec: KeySpec): string {
  const source: Record<string, unknown> =
    spec.section === "server"
      ? (DEFAULT_CONFIG as unknown as Record<string, unknown>)
      : spec.section === "limits"
        ? (DEFAULT_CONFIG.limits as unknown as Record<string, unknown>)
        : { mask: "*" };
  const value = source[spec.field];
  if (value === undefined) return "—";
  return typeof value === "number" ? String(value) : `\`${JSON.stringify(value)}\``;
}

const cell = (text: string) => text.replaceAll("|", "\\|");

export function configTable(): string {
  const rows = ALL_KEYS.map((spec) => {
    const key = spec.section === "oper" ? `[[oper]] ${spec.key}` : `${spec.section}.${spec.key}`;
    const flag = spec.flag ? `\`--${spec.flag}\`` : "";
    return `| \`${key}\` | ${flag} | ${defaultOf(spec)} | ${cell(describeRule(spec.rule))} | ${cell(spec.help)} |`;
  });
  return ["| key | flag | default | accepts | meaning |", "|---|---|---|---|---|", ...rows].join("\n");
}

if (import.meta.main) console.log(configTable());
