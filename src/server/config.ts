/**
 * The server's settings and their defaults. Loading them from flags and TOML lives in config-file.ts
 * and cli.ts; everything else in the server reads a ServerConfig.
 */
import type { Casemapping } from "../protocol/casemapping.ts";

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface OperBlock {
  name: string;
  /** A Bun.password hash (argon2id or bcrypt), never a plain password. */
  passwordHash: string;
  /** Hostmask the oper must match, `*` for anywhere. */
  mask: string;
}

export interface ServerConfig {
  host: string;
  port: number;
  name: string;
  network: string;
  motdFile: string;
  autojoin: string[];
  /** Server password hash ("" = none); PASS is checked with Bun.password.verify. */
  passwordHash: string;
  logLevel: LogLevel;
  casemapping: Casemapping;
  adminInfo: string;
  adminEmail: string;
  limits: Limits;
  opers: OperBlock[];
}

export interface Limits {
  /** Bytes of one line without tags, CRLF included (417 past it). */
  lineBytes: number;
  /** Bytes a client may send without a newline before it is dropped. */
  readBytes: number;
  /** Bytes queued for a client that is not reading before it is dropped (SendQ exceeded). */
  sendqBytes: number;
  floodBurst: number;
  /** Commands per second a client may sustain after its burst. */
  floodRate: number;
  /** Commands a client may have waiting behind the flood limit before `Excess Flood`. */
  floodQueue: number;
  connectionsPerIp: number;
  maxClients: number;
  /** Seconds. */
  registrationTimeout: number;
  pingInterval: number;
  pingTimeout: number;
  nickLength: number;
  channelLength: number;
  topicLength: number;
  awayLength: number;
  kickLength: number;
  realnameLength: number;
  channelsPerUser: number;
  maxTargets: number;
  /** Mode changes one MODE command may carry (ISUPPORT MODES). */
  modesPerCommand: number;
  maxListEntries: number;
  whowasEntries: number;
}

export const DEFAULT_LIMITS: Limits = {
  lineBytes: 512,
  readBytes: 16384,
  sendqBytes: 96 * 1024,
  floodBurst: 10,
  floodRate: 2,
  floodQueue: 20,
  connectionsPerIp: 16,
  maxClients: 4096,
  registrationTimeout: 60,
  pingInterval: 90,
  pingTimeout: 120,
  nickLength: 30,
  channelLength: 50,
  topicLength: 390,
  awayLength: 200,
  kickLength: 255,
  realnameLength: 128,
  channelsPerUser: 100,
  maxTargets: 4,
  modesPerCommand: 6,
  maxListEntries: 100,
  whowasEntries: 1000,
};

export const DEFAULT_CONFIG: ServerConfig = {
  host: "0.0.0.0",
  port: 6667,
  name: "networkcomm.local",
  network: "NetworkComm",
  motdFile: "",
  autojoin: ["#lobby"],
  passwordHash: "",
  logLevel: "info",
  casemapping: "rfc1459",
  adminInfo: "NetworkComm chat server",
  adminEmail: "",
  limits: DEFAULT_LIMITS,
  opers: [],
};
