/** The two servers the client is tested against, behind one shape: Debian's ngircd and our chat-server. */
import type { TestClient } from "../support/irc-client.ts";
import { startNgircd } from "../support/ngircd.ts";
import { type ServerHandle, startServer } from "../support/server-process.ts";

export interface Peer {
  port: number;
  /** A raw registered connection for the other end of a conversation. */
  client(nick: string): Promise<TestClient>;
  /** Stops the server and starts it again on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface PeerKind {
  name: string;
  /** Our server puts every user in #lobby at registration. */
  autoJoins: string | null;
  start(): Promise<Peer>;
}

async function ourServer(): Promise<Peer> {
  let server: ServerHandle = await startServer();
  const port = server.port;
  return {
    port,
    client: (nick) => server.client(nick),
    async restart() {
      await server.stop();
      server = await startServer(["--port", String(port)]);
    },
    async stop() {
      await server.stop();
    },
  };
}

export const PEERS: PeerKind[] = [
  { name: "ngircd", autoJoins: null, start: startNgircd },
  { name: "chat-server", autoJoins: "#lobby", start: ourServer },
];

/** A raw client registered and in `channel`, its NAMES reply received. */
export async function memberOf(peer: Peer, nick: string, channel: string): Promise<TestClient> {
  const member = await peer.client(nick);
  member.send(`JOIN ${channel}`);
  await member.next(/ 366 /, 15_000);
  return member;
}
