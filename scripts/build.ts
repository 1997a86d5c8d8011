/**
 * Builds the two standalone binaries with `bun build --compile`.
 *   bun scripts/build.ts            → dist/chat-server, dist/chat-client (this machine)
 *   bun scripts/build.ts --release  → dist/release/<name>-<os>-<arch>[.exe] for every target, plus SHA256SUMS
 */
import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pkg from "../package.json" with { type: "json" };

const ROOT = join(import.meta.dir, "..");
const DIST = join(ROOT, "dist");
const ENTRIES = { "chat-server": "src/chat-server.ts", "chat-client": "src/chat-client.ts" } as const;

/** Bun's cross-compile targets and the release file suffix each one gets. */
const TARGETS = [
  { target: "bun-linux-x64", suffix: "linux-x64" },
  { target: "bun-linux-x64-musl", suffix: "linux-x64-musl" },
  { target: "bun-linux-arm64", suffix: "linux-arm64" },
  { target: "bun-darwin-x64", suffix: "darwin-x64" },
  { target: "bun-darwin-arm64", suffix: "darwin-arm64" },
  { target: "bun-windows-x64", suffix: "windows-x64.exe" },
] as const;

async function compile(entry: string, outfile: string, target?: string): Promise<boolean> {
  const args = [
    "build",
    "--compile",
    "--minify",
    "--sourcemap",
    "--bytecode",
    "--format=esm",
    // A user's .env or bunfig.toml in the working directory must not change how the binary behaves.
    "--no-compile-autoload-dotenv",
    "--no-compile-autoload-bunfig",
    `--define=NETWORKCOMM_VERSION=${JSON.stringify(pkg.version)}`,
    ...(target ? [`--target=${target}`] : []),
    join(ROOT, entry),
    "--outfile",
    outfile,
  ];
  const proc = Bun.spawn([process.execPath, ...args], { cwd: ROOT, stdout: "pipe", stderr: "pipe" });
  const [code, err] = await Promise.all([proc.exited, new Response(proc.stderr).text()]);
  if (code !== 0) console.error(`build failed: ${outfile}${target ? ` (${target})` : ""}\n${err.trim()}`);
  return code === 0;
}

async function buildLocal(): Promise<boolean> {
  await mkdir(DIST, { recursive: true });
  const results = await Promise.all(
    Object.entries(ENTRIES).map(([name, entry]) => compile(entry, join(DIST, name))),
  );
  return results.every(Boolean);
}

async function buildRelease(): Promise<boolean> {
  const out = join(DIST, "release");
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  let ok = true;
  // One at a time: each cross build holds a full runtime in memory, and there are two cores.
  for (const { target, suffix } of TARGETS) {
    for (const [name, entry] of Object.entries(ENTRIES)) {
      if (!(await compile(entry, join(out, `${name}-${suffix}`), target))) ok = false;
    }
  }
  // Source maps are for local debugging; a release ships only the binaries and their checksums.
  for (const f of await readdir(out)) if (f.endsWith(".map")) await rm(join(out, f));
  const files = (await readdir(out)).filter((f) => f.startsWith("chat-")).sort();
  const sums = await Promise.all(
    files.map(async (f) => {
      const hash = new Bun.CryptoHasher("sha256").update(await Bun.file(join(out, f)).arrayBuffer());
      return `${hash.digest("hex")}  ${f}\n`;
    }),
  );
  await Bun.write(join(out, "SHA256SUMS"), sums.join(""));
  console.log(`release: ${files.length} files in ${out}`);
  return ok;
}

const { values } = parseArgs({ options: { release: { type: "boolean", default: false } } });
const ok = values.release ? await buildRelease() : await buildLocal();
process.exit(ok ? 0 : 1);
