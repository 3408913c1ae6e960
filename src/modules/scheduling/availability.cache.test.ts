// The public week of free slots may come from memory for a moment; a write through the same process
// shows at once, a write by another process within the cache time, and the booking is always checked.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { insertPatient, seedCenter } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';

describe('availability cache', () => {
  let t: TestApp;
  let seed: Awaited<ReturnType<typeof seedCenter>>;
  let admin: Record<string, string>;
  const slot = '2026-11-24T10:00:00-03:00';
  before(async () => {
    t = await buildTestApp('sqlite', { availabilityCacheMs: 2000 });
    seed = await seedCenter(t.ctx.database.db);
    admin = await t.auth('admin');
  });
  after(() => t.close());

  const week = (headers: Record<string, string> = {}) =>
    t.app.inject({ url: `/api/v1/availability?specialtyId=${seed.cardiology.id}&from=2026-11-24&days=1`, headers });
  const isFree = (body: { professionals: Array<{ slots: Array<{ start: string; free: boolean }> }> }) =>
    body.professionals.flatMap((p) => p.slots).find((s) => s.start === slot)?.free;

  test('a booking made elsewhere shows once the cache time passes', async () => {
    assert.equal(isFree((await week()).json()), true);
    const patient = await insertPatient(t.ctx.database.db);
    // Another process booked it: this process did not see the write.
    await t.ctx.database.db
      .insertInto('appointments')
      .values({
        professionalId: seed.gonzalez.id,
        specialtyId: seed.cardiology.id,
        patientId: patient.id,
        startsAt: '2026-11-24T13:00:00.000Z',
        endsAt: '2026-11-24T13:20:00.000Z',
        status: 'reserved',
        origin: 'staff',
        typeLabel: 'NORMAL',
        bookedAt: '2026-11-23T12:00:00.000Z',
        bookedBy: 'otro proceso',
        updatedAt: '2026-11-23T12:00:00.000Z',
      })
      .execute();
    assert.equal(isFree((await week()).json()), true, 'still served from memory');
    const staffView = await t.app.inject({
      url: `/api/v1/availability?specialtyId=${seed.cardiology.id}&from=2026-11-24&days=1&origin=staff`,
      headers: admin,
    });
    assert.equal(isFree(staffView.json()), false, 'staff views are never cached');
    t.clock.advance(2001);
    assert.equal(isFree((await week()).json()), false);
  });

  test('a write through this process clears the cache at once', async () => {
    const next = '2026-11-24T10:20:00-03:00';
    const free = () =>
      week().then(
        (r) =>
          r
            .json()
            .professionals.flatMap((p: { slots: unknown[] }) => p.slots)
            .find((s: { start: string }) => s.start === next)?.free,
      );
    assert.equal(await free(), true);
    const patient = await insertPatient(t.ctx.database.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: admin,
      payload: {
        professionalId: seed.gonzalez.id,
        specialtyId: seed.cardiology.id,
        patientId: patient.id,
        start: next,
      },
    });
    assert.equal(res.statusCode, 201);
    assert.equal(await free(), false);
  });

  test('browsers get the week gzipped, with the same content', async () => {
    const plain = await week();
    const zipped = await week({ 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(zipped.headers.vary, 'accept-encoding');
    assert.ok(zipped.rawPayload.length < plain.rawPayload.length);
    assert.deepEqual(JSON.parse(gunzipSync(zipped.rawPayload).toString()), plain.json());
  });
});
