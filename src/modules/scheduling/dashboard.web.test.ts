// The Tablero at /staff: figures counted by hand from the turnos below, charts a screen reader can read.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildSeededApp, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import type { AppointmentOrigin, AppointmentStatus } from '../../platform/db/schema.js';
import { insertTurno } from './appointments.test-fixture.js';

for (const dialect of testDialects()) {
  describe(`Tablero (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;

    const turno = (start: string, status: AppointmentStatus, origin: AppointmentOrigin = 'staff') =>
      insertTurno(t.ctx.database.db, {
        patientId: seed.patient.id,
        professionalId: seed.gonzalez.id,
        specialtyId: seed.cardiology.id,
        start,
        status,
        origin,
      });

    before(async () => {
      ({ t, seed } = await buildSeededApp(dialect));
      // Today, Monday 23 November: one of each status, two of them web.
      await turno('2026-11-23T08:00:00-03:00', 'present');
      await turno('2026-11-23T08:20:00-03:00', 'absent');
      await turno('2026-11-23T08:40:00-03:00', 'cancelled', 'web');
      await turno('2026-11-23T09:00:00-03:00', 'reserved', 'web');
      // Wednesday of this week, and the week before.
      await turno('2026-11-25T10:00:00-03:00', 'reserved');
      await turno('2026-11-16T08:00:00-03:00', 'absent');
      await turno('2026-11-16T08:20:00-03:00', 'cancelled');
      await turno('2026-11-17T08:20:00-03:00', 'cancelled');
    });
    after(() => t.close());

    test('reception sees today, the week, occupancy, the trend and the web share, as charts and as tables', async () => {
      const reception = await WebClient.newStaff(t.app, t.ctx, { username: 'recep', role: 'reception' });
      const res = await reception.get('/staff');
      assert.equal(res.statusCode, 200);
      const html = reception.html;
      const words = reception.text();
      assert.match(words, /Tablero Fecha de referencia .* Semana del 23\/11 al 29\/11/);
      assert.match(words, /Hoy 4 turnos Esta semana 5 turnos/);
      // GONZALEZ: 5 days × 12 slots, 4 held (the cancelled turno freed its own); the others' 4 + 8 + 40 are free.
      assert.match(words, /Ocupación de la agenda 4 % Turnos web 40 %/);
      assert.match(
        html,
        /<svg role="img" aria-labelledby="chart-today-title chart-today-desc"[^>]*><title id="chart-today-title">Turnos de hoy por estado<\/title><desc id="chart-today-desc">Hoy: 4 turnos \(reservados: 1, presentes: 1, ausentes: 1, cancelados: 1\)\.<\/desc>/,
      );
      assert.match(words, /Turnos de hoy por estado Estado Turnos Reservados 1 Presentes 1 Ausentes 1 Cancelados 1/);
      assert.match(
        words,
        /Profesional Ocupación ALVAREZ Ana 0 % \(0 de 4\) GONZALEZ José 7 % \(4 de 60\) PEREZ Ana 0 % \(0 de 8\) ZAPATA/,
      );
      assert.match(words, /Web 2 \(40 %\) Centro 3 \(60 %\)/);
      assert.match(words, /Semana del Cancelados Ausentes .* 16\/11 2 1 23\/11 1 1/);
      assert.match(html, /<th scope="row">16\/11<\/th><td>2<\/td><td>1<\/td>/);
      assert.equal((html.match(/<svg role="img"/g) ?? []).length, 5);

      const earlier = await reception.get('/staff?fecha=2026-11-17');
      assert.equal(earlier.statusCode, 200);
      assert.match(reception.text(), /Semana del 16\/11 al 22\/11 martes 17\/11 1 turno Esta semana 3 turnos/);
    });

    test('a professional has no Tablero: /staff sends them to their agenda', async () => {
      const doctor = await WebClient.newStaff(t.app, t.ctx, {
        username: 'drgonzalez',
        role: 'professional',
        professionalId: seed.gonzalez.id,
      });
      assert.equal(location(await doctor.get('/staff')), '/staff/turnos');
    });
  });
}
