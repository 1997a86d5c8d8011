import { expect, test } from "bun:test";
import { numericSentence } from "../../src/client/numeric-text.ts";
import { parseMessage } from "../../src/protocol/index.ts";

test.each([
  [":s 473 ann #secret :Cannot join channel (+i)", "error", "#secret: cannot join, channel is invite-only"],
  [":s 474 ann #b :Cannot join channel (+b)", "error", "#b: cannot join, you are banned"],
  [":s 475 ann #k :Cannot join channel (+k)", "error", "#k: cannot join, wrong channel key"],
  [":s 471 ann #f :Cannot join channel (+l)", "error", "#f: cannot join, channel is full"],
  [":s 401 ann zed :No such nick/channel", "error", "zed: no such nick or channel"],
  [":s 404 ann #m :Cannot send to channel", "error", "#m: cannot send to channel"],
  [":s 482 ann #c :You're not channel operator", "error", "#c: you are not a channel operator"],
  [":s 421 ann FOO :Unknown command", "error", "FOO: unknown command"],
  [":s 433 * ann :Nickname is already in use", "error", "ann: nickname is already in use"],
  [":s 464 ann :Password incorrect", "error", "password incorrect"],
  [":s 499 ann #c :Something odd", "error", "#c: Something odd"],
  [":s 001 ann :Welcome to the network ann", "server", "Welcome to the network ann"],
  [":s 372 ann :- the motd", "server", "- the motd"],
  [":s 254 ann 3 :channels formed", "server", "3 channels formed"],
  [":s 422 ann :MOTD File is missing", "server", "(no message of the day)"],
  [":s 332 ann #c :the topic", "event", "topic of #c: the topic"],
  [":s 353 ann = #c :@ann +bob carol", "event", "#c: @ann +bob carol"],
  [":s 311 ann bob ~b host * :Bob B", "event", "bob is ~b@host (Bob B)"],
  [":s 301 ann bob :gone fishing", "event", "bob is away: gone fishing"],
  [":s 306 ann :You have been marked as being away", "event", "you are marked as away"],
  [":s 322 ann #c 4 :chat here", "event", "#c (4 users) chat here"],
])("%s", (line, kind, text) => {
  expect(numericSentence(parseMessage(line)!)).toEqual({ kind: kind as "error", text });
});

test.each([
  [":s 366 ann #c :End of /NAMES list"],
  [":s 376 ann :End of MOTD"],
  [":s 005 ann A=1 :are supported"],
])("%s is not shown", (line) => {
  expect(numericSentence(parseMessage(line)!)).toBeNull();
});
