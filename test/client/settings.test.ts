import { expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  loadSettings,
  saveSettings,
  settingsFromToml,
  settingsPath,
  settingsToToml,
} from "../../src/client/settings.ts";

test.each([
  [{ XDG_CONFIG_HOME: "/x", HOME: "/h" }, "/x/networkcomm/client.toml"],
  [{ HOME: "/h" }, "/h/.config/networkcomm/client.toml"],
  [{ XDG_CONFIG_HOME: "", HOME: "/h" }, "/h/.config/networkcomm/client.toml"],
])("settingsPath %p", (env, path) => {
  expect(settingsPath(env)).toBe(path);
});

test.each([
  [{ host: "irc.example.org", port: 6697, nick: "ann" }],
  [{ host: 'we"ird\\host', nick: "x" }],
  [{}],
])("TOML round trip %p", (settings) => {
  expect(settingsFromToml(settingsToToml(settings))).toEqual(settings);
});

test("wrongly typed fields are ignored", () => {
  expect(settingsFromToml('host = 5\nport = "x"\nnick = "ok"\n')).toEqual({ nick: "ok" });
});

test("save creates the directory; a broken file loads as no settings", () => {
  const dir = mkdtempSync(join(tmpdir(), "nc-settings-"));
  const path = join(dir, "networkcomm", "client.toml");
  expect(loadSettings(path)).toEqual({});
  expect(saveSettings(path, { host: "h", port: 1, nick: "n" })).toBeNull();
  expect(loadSettings(path)).toEqual({ host: "h", port: 1, nick: "n" });
  writeFileSync(path, "host = [unclosed");
  expect(loadSettings(path)).toEqual({});
});
