/**
 * The runtime's ceiling: the least IRC a Bun server can speak for the load generator (001 on USER; on JOIN, the
 * JOIN to every member, the joiner's NAMES and 366; PRIVMSG relayed to a channel's other members or to a nick),
 * writing each socket's output once per event-loop turn. No validation, no limits: it only shows how fast Bun
 * moves lines from one socket to many.
 */
import type { Socket } from "bun";

type Peer = { nick: string; inbox: string; outbox: string };
type Conn = Socket<Peer>;
const channels = new Map<string, Set<Conn>>();
const nicks = new Map<string, Conn>();
const dirty = new Set<Conn>();

const flush = (s: Conn) => {
  const n = s.data.outbox ? s.write(s.data.outbox) : 0;
  s.data.outbox = n < 0 ? "" : s.data.outbox.slice(n);
};
const queue = (s: Conn, line: string) => {
  if (dirty.size === 0) {
    setImmediate(() => {
      for (const d of dirty) flush(d);
      dirty.clear();
    });
  }
  dirty.add(s);
  s.data.outbox += `${line}\r\n`;
};

function join(s: Conn, name: string): void {
  const members = channels.get(name) ?? new Set<Conn>();
  channels.set(name, members.add(s));
  const joined = `:${s.data.nick}!bench@127.0.0.1 JOIN ${name}`;
  for (const member of members) queue(member, joined);
  const nickList = [...members].map((m) => m.data.nick).join(" ");
  queue(s, `:ceiling 353 ${s.data.nick} = ${name} :${nickList}`);
  queue(s, `:ceiling 366 ${s.data.nick} ${name} :End of /NAMES list.`);
}

function handle(s: Conn, line: string): void {
  const [command, target = ""] = line.split(" ", 2);
  if (command === "NICK") {
    s.data.nick = target;
    nicks.set(target, s);
  } else if (command === "USER") queue(s, `:ceiling 001 ${s.data.nick} :Welcome`);
  else if (command === "PING") queue(s, `:ceiling PONG ceiling ${target}`);
  else if (command === "QUIT") s.end();
  else if (command === "JOIN") for (const name of target.split(",")) join(s, name);
  else if (command === "PRIVMSG") {
    const relayed = `:${s.data.nick}!bench@127.0.0.1 ${line}`;
    for (const member of channels.get(target) ?? [nicks.get(target) ?? s])
      if (member !== s) queue(member, relayed);
  }
}

const server = Bun.listen<Peer>({
  hostname: "127.0.0.1",
  port: Number(process.argv[2] ?? 0),
  socket: {
    open(s) {
      s.data = { nick: "*", inbox: "", outbox: "" };
    },
    drain: flush,
    data(s, chunk) {
      const lines = (s.data.inbox + chunk.toString("latin1")).split("\n");
      s.data.inbox = lines.pop() ?? "";
      for (const line of lines) handle(s, line.endsWith("\r") ? line.slice(0, -1) : line);
    },
    close(s) {
      for (const members of channels.values()) members.delete(s);
      if (nicks.get(s.data.nick) === s) nicks.delete(s.data.nick);
    },
  },
});
console.log(`ceiling-server 0 listening on 127.0.0.1:${server.port}`);
