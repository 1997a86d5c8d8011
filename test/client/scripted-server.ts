/**
 * A real TCP listener on a free port that plays the server's side line by line, for registration
 * cases that ngircd and chat-server do not show (multi-line CAP LS, no CAP at all, PING before 001).
 */
import type { Socket } from "bun";
import { LineLog } from "../support/lines.ts";

export class ScriptedServer {
  /** Lines the client sent. */
  readonly received = new LineLog("from client");
  private socket: Socket<undefined> | null = null;
  private connectedResolve!: () => void;
  private readonly connected = new Promise<void>((resolve) => {
    this.connectedResolve = resolve;
  });
  private readonly listener;

  constructor() {
    const decoder = new TextDecoder();
    let buffered = "";
    this.listener = Bun.listen({
      hostname: "127.0.0.1",
      port: 0,
      socket: {
        open: (socket) => {
          this.socket = socket;
          this.connectedResolve();
        },
        data: (_socket, chunk) => {
          buffered += decoder.decode(chunk, { stream: true });
          for (let nl = buffered.indexOf("\n"); nl !== -1; nl = buffered.indexOf("\n")) {
            const line = buffered.slice(0, nl).replace(/\r$/, "");
            buffered = buffered.slice(nl + 1);
            this.received.add(line);
            // The client marks the end of the welcome burst with a PING; answer every one.
            const ping = /^PING (.*)$/.exec(line);
            if (ping) this.send(`:irc.scripted PONG irc.scripted ${ping[1]}`);
          }
        },
      },
    });
  }

  get port(): number {
    return this.listener.port;
  }

  async accepted(): Promise<void> {
    await this.connected;
  }

  send(...lines: string[]): void {
    this.socket?.write(lines.map((l) => `${l}\r\n`).join(""));
  }

  /** The usual answer to NICK and USER once registration may finish. */
  welcome(nick: string): void {
    this.send(
      `:irc.scripted 001 ${nick} :Welcome ${nick}`,
      `:irc.scripted 422 ${nick} :MOTD File is missing`,
    );
  }

  close(): void {
    this.socket?.end();
    this.listener.stop(true);
  }
}
