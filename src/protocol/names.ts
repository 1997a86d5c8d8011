/** Validation of nicknames and channel names. */
import { utf8Length } from "./split.ts";

/** RFC 2812 nick grammar: a letter or special first, then letters, digits, specials and '-'. */
const NICK = /^[A-Za-z[\]\\`_^{|}][A-Za-z0-9[\]\\`_^{|}-]*$/;

export function isValidNick(nick: string, maxLength: number): boolean {
  return nick.length > 0 && nick.length <= maxLength && NICK.test(nick);
}

export const CHANNEL_TYPES = "#&";

/** A channel name: a type prefix, then anything but space, comma, colon, BEL, NUL, CR and LF. */
const CHANNEL_BODY = /^[^\s,:\x07\0]+$/;

export function isChannelName(name: string, chantypes = CHANNEL_TYPES): boolean {
  return name.length > 0 && chantypes.includes(name[0]!);
}

/** `maxLength` is CHANNELLEN, which servers count in bytes: a non-ASCII name takes more of it. */
export function isValidChannel(name: string, maxLength: number, chantypes = CHANNEL_TYPES): boolean {
  return (
    name.length > 1 &&
    utf8Length(name) <= maxLength &&
    isChannelName(name, chantypes) &&
    CHANNEL_BODY.test(name.slice(1))
  );
}

/** A username (ident): no spaces, `@` or control characters; the server prefixes `~` when unverified. */
const USERNAME = /^[^\s@\0-\x1f]+$/;

export function isValidUsername(user: string): boolean {
  return USERNAME.test(user);
}
