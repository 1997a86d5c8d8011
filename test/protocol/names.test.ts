/**
 * Nick, channel and username validation. Nicks follow RFC 2812 (a letter or one of []\`_^{|} first, then also
 * digits and '-'), which is stricter than Modern IRC and keeps every nick ASCII.
 */
import { describe, expect, test } from "bun:test";
import { isChannelName, isValidChannel, isValidNick, isValidUsername } from "../../src/protocol/index.ts";

const NICKLEN = 9;

describe("isValidNick", () => {
  const NICKS = [
    { nick: "nick", valid: true },
    { nick: "Nick_", valid: true },
    { nick: "[away]", valid: true },
    { nick: "`tick", valid: true },
    { nick: "^^", valid: true },
    { nick: "{a}|b\\", valid: true },
    { nick: "a-b", valid: true },
    { nick: "a1", valid: true },
    { nick: "_", valid: true },
    { nick: "abcdefghi", valid: true },
    { nick: "abcdefghij", valid: false },
    { nick: "", valid: false },
    { nick: "1nick", valid: false },
    { nick: "-nick", valid: false },
    { nick: "ni ck", valid: false },
    { nick: "ni,ck", valid: false },
    { nick: "ni:ck", valid: false },
    { nick: ":nick", valid: false },
    { nick: "nick\x07", valid: false },
    { nick: "nick\r\n", valid: false },
    { nick: "nick\0", valid: false },
    { nick: "nïck", valid: false },
    { nick: "😀", valid: false },
    { nick: "nick!", valid: false },
    { nick: "n@h", valid: false },
    { nick: "#nick", valid: false },
    { nick: "&nick", valid: false },
    { nick: "nick*", valid: false },
    { nick: "nick?", valid: false },
    { nick: "nick.", valid: false },
    { nick: "$nick", valid: false },
    { nick: "+nick", valid: false },
  ];
  test.each(NICKS)("NICKLEN 9: %j", ({ nick, valid }) => {
    expect(isValidNick(nick, NICKLEN)).toBe(valid);
  });

  const LENGTHS = [
    { nick: "a".repeat(30), maxLength: 30, valid: true },
    { nick: "a".repeat(31), maxLength: 30, valid: false },
    { nick: "a", maxLength: 1, valid: true },
    { nick: "a", maxLength: 0, valid: false },
  ];
  test.each(LENGTHS)(
    "$maxLength: a nick of $nick.length characters is $valid",
    ({ nick, maxLength, valid }) => {
      expect(isValidNick(nick, maxLength)).toBe(valid);
    },
  );
});

const CHANNELLEN = 50;

describe("isValidChannel", () => {
  const CHANNELS = [
    { name: "#c", valid: true },
    { name: "#chan", valid: true },
    { name: "&local", valid: true },
    { name: "##double", valid: true },
    { name: "#a.b-c_d!e", valid: true },
    { name: "#Ünïcode", valid: true },
    { name: "#😀", valid: true },
    { name: `#${"a".repeat(49)}`, valid: true },
    { name: `#${"a".repeat(50)}`, valid: false },
    { name: "#", valid: false },
    { name: "", valid: false },
    { name: "chan", valid: false },
    { name: "+chan", valid: false },
    { name: "!chan", valid: false },
    { name: "#a b", valid: false },
    { name: "#a,b", valid: false },
    // Stricter than Modern IRC, which allows ':'; RFC 2812 reserves it for channel masks.
    { name: "#a:b", valid: false },
    { name: "#a\x07b", valid: false },
    { name: "#a\0b", valid: false },
    { name: "#a\rb", valid: false },
    { name: "#a\nb", valid: false },
    { name: "#a\tb", valid: false },
    { name: "#a\u00a0b", valid: false },
  ];
  test.each(CHANNELS)("CHANNELLEN 50: %j", ({ name, valid }) => {
    expect(isValidChannel(name, CHANNELLEN)).toBe(valid);
  });

  // CHANNELLEN counts bytes, as servers do: "é" takes 2 of them, "😀" 4.
  test("length counts UTF-8 bytes", () => {
    expect(isValidChannel(`#${"é".repeat(24)}`, CHANNELLEN)).toBe(true);
    expect(isValidChannel(`#${"é".repeat(25)}`, CHANNELLEN)).toBe(false);
    expect(isValidChannel(`#${"😀".repeat(12)}a`, CHANNELLEN)).toBe(true);
    expect(isValidChannel(`#${"😀".repeat(13)}`, CHANNELLEN)).toBe(false);
  });

  const CHANTYPES = [
    { name: "&local", chantypes: "#", valid: false },
    { name: "+modeless", chantypes: "#+", valid: true },
    { name: "#c", chantypes: "&", valid: false },
  ];
  test.each(CHANTYPES)("%j", ({ name, chantypes, valid }) => {
    expect(isValidChannel(name, CHANNELLEN, chantypes)).toBe(valid);
    expect(isChannelName(name, chantypes)).toBe(valid);
  });
});

describe("isChannelName", () => {
  // Only the prefix decides whether a target is a channel; validity is isValidChannel's business.
  const TARGETS = [
    { target: "#chan", channel: true },
    { target: "&chan", channel: true },
    { target: "#a b", channel: true },
    { target: "nick", channel: false },
    { target: "", channel: false },
  ];
  test.each(TARGETS)("%j", ({ target, channel }) => {
    expect(isChannelName(target)).toBe(channel);
  });
});

describe("isValidUsername", () => {
  // No length limit here: the server truncates to its USERLEN.
  const USERS = [
    { user: "user", valid: true },
    { user: "~user", valid: true },
    { user: "u.s-e_r", valid: true },
    { user: "1234", valid: true },
    { user: "a:b", valid: true },
    { user: "ÿser", valid: true },
    { user: "a".repeat(100), valid: true },
    { user: "", valid: false },
    { user: "us er", valid: false },
    { user: "u@h", valid: false },
    { user: "u\x07", valid: false },
    { user: "u\0", valid: false },
    { user: "u\r\n", valid: false },
    { user: "u\tv", valid: false },
  ];
  test.each(USERS)("%j", ({ user, valid }) => {
    expect(isValidUsername(user)).toBe(valid);
  });
});
