import { describe, expect, test } from "bun:test";
import { normalizeChannel, parseClientArgs, parseIrcUrl, parsePort } from "../../src/client/args.ts";

describe("parseIrcUrl", () => {
  test.each([
    ["irc://example.org", { host: "example.org" }],
    ["irc://example.org:6697", { host: "example.org", port: 6697 }],
    ["irc://example.org/#lobby", { host: "example.org", channel: "#lobby" }],
    ["irc://example.org:7000/lobby", { host: "example.org", port: 7000, channel: "#lobby" }],
    ["irc://[::1]:6667/%23dev", { host: "::1", port: 6667, channel: "#dev" }],
    ["irc://10.0.0.5/", { host: "10.0.0.5" }],
  ])("%s", (url, expected) => {
    expect(parseIrcUrl(url)).toEqual(expected);
  });

  test.each([["http://example.org"], ["example.org"], ["irc://"]])("%s is refused", (url) => {
    expect(typeof parseIrcUrl(url)).toBe("string");
  });
});

describe("parsePort", () => {
  test.each([
    ["6667", 6667],
    ["1", 1],
    ["65535", 65535],
    ["0", null],
    ["65536", null],
    ["-1", null],
    ["66x", null],
    ["", null],
  ])("%p → %p", (text, port) => {
    expect(parsePort(text)).toBe(port);
  });
});

test.each([
  ["lobby", "#lobby"],
  ["#lobby", "#lobby"],
  ["&local", "&local"],
])("normalizeChannel %s", (name, channel) => {
  expect(normalizeChannel(name)).toBe(channel);
});

describe("parseClientArgs", () => {
  const ok = (argv: string[], env: Record<string, string> = {}) => {
    const result = parseClientArgs(argv, env);
    if (!result.ok) throw new Error(result.error);
    return result.options;
  };
  const error = (argv: string[]) => {
    const result = parseClientArgs(argv, {});
    if (result.ok) throw new Error(`accepted ${argv.join(" ")}`);
    return result.error;
  };

  test("flags", () => {
    expect(
      ok([
        "--host",
        "h",
        "--port",
        "7000",
        "--nick",
        "ann",
        "--channel",
        "dev",
        "--password",
        "pw",
        "--plain",
      ]),
    ).toEqual({
      host: "h",
      port: 7000,
      nick: "ann",
      channel: "#dev",
      password: "pw",
      plain: true,
      color: true,
      bell: true,
      help: false,
      version: false,
    });
  });

  test("flags win over the URL", () => {
    const options = ok(["irc://a.example:7000/#one", "--host", "b.example", "--channel", "#two"]);
    expect([options.host, options.port, options.channel]).toEqual(["b.example", 7000, "#two"]);
  });

  test.each([
    [[], {}, true],
    [["--no-color"], {}, false],
    [[], { NO_COLOR: "1" }, false],
    [[], { NO_COLOR: "" }, true],
  ])("colour %p %p → %p", (argv, env, color) => {
    expect(ok(argv, env).color).toBe(color);
  });

  test.each([
    [["--port", "99999"], "--port 99999: a port is a number from 1 to 65535"],
    [["--nick", "9lives"], "--nick 9lives: a nickname is up to 30 letters"],
    [["--channel", "#a,b"], "not a channel name: #a,b"],
    [["--bogus"], "unknown option --bogus"],
    [["irc://a", "irc://b"], "unexpected argument: irc://b"],
    [["ftp://x"], "not an irc:// URL: ftp://x"],
  ])("%p is refused", (argv, message) => {
    expect(error(argv)).toContain(message);
  });
});
