/** How long to wait before the next reconnect attempt. Pure. */

export const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 60_000;

/**
 * 1 s, 2 s, 4 s … up to 60 s, each stretched by up to +25% jitter so clients dropped together
 * do not all come back in the same second. `random` is in [0, 1).
 */
export function reconnectDelay(attempt: number, random: number): number {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(attempt, 16));
  return Math.round(base * (1 + 0.25 * random));
}
