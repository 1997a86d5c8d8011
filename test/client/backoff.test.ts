import { expect, test } from "bun:test";
import { reconnectDelay } from "../../src/client/backoff.ts";

test.each([
  [0, 0, 1000],
  [1, 0, 2000],
  [2, 0, 4000],
  [5, 0, 32_000],
  [6, 0, 60_000],
  [40, 0, 60_000],
  [0, 0.999, 1250],
  [10, 0.5, 67_500],
])("attempt %d, random %d → %d ms", (attempt, random, delay) => {
  expect(reconnectDelay(attempt, random)).toBe(delay);
});
