import { describe, expect, test } from "bun:test";
import { type CompletionSources, completionsFor, TabCycle } from "../../src/client/completion.ts";

const sources: CompletionSources = {
  nicks: ["bobby", "alice", "bob", "Albert"],
  channels: ["#lobby", "#dev", "#Lounge"],
  commands: ["join", "me", "msg", "quit"],
  chantypes: "#&",
};

describe("completionsFor", () => {
  test.each([
    ["b", "b", ["bobby: ", "bob: "]],
    ["al", "al", ["alice: ", "Albert: "]],
    ["hi al", "al", ["alice ", "Albert "]],
    ["#l", "#l", ["#lobby ", "#Lounge "]],
    ["see #d", "#d", ["#dev "]],
    ["/m", "/m", ["/me ", "/msg "]],
    ["/J", "/J", ["/join "]],
    ["say /m", "/m", []],
    ["zz", "zz", []],
    ["hi ", "", []],
    ["", "", []],
  ])("%p", (before, word, candidates) => {
    expect(completionsFor(before, sources)).toEqual({ word, candidates });
  });
});

test("Tab cycles from the most recently active nick", () => {
  const tabs = new TabCycle();
  expect(tabs.complete("b", sources)).toEqual([["bobby: "], "b"]);
  expect(tabs.complete("bobby: ", sources)).toEqual([["bob: "], "bobby: "]);
  expect(tabs.complete("bob: ", sources)).toEqual([["bobby: "], "bob: "]);
  // Typing something else starts afresh.
  expect(tabs.complete("bob: hi al", sources)).toEqual([["alice "], "al"]);
  expect(tabs.complete("nothing", sources)).toEqual([[], "nothing"]);
});
