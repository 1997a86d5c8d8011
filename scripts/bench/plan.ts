/** Which scenario runs with which sizes: the full plan of issue 6, or the small `--quick` one. Pure. */

export interface BenchCase {
  /** A unique, readable name for the table, e.g. `fanout C=500 S=5`. */
  label: string;
  scenario: string;
  params: Record<string, number>;
}

export interface PlanOptions {
  quick: boolean;
  scenarios: readonly string[];
  /** Fanout sizes as [clients, senders]; null for the default ones. */
  sizes: readonly [number, number][] | null;
  /** Seconds of load per traffic scenario; null for the default. */
  seconds: number | null;
  /** Deliveries in flight in the as-fast-as-possible fanout; null for the default. */
  inFlight: number | null;
}

/** Enough to keep every server busy here, small enough that no peer's per-client write buffer overflows. */
export const DEFAULT_IN_FLIGHT = 65_536;

export const SCENARIO_ORDER = ["fanout-paced", "fanout", "pm", "connect", "join-storm", "churn"] as const;

const FULL_SIZES: [number, number][] = [
  [100, 10],
  [500, 5],
  [2000, 2],
];
const QUICK_SIZES: [number, number][] = [
  [50, 5],
  [200, 2],
];

/** "100x10,500x5" → [[100, 10], [500, 5]]; throws a one-line message on anything else. */
export function parseSizes(text: string): [number, number][] {
  return text.split(",").map((part) => {
    const m = /^(\d+)x(\d+)$/.exec(part.trim());
    const [clients, senders] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
    if (!m || senders < 1 || clients < senders + 2) {
      throw new Error(`bad size "${part}": expected CLIENTSxSENDERS with clients ≥ senders + 2, e.g. 100x10`);
    }
    return [clients, senders];
  });
}

export function buildPlan(options: PlanOptions): BenchCase[] {
  const q = options.quick;
  const seconds = options.seconds ?? (q ? 2 : 5);
  const drainSeconds = q ? 5 : 10;
  const sizes = options.sizes ?? (q ? QUICK_SIZES : FULL_SIZES);
  const [pacedClients, pacedSenders] = sizes[0] ?? [100, 10];
  const cases: Record<string, BenchCase[]> = {
    "fanout-paced": [
      {
        label: `fanout-paced C=${pacedClients} S=${pacedSenders} 1000/s`,
        scenario: "fanout-paced",
        params: { clients: pacedClients, senders: pacedSenders, rate: 1000, seconds, drainSeconds },
      },
    ],
    fanout: sizes.map(([clients, senders]) => ({
      label: `fanout C=${clients} S=${senders}`,
      scenario: "fanout",
      params: {
        clients,
        senders,
        rate: 0,
        inFlight: options.inFlight ?? DEFAULT_IN_FLIGHT,
        seconds,
        drainSeconds,
      },
    })),
    pm: [{ label: `pm ${q ? 10 : 50} pairs`, scenario: "pm", params: { pairs: q ? 10 : 50, seconds } }],
    connect: [
      {
        label: q ? "connect 500, 50 at a time" : "connect 5000, 200 at a time",
        scenario: "connect",
        params: { clients: q ? 500 : 5000, concurrency: q ? 50 : 200 },
      },
    ],
    "join-storm": [
      {
        label: q ? "join-storm 50 × 5" : "join-storm 200 × 20",
        scenario: "join-storm",
        params: { clients: q ? 50 : 200, channels: q ? 5 : 20 },
      },
    ],
    churn: [
      {
        label: `churn C=${q ? 50 : 100} S=${q ? 5 : 10} 1000/s, ${q ? 4 : 20} churning`,
        scenario: "churn",
        params: {
          clients: q ? 50 : 100,
          senders: q ? 5 : 10,
          rate: 1000,
          churners: q ? 4 : 20,
          seconds,
          drainSeconds,
        },
      },
    ],
  };
  return SCENARIO_ORDER.filter((s) => options.scenarios.includes(s)).flatMap((s) => cases[s] ?? []);
}
