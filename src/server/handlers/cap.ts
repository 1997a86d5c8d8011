/** CAP negotiation (version 302): LS, LIST, REQ, END. Registration waits until END. */

import type { IrcMessage } from "../../protocol/message.ts";
import { message } from "../../protocol/message.ts";
import { CAP_BIT, CAP_NAMES, capNames, isCapName } from "../capabilities.ts";
import type { Client } from "../client.ts";
import type { ServerContext } from "../context.ts";
import { numeric, wireLine } from "../replies.ts";
import { completeRegistration } from "./registration.ts";

export function handleCap(ctx: ServerContext, client: Client, msg: IrcMessage) {
  const sub = msg.params[0]!.toUpperCase();
  switch (sub) {
    case "LS": {
      if (!client.registered) client.capHold = true;
      const version = Number.parseInt(msg.params[1] ?? "", 10);
      if (Number.isFinite(version) && version > client.capVersion) client.capVersion = version;
      // CAP LS 302 implies cap-notify.
      if (client.capVersion >= 302) client.caps |= CAP_BIT["cap-notify"];
      return capReply(ctx, client, "LS", CAP_NAMES.join(" "));
    }
    case "LIST":
      return capReply(ctx, client, "LIST", capNames(client.caps).join(" "));
    case "REQ":
      return request(ctx, client, msg.params[1] ?? "");
    case "END":
      client.capHold = false;
      return completeRegistration(ctx, client);
    default:
      return numeric(ctx.name, client, "ERR_INVALIDCAPCMD", [msg.params[0]!]);
  }
}

/** All or nothing: one unknown name NAKs the whole request. */
function request(ctx: ServerContext, client: Client, list: string) {
  if (!client.registered) client.capHold = true;
  let caps = client.caps;
  for (const item of list.split(" ")) {
    if (item === "") continue;
    const remove = item.startsWith("-");
    const name = remove ? item.slice(1) : item;
    if (!isCapName(name)) return capReply(ctx, client, "NAK", list);
    caps = remove ? caps & ~CAP_BIT[name] : caps | CAP_BIT[name];
  }
  client.caps = caps;
  capReply(ctx, client, "ACK", list);
}

function capReply(ctx: ServerContext, client: Client, sub: string, text: string) {
  client.send(wireLine(message("CAP", [client.nick, sub, text], ctx.name), true));
}
