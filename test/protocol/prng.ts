/** A small seeded PRNG for property and fuzz tests, so any failure can be replayed from its seed. */

export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  below(n: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: 32-bit state, fast, and good enough to spread test inputs. */
export function prng(seed: number): Prng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number) => Math.floor(next() * n);
  return { next, below, pick: (items) => items[below(items.length)]! };
}

/** The seed from FUZZ_SEED when set (to replay a failure), else the given default. */
export function seedFromEnv(fallback: number): number {
  const raw = process.env.FUZZ_SEED;
  return raw === undefined || raw === "" ? fallback : Number(raw) >>> 0;
}
