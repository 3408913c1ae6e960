// The test app on the small center of seedCenter, with an admin token: what every booking test starts from.
import type { DialectName } from '../../src/platform/db/dialect.js';
import { seedCenter } from './factories.js';
import { buildTestApp, type TestApp } from './test-app.js';

export type Seed = Awaited<ReturnType<typeof seedCenter>>;

export async function buildSeededApp(dialect: DialectName, options: Parameters<typeof buildTestApp>[1] = {}) {
  const t = await buildTestApp(dialect, options);
  const seed = await seedCenter(t.ctx.database.db);
  const admin = await t.auth('admin');
  return { t, seed, admin };
}

/** POST /api/v1/appointments with exactly this body. */
export function postBooking(t: TestApp, headers: Record<string, string>, body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/v1/appointments', headers, payload: body });
}

/** A booking with GONZALEZ for cardiology, Mon–Fri 08:00–12:00 every 20 minutes; the body adds or overrides. */
export function cardiology(seed: Seed, body: Record<string, unknown>) {
  return { professionalId: seed.gonzalez.id, specialtyId: seed.cardiology.id, ...body };
}
