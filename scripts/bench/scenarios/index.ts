/** Every scenario by name: the parent and the generator workers both look them up here. */
import type { Scenario } from "../scenario.ts";
import { channelTraffic } from "./channel-traffic.ts";
import { connect } from "./connect.ts";
import { joinStorm } from "./join-storm.ts";
import { privateMessages } from "./private-messages.ts";

export const SCENARIOS: Record<string, Scenario> = {
  fanout: channelTraffic,
  "fanout-paced": channelTraffic,
  churn: channelTraffic,
  pm: privateMessages,
  connect,
  "join-storm": joinStorm,
};
