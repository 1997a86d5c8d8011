/**
 * Every IRCv3 capability the server offers, with the spec it implements. A client's enabled
 * capabilities are a bit set (one bit per entry, in this order) so checks on the hot path are cheap.
 */
export const CAPABILITIES = {
  "away-notify": "https://ircv3.net/specs/extensions/away-notify",
  batch: "https://ircv3.net/specs/extensions/batch",
  "cap-notify": "https://ircv3.net/specs/extensions/capability-negotiation#cap-notify",
  "echo-message": "https://ircv3.net/specs/extensions/echo-message",
  "extended-join": "https://ircv3.net/specs/extensions/extended-join",
  "invite-notify": "https://ircv3.net/specs/extensions/invite-notify",
  "labeled-response": "https://ircv3.net/specs/extensions/labeled-response",
  "message-tags": "https://ircv3.net/specs/extensions/message-tags",
  "multi-prefix": "https://ircv3.net/specs/extensions/multi-prefix",
  "server-time": "https://ircv3.net/specs/extensions/server-time",
  setname: "https://ircv3.net/specs/extensions/setname",
  "standard-replies": "https://ircv3.net/specs/extensions/standard-replies",
  "userhost-in-names": "https://ircv3.net/specs/extensions/userhost-in-names",
} as const;

/**
 * Tags the server adds without a capability of their own: `msgid` goes to clients with
 * message-tags, `time` to clients with server-time, `label` and `batch` with their capabilities.
 */
export const SERVER_TAGS = {
  msgid: "https://ircv3.net/specs/extensions/message-ids",
  time: "https://ircv3.net/specs/extensions/server-time",
  label: "https://ircv3.net/specs/extensions/labeled-response",
  batch: "https://ircv3.net/specs/extensions/batch",
} as const;

export type CapName = keyof typeof CAPABILITIES;

export const CAP_NAMES = Object.keys(CAPABILITIES) as CapName[];

export const CAP_BIT = Object.fromEntries(CAP_NAMES.map((name, i) => [name, 1 << i])) as Record<
  CapName,
  number
>;

export function isCapName(name: string): name is CapName {
  return Object.hasOwn(CAPABILITIES, name);
}

/** The names of the capabilities in a bit set, in table order. */
export function capNames(bits: number): CapName[] {
  return CAP_NAMES.filter((name) => (bits & CAP_BIT[name]) !== 0);
}
