/** The RPL_ISUPPORT (005) tokens, derived from the configuration. */
import type { ServerConfig } from "./config.ts";

export const CHANNEL_MODES = "beI,k,l,imnst";
export const PREFIX = "(ov)@+";
export const USER_MODES = "iwo";

export function isupportTokens(config: ServerConfig): string[] {
  const limits = config.limits;
  const targets = limits.maxTargets;
  return [
    `AWAYLEN=${limits.awayLength}`,
    `CASEMAPPING=${config.casemapping}`,
    `CHANLIMIT=#&:${limits.channelsPerUser}`,
    `CHANMODES=${CHANNEL_MODES}`,
    `CHANNELLEN=${limits.channelLength}`,
    "CHANTYPES=#&",
    "ELIST=CMNTU",
    "EXCEPTS=e",
    "INVEX=I",
    `KICKLEN=${limits.kickLength}`,
    `LINELEN=${limits.lineBytes}`,
    `MAXLIST=beI:${limits.maxListEntries}`,
    `MAXTARGETS=${targets}`,
    `MODES=${limits.modesPerCommand}`,
    `NETWORK=${config.network.replace(/[\s=]/g, "-")}`,
    `NICKLEN=${limits.nickLength}`,
    `PREFIX=${PREFIX}`,
    "SAFELIST",
    "STATUSMSG=@+",
    `TARGMAX=PRIVMSG:${targets},NOTICE:${targets},TAGMSG:${targets},JOIN:,PART:,KICK:1,NAMES:1,WHOIS:1,USERHOST:5`,
    `TOPICLEN=${limits.topicLength}`,
    "UTF8ONLY",
    "WHOX",
  ];
}

/** Tokens per 005 line, so each stays far below 512 bytes. */
export function isupportLines(tokens: string[], perLine = 12): string[][] {
  const lines: string[][] = [];
  for (let i = 0; i < tokens.length; i += perLine) lines.push(tokens.slice(i, i + perLine));
  return lines;
}
