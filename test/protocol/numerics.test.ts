/** The numerics table: well-formed, unique codes that map back to their names. */
import { describe, expect, test } from "bun:test";
import {
  NUMERICS,
  type NumericName,
  numericCode,
  numericName,
  numericText,
} from "../../src/protocol/index.ts";

const ENTRIES = Object.entries(NUMERICS).map(([name, [code, text]]) => ({
  name: name as NumericName,
  code,
  text,
}));

describe("every numeric", () => {
  test.each(ENTRIES)("$name", ({ name, code, text }) => {
    expect(code).toMatch(/^\d{3}$/);
    expect(name).toMatch(/^(RPL|ERR)_[A-Z0-9]+$/);
    expect(numericCode(name)).toBe(code);
    expect(numericText(name)).toBe(text);
    expect(numericName(code)).toBe(name);
    // Texts go out as the trailing parameter: no line breaks; placeholders are `<word>`.
    expect(text).not.toMatch(/[\r\n\0]/);
    expect(text.replace(/<[a-z]+>/g, "")).not.toMatch(/[<>]/);
  });

  test("codes are unique", () => {
    const codes = ENTRIES.map(({ code }) => code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

// Codes from Modern IRC (https://modern.ircdocs.horse/#numerics) and the IRCv3 specs.
const WELL_KNOWN: { name: NumericName; code: string }[] = [
  { name: "RPL_WELCOME", code: "001" },
  { name: "RPL_YOURHOST", code: "002" },
  { name: "RPL_CREATED", code: "003" },
  { name: "RPL_MYINFO", code: "004" },
  { name: "RPL_ISUPPORT", code: "005" },
  { name: "RPL_UMODEIS", code: "221" },
  { name: "RPL_LUSERCLIENT", code: "251" },
  { name: "RPL_AWAY", code: "301" },
  { name: "RPL_ENDOFWHO", code: "315" },
  { name: "RPL_ENDOFWHOIS", code: "318" },
  { name: "RPL_LISTEND", code: "323" },
  { name: "RPL_CHANNELMODEIS", code: "324" },
  { name: "RPL_NOTOPIC", code: "331" },
  { name: "RPL_TOPIC", code: "332" },
  { name: "RPL_TOPICWHOTIME", code: "333" },
  { name: "RPL_WHOREPLY", code: "352" },
  { name: "RPL_NAMREPLY", code: "353" },
  { name: "RPL_ENDOFNAMES", code: "366" },
  { name: "RPL_ENDOFMOTD", code: "376" },
  { name: "ERR_NOSUCHNICK", code: "401" },
  { name: "ERR_NOSUCHCHANNEL", code: "403" },
  { name: "ERR_CANNOTSENDTOCHAN", code: "404" },
  { name: "ERR_INPUTTOOLONG", code: "417" },
  { name: "ERR_UNKNOWNCOMMAND", code: "421" },
  { name: "ERR_ERRONEUSNICKNAME", code: "432" },
  { name: "ERR_NICKNAMEINUSE", code: "433" },
  { name: "ERR_NOTONCHANNEL", code: "442" },
  { name: "ERR_NOTREGISTERED", code: "451" },
  { name: "ERR_NEEDMOREPARAMS", code: "461" },
  { name: "ERR_ALREADYREGISTERED", code: "462" },
  { name: "ERR_BANNEDFROMCHAN", code: "474" },
  { name: "ERR_BADCHANNELKEY", code: "475" },
  { name: "ERR_CHANOPRIVSNEEDED", code: "482" },
  { name: "ERR_UMODEUNKNOWNFLAG", code: "501" },
  { name: "ERR_INVALIDMODEPARAM", code: "696" },
  { name: "RPL_LOGGEDIN", code: "900" },
  { name: "RPL_SASLSUCCESS", code: "903" },
  { name: "ERR_SASLFAIL", code: "904" },
];

describe("well-known numerics", () => {
  test.each(WELL_KNOWN)("$name is $code", ({ name, code }) => {
    expect(numericCode(name)).toBe(code);
    expect(numericName(code)).toBe(name);
  });
});

describe("numericName of codes not in the table", () => {
  test.each(["000", "999", "1", "0001", "", "RPL_WELCOME"])("%p", (code) => {
    expect(numericName(code)).toBeUndefined();
  });
});
