// Sizes and durations of one benchmark run. BENCH_QUICK=1 is a smoke test of the benchmark itself,
// not a measurement: its figures are too short-lived to compare with the targets.

export interface BenchConfig {
  quick: boolean;
  professionals: number;
  appointments: number;
  patients: number;
  /** Seconds of each measured autocannon run. */
  runSeconds: number;
  /** Seconds of the unmeasured run before each measured one, so the JIT and caches are warm. */
  warmupSeconds: number;
  connections: number;
  /** Free future slots the generated center must keep for the booking run (it stops early if they run out). */
  bookableSlots: number;
  /** Bookings sent, unmeasured, before the measured booking run. */
  warmupBookings: number;
  raceRequests: number;
  /** Seconds of single-row inserts in the raw SQLite baseline. */
  rawInsertSeconds: number;
}

export const targets = {
  availabilityP50Ms: 5,
  availabilityP99Ms: 20,
  availabilityPerSecond: 2_000,
  bookingsPerSecond: 1_000,
} as const;

export function benchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const quick = env.BENCH_QUICK === '1';
  return quick
    ? {
        quick,
        professionals: 5,
        appointments: 5_000,
        patients: 300,
        runSeconds: 2,
        warmupSeconds: 0.5,
        connections: 32,
        bookableSlots: 3_000,
        warmupBookings: 200,
        raceRequests: 500,
        rawInsertSeconds: 0.5,
      }
    : {
        quick,
        professionals: 50,
        appointments: 100_000,
        patients: 3_000,
        runSeconds: 10,
        warmupSeconds: 2,
        connections: 32,
        bookableSlots: 40_000,
        warmupBookings: 1_000,
        raceRequests: 500,
        rawInsertSeconds: 2,
      };
}
