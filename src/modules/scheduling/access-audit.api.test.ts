// Ley 25.326: each staff read or change of a patient's data through the API leaves one audit row naming
// who, what, which patient and from where; the patient's own actions leave none.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildSeededApp, cardiology, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';
import { createApiToken } from '../staff/api-tokens.service.js';

for (const dialect of testDialects()) {
  describe(`audit of staff access through the API (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let tokenId: number;
    let staff: Record<string, string>;

    before(async () => {
      ({ t, seed } = await buildSeededApp(dialect));
      const { id, token } = await createApiToken(t.ctx, { name: 'recepción', role: 'reception' });
      tokenId = id;
      staff = { authorization: `Bearer ${token}` };
    });
    after(() => t.close());

    const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
      const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: staff, ...(payload ? { payload } : {}) });
      assert.ok(res.statusCode < 300, `${method} ${url}: ${res.body}`);
      return res.statusCode === 204 ? null : res.json();
    };
    const rows = () => t.ctx.database.db.selectFrom('auditLog').selectAll().orderBy('id').execute();

    test('every staff action on a patient or a turno is one row: who, what, which patient and turno, from where', async () => {
      const patient = await call('POST', '/patients', { dni: '30111222', lastName: 'Auditada', firstName: 'Ana' });
      const p = patient.id as number;
      await call('GET', '/patients?dni=30.111.222');
      await call('GET', `/patients/${p}`);
      await call('PATCH', `/patients/${p}`, { mobile: '11 4444-5555' });
      const a = (
        await call('POST', '/appointments', cardiology(seed, { patientId: p, start: '2026-11-23T10:00:00-03:00' }))
      ).id;
      await call('GET', `/appointments/${a}`);
      await call('GET', `/appointments?patientId=${p}&from=2026-11-23`);
      await call('PATCH', `/appointments/${a}`, { reason: 'Dolor de pecho' });
      await call('PATCH', `/appointments/${a}`, { status: 'present' });
      const b = (
        await call('POST', '/appointments', cardiology(seed, { patientId: p, start: '2026-11-23T10:20:00-03:00' }))
      ).id;
      await call('POST', `/appointments/${b}/reschedule`, { start: '2026-11-23T10:40:00-03:00' });
      await call('POST', `/appointments/${b}/cancel`);
      // Turno a has its attendance recorded and stays; the cancelled b may go.
      await call('DELETE', `/appointments/${b}`);
      const over = (
        await call(
          'POST',
          '/appointments',
          cardiology(seed, { patientId: p, start: '2026-11-23T11:00:00-03:00', overbook: true }),
        )
      ).id;
      await call('GET', `/day-agenda?date=2026-11-23&professionalId=${seed.gonzalez.id}`);
      // A refused change leaves no row: the DNI is taken.
      const dup = await t.app.inject({
        method: 'POST',
        url: '/api/v1/patients',
        headers: staff,
        payload: { dni: '30111222', lastName: 'Otra', firstName: 'Ana' },
      });
      assert.equal(dup.statusCode, 409);

      const logged = (await rows()).filter((r) => r.actorRef === `token:${tokenId}`);
      assert.deepEqual(
        logged.map((r) => [r.action, r.patientId, r.target, r.detail]),
        [
          ['patient.create', p, '', ''],
          ['patient.search', null, '', 'dni=30111222'],
          ['patient.read', p, '', ''],
          ['patient.update', p, '', 'mobile'],
          ['appointment.create', p, `turno:${a}`, ''],
          ['appointment.read', p, `turno:${a}`, ''],
          ['appointment.list', p, '', `patientId=${p} from=2026-11-23 limit=200 offset=0`],
          ['appointment.update', p, `turno:${a}`, 'motivo'],
          ['appointment.attendance', p, `turno:${a}`, 'reserved → present'],
          ['appointment.create', p, `turno:${b}`, ''],
          [
            'appointment.update',
            p,
            `turno:${b}`,
            'reprogramado de 2026-11-23T10:20:00-03:00 a 2026-11-23T10:40:00-03:00',
          ],
          ['appointment.cancel', p, `turno:${b}`, ''],
          ['appointment.delete', p, `turno:${b}`, ''],
          ['appointment.create', p, `turno:${over}`, 'sobreturno'],
          ['appointment.list', null, '', `agenda del día date=2026-11-23 professionalId=${seed.gonzalez.id}`],
        ],
      );
      for (const r of logged) {
        assert.equal(r.actorName, 'api:recepción');
        assert.equal(r.ip, '127.0.0.1');
        assert.equal(Date.parse(r.at), t.clock.now());
      }
    });

    test("a patient's own actions through the web session leave no row", async () => {
      const client = await WebClient.loggedIn(t.app, t.ctx, seed.patient.id);
      const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const me = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
        const res = await t.app.inject({
          method,
          url: `/api/v1${url}`,
          headers: { cookie },
          ...(payload ? { payload } : {}),
        });
        assert.ok(res.statusCode < 300, `${method} ${url}: ${res.body}`);
        return res.json();
      };
      const before = (await rows()).length;
      await me('GET', '/me');
      await me('PATCH', '/me', { address: 'Mitre 123' });
      const booked = await me('POST', '/me/appointments', {
        professionalId: seed.gonzalez.id,
        specialtyId: seed.cardiology.id,
        start: '2026-11-24T08:00:00-03:00',
        reason: 'Control',
      });
      await me('GET', '/me/appointments');
      await me('GET', `/me/appointments/${booked.id}`);
      await me('PATCH', `/me/appointments/${booked.id}`, { reason: 'Control anual' });
      await me('POST', `/me/appointments/${booked.id}/cancel`, {});
      assert.equal((await rows()).length, before);
    });
  });
}
