import { performance } from 'node:perf_hooks';
import { formatInZone, offsetMinutes } from '../src/platform/time/zone.js';
const Z = 'America/Argentina/Buenos_Aires';
const base = Date.UTC(2026, 10, 23, 11, 0);
const times = Array.from({ length: 7500 }, (_, i) => base + (i % 150) * 1_200_000 + Math.floor(i / 150) * 86_400_000 * 0);
for (let r = 0; r < 5; r++) {
  let t = performance.now();
  for (const x of times) { formatInZone(Z, x); formatInZone(Z, x + 1_200_000); }
  const a = performance.now() - t;
  t = performance.now();
  for (const x of times) { offsetMinutes(Z, x); offsetMinutes(Z, x + 1_200_000); }
  const b = performance.now() - t;
  t = performance.now();
  for (const x of times) { new Date(x).toISOString().slice(0, 19); new Date(x + 1).toISOString().slice(0, 19); }
  const c = performance.now() - t;
  console.log('format', a.toFixed(2), 'offset', b.toFixed(2), 'toISOString', c.toFixed(2));
}
