// Target 2: the week of a specialty with every professional's slots, as the booking page asks for it.
import type { BenchConfig } from './config.js';
import type { LoadGenerator, LoadResult } from './load.js';
import { MEASURED_MONDAY } from './plan.js';

export interface AvailabilityFigures {
  url: string;
  responseBytes: number;
  professionals: number;
  slots: number;
  freeSlots: number;
  one: LoadResult;
  many: LoadResult;
}

interface WeekResponse {
  professionals: { slots: { free: boolean }[] }[];
}

export async function measureAvailability(
  cfg: BenchConfig,
  load: LoadGenerator,
  baseUrl: string,
  specialtyId: number,
): Promise<AvailabilityFigures> {
  const url = `${baseUrl}/api/v1/availability?specialtyId=${specialtyId}&from=${MEASURED_MONDAY}`;
  // Check once that the measured response is the full, half-booked week, not an error that happens to be fast.
  const response = await fetch(url);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`availability answered ${response.status}: ${text.slice(0, 300)}`);
  const week = JSON.parse(text) as WeekResponse;
  const slots = week.professionals.flatMap((p) => p.slots);

  await load.run({ kind: 'cannon', url, connections: cfg.connections, seconds: cfg.warmupSeconds });
  const one = await load.run({ kind: 'cannon', url, connections: 1, seconds: cfg.runSeconds });
  const many = await load.run({ kind: 'cannon', url, connections: cfg.connections, seconds: cfg.runSeconds });
  return {
    url,
    responseBytes: Buffer.byteLength(text),
    professionals: week.professionals.length,
    slots: slots.length,
    freeSlots: slots.filter((s) => s.free).length,
    one,
    many,
  };
}
