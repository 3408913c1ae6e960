// The portal's home and Citas, as a patient sees them, and GET /api/v1/me/appointments?scope= behind Citas.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPatient, seedCenter } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import type { AppointmentStatus, Patient } from '../../platform/db/schema.js';
import { insertTurno } from '../scheduling/appointments.test-fixture.js';

/** The part of the page between two markers (a section's heading and the next one). */
function between(html: string, start: string, end?: string): string {
  const from = html.indexOf(start);
  assert.ok(from >= 0, `the page has no ${start}`);
  const to = end === undefined ? html.length : html.indexOf(end, from);
  return html.slice(from, to < 0 ? html.length : to);
}

const tilesOf = (html: string) => between(html, '<ul class="portal-tiles"', '</ul>');

for (const dialect of testDialects()) {
  describe(`Portal: inicio y Citas (${dialect})`, () => {
    let t: TestApp;
    let seed: Awaited<ReturnType<typeof seedCenter>>;
    let ana: Patient;
    let beto: Patient;
    let carla: Patient;
    const anaTurnos: Record<string, number> = {};
    let betoTurno = 0;

    const db = () => t.ctx.database.db;
    const enablePortal = (id: number) =>
      db().updateTable('patients').set({ portalEnabled: 1 }).where('id', '=', id).execute();
    const setWebBooking = (on: boolean) =>
      db()
        .updateTable('centerSettings')
        .set({ webBookingEnabled: on ? 1 : 0 })
        .execute();
    const turno = (patientId: number, start: string, status: AppointmentStatus = 'reserved') =>
      insertTurno(db(), {
        patientId,
        professionalId: seed.gonzalez.id,
        specialtyId: seed.cardiology.id,
        start,
        status,
      });

    before(async () => {
      t = await buildTestApp(dialect);
      seed = await seedCenter(db());
      ana = await insertPatient(db(), { lastName: 'ANA' });
      beto = await insertPatient(db(), { lastName: 'BETO' });
      carla = await insertPatient(db(), { lastName: 'CARLA' });
      await enablePortal(ana.id);
      await enablePortal(beto.id);
      // The clock says Monday 2026-11-23 09:00 in Buenos Aires.
      anaTurnos.absent = await turno(ana.id, '2026-11-16T10:00:00-03:00', 'absent');
      anaTurnos.present = await turno(ana.id, '2026-11-20T10:00:00-03:00', 'present');
      anaTurnos.earlierToday = await turno(ana.id, '2026-11-23T08:00:00-03:00');
      anaTurnos.tomorrow = await turno(ana.id, '2026-11-24T10:00:00-03:00');
      anaTurnos.cancelled = await turno(ana.id, '2026-11-25T10:00:00-03:00', 'cancelled');
      anaTurnos.nextWeek = await turno(ana.id, '2026-11-30T11:00:00-03:00');
      betoTurno = await turno(beto.id, '2026-11-24T11:00:00-03:00');
    });
    after(() => t.close());

    test('without a session /portal and /portal/citas send to log in', async () => {
      const client = new WebClient(t.app);
      for (const path of ['/portal', '/portal/citas']) {
        const res = await client.get(path);
        assert.equal(res.statusCode, 303, path);
        assert.equal(location(res), `/ingresar?volver=${encodeURIComponent(path)}`);
      }
    });

    test('a patient whose portal is not enabled is told so and what to do', async () => {
      const client = await WebClient.loggedIn(t.app, t.ctx, carla.id);
      for (const path of ['/portal', '/portal/citas']) {
        const res = await client.get(path);
        assert.equal(res.statusCode, 403, path);
        assert.match(client.text(), /Tu portal todavía no está habilitado/);
        assert.match(client.text(), /Pedile al centro que habilite el «Portal del paciente» en tu ficha/);
        assert.doesNotMatch(client.html, /class="portal-tiles"/);
      }
    });

    test('the home greets the patient, says the next turno and shows a tile per section', async () => {
      const client = await WebClient.loggedIn(t.app, t.ctx, ana.id);
      const res = await client.get('/portal');
      assert.equal(res.statusCode, 200);
      assert.match(client.text(), /Hola, Test/);
      assert.match(client.text(), /Tu próxima cita: martes 24\/11 10:00, con/);
      const tiles = tilesOf(client.html);
      for (const [href, name] of [
        ['/turnos/nuevo', 'Cita online'],
        ['/portal/citas', 'Citas'],
        ['/portal/documentos', 'Documentos del paciente'],
        ['/portal/cuestionarios', 'Cuestionarios'],
        ['/portal/facturas', 'Mis facturas'],
        ['/portal/token', 'Generar token'],
        ['/portal/credencial', 'Mi credencial'],
        ['/portal/perfil', 'Perfil del usuario'],
      ]) {
        assert.match(tiles, new RegExp(`href="${href}"><strong class="tile-title">${name}</strong>`), name);
      }
      // No photo yet: no broken image.
      assert.doesNotMatch(client.html, /\/portal\/perfil\/foto/);
      assert.doesNotMatch(client.text(), /Ya podés usar tu portal/);
    });

    test('the home counts what waits: questionnaires to fill in, invoices due, documents', async () => {
      const now = new Date(t.clock.now()).toISOString();
      const q = await db()
        .insertInto('questionnaires')
        .values({ title: 'Antecedentes', specialtyId: null, studyId: null, createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const request = (patientId: number, status: 'pending' | 'draft' | 'submitted') => ({
        questionnaireId: q.id,
        patientId,
        appointmentId: null,
        status,
        requestedBy: 'test',
        requestedAt: now,
      });
      await db()
        .insertInto('questionnaireRequests')
        .values([request(ana.id, 'pending'), request(ana.id, 'draft'), request(ana.id, 'submitted')])
        .execute();
      await db().insertInto('questionnaireRequests').values(request(beto.id, 'pending')).execute();
      const invoice = (number: number, patientId: number, status: 'due' | 'paid' | 'void') => ({
        number,
        patientId,
        appointmentId: null,
        issuedOn: '2026-11-20',
        customerName: 'Test',
        customerDni: '1',
        insurerId: null,
        insurerCents: 0,
        patientCents: 100_00,
        totalCents: 100_00,
        status,
        paidAt: null,
        createdByRef: 'test',
        createdByName: 'test',
        createdAt: now,
        updatedAt: now,
      });
      await db()
        .insertInto('invoices')
        .values([invoice(9001, ana.id, 'due'), invoice(9002, ana.id, 'paid'), invoice(9003, beto.id, 'due')])
        .execute();

      const client = await WebClient.loggedIn(t.app, t.ctx, ana.id);
      await client.get('/portal');
      assert.doesNotMatch(tilesOf(client.html), /Documentos del paciente<\/strong><span class="tile-badge">/);
      await db()
        .insertInto('patientDocuments')
        .values({
          patientId: ana.id,
          appointmentId: null,
          source: 'center',
          category: 'report',
          fileName: 'informe.pdf',
          mediaType: 'application/pdf',
          sizeBytes: 10,
          sha256: 'x',
          storageKey: 'clave-de-prueba-0001',
          uploadedByRef: 'test',
          uploadedByName: 'test',
          createdAt: now,
        })
        .execute();
      await client.get('/portal');
      const tiles = tilesOf(client.html);
      assert.match(tiles, /Cuestionarios<\/strong><span class="tile-badge">2 para completar</);
      assert.match(tiles, /Mis facturas<\/strong><span class="tile-badge">1 a pagar</);
      assert.match(tiles, /Documentos del paciente<\/strong><span class="tile-badge">1 documento</);
    });

    test('Cita online is not offered while the center has web booking off', async () => {
      await setWebBooking(false);
      try {
        const client = await WebClient.loggedIn(t.app, t.ctx, ana.id);
        await client.get('/portal');
        assert.doesNotMatch(tilesOf(client.html), /turnos\/nuevo|Cita online/);
        assert.doesNotMatch(between(client.html, '<nav aria-label="Secciones del portal"', '</nav>'), /Cita online/);
        await client.get('/portal/citas');
        assert.doesNotMatch(client.text(), /Pedir una cita/);
      } finally {
        await setWebBooking(true);
      }
    });

    test('the first access lands on a welcome notice', async () => {
      const client = await WebClient.loggedIn(t.app, t.ctx, ana.id);
      await client.get('/portal?bienvenida=1');
      assert.match(client.html, /<p class="ok" role="status">Ya podés usar tu portal/);
    });

    test('Citas: pending soonest first with their actions, the rest newest first, each with its status', async () => {
      const client = await WebClient.loggedIn(t.app, t.ctx, ana.id);
      const res = await client.get('/portal/citas');
      assert.equal(res.statusCode, 200);
      const pending = between(client.html, 'id="pending-title"', 'id="past-title"');
      const past = between(client.html, 'id="past-title"');
      const order = (html: string) => [...html.matchAll(/id="cita-(\d+)"/g)].map((m) => Number(m[1]));
      assert.deepEqual(order(pending), [anaTurnos.tomorrow, anaTurnos.nextWeek]);
      assert.deepEqual(order(past), [anaTurnos.cancelled, anaTurnos.earlierToday, anaTurnos.present, anaTurnos.absent]);
      assert.match(pending, /martes, 24 de noviembre de 2026, 10:00/);
      assert.match(pending, /<dt>Estado<\/dt><dd>reservado<\/dd>/);
      assert.match(pending, /GONZALEZ/);
      assert.match(pending, /<dt>Especialidad<\/dt><dd>Cardiología<\/dd>/);
      assert.match(pending, new RegExp(`href="/mis-turnos/${anaTurnos.tomorrow}/cancelar"`));
      assert.match(pending, new RegExp(`href="/turnos/${anaTurnos.tomorrow}/comprobante.pdf"`));
      for (const word of ['cancelado', 'presente', 'ausente', 'reservado']) {
        assert.match(past, new RegExp(`<dt>Estado</dt><dd>${word}</dd>`), word);
      }
      // Past turnos are only shown, not acted on.
      assert.doesNotMatch(past, /cancelar"|comprobante\.pdf/);
      assert.doesNotMatch(client.html, new RegExp(`cita-${betoTurno}"|/${betoTurno}/`));
    });

    test('Citas pages the past turnos, 20 at a time', async () => {
      const dana = await insertPatient(db(), { lastName: 'DANA' });
      await enablePortal(dana.id);
      const ids: number[] = [];
      for (let day = 1; day <= 21; day++) {
        ids.push(await turno(dana.id, `2026-10-${String(day).padStart(2, '0')}T10:00:00-03:00`, 'present'));
      }
      const client = await WebClient.loggedIn(t.app, t.ctx, dana.id);
      await client.get('/portal/citas');
      assert.equal([...client.html.matchAll(/id="cita-/g)].length, 20);
      assert.match(client.html, /href="\/portal\/citas\?pagina=2">Ver citas más antiguas/);
      await client.get('/portal/citas?pagina=2');
      assert.deepEqual(
        [...client.html.matchAll(/id="cita-(\d+)"/g)].map((m) => Number(m[1])),
        [ids[0]],
      );
      assert.doesNotMatch(client.html, /id="pending-title"/);
      assert.match(client.html, /href="\/portal\/citas">‹ Ver citas más recientes/);
    });

    test('the home and Citas are in English for a patient who chose English', async () => {
      const client = await WebClient.loggedIn(t.app, t.ctx, ana.id);
      client.cookies.set('turnero_idioma', 'en');
      await client.get('/portal');
      assert.match(client.text(), /Hello, Test/);
      assert.match(client.text(), /Book online/);
      await client.get('/portal/citas');
      assert.match(client.text(), /Upcoming appointments/);
      assert.match(client.html, /<dt>Status<\/dt><dd>attended<\/dd>/);
    });

    describe('GET /api/v1/me/appointments', () => {
      const call = async (patientId: number | null, query = '') => {
        const cookie =
          patientId === null
            ? ''
            : [...(await WebClient.loggedIn(t.app, t.ctx, patientId)).cookies].map(([k, v]) => `${k}=${v}`).join('; ');
        return t.app.inject({ method: 'GET', url: `/api/v1/me/appointments${query}`, headers: { cookie } });
      };

      test('scope=pending and scope=past give what Citas shows, in the same order', async () => {
        const pending = await call(ana.id, '?scope=pending');
        assert.equal(pending.statusCode, 200, pending.body);
        assert.deepEqual(
          pending.json().map((a: { id: number }) => a.id),
          [anaTurnos.tomorrow, anaTurnos.nextWeek],
        );
        const past = await call(ana.id, '?scope=past');
        assert.deepEqual(
          past.json().map((a: { id: number; status: string }) => [a.id, a.status]),
          [
            [anaTurnos.cancelled, 'cancelled'],
            [anaTurnos.earlierToday, 'reserved'],
            [anaTurnos.present, 'present'],
            [anaTurnos.absent, 'absent'],
          ],
        );
        assert.deepEqual((await call(ana.id, '?scope=past&page=2')).json(), []);
      });

      test('without scope it lists every turno, newest first, as before', async () => {
        const all = await call(ana.id);
        assert.equal(all.statusCode, 200);
        const ids = all.json().map((a: { id: number }) => a.id);
        assert.equal(ids.length, 6);
        assert.equal(ids[0], anaTurnos.nextWeek);
        assert.ok(!ids.includes(betoTurno));
      });

      test('a wrong scope is a 400 naming it; no session is a 401', async () => {
        const bad = await call(ana.id, '?scope=todos');
        assert.equal(bad.statusCode, 400);
        assert.match(bad.body, /scope/);
        const anonymous = await call(null, '?scope=pending');
        assert.equal(anonymous.statusCode, 401);
      });
    });
  });
}
