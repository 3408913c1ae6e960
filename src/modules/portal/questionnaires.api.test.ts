// Cuestionarios over /api/v1/me/questionnaires, questionnaires asked because of a turno's specialty, and who may
// reach what: another patient's request is missing everywhere, no session is 401 (API) or the login (pages).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import type { Patient } from '../../platform/db/schema.js';
import { insertTurno } from '../scheduling/appointments.test-fixture.js';
import {
  api,
  defineQuestionnaire,
  EVERY_KIND,
  questionnaireCenter,
  requestIds,
} from './questionnaires.test-helpers.js';

interface Output {
  id: number;
  status: string;
  turno: { id: number; what: string | null } | null;
  submittedAt: string | null;
  questions: { id: number; kind: string; label: string; answer: string | null }[];
}

for (const dialect of testDialects()) {
  describe(`Cuestionarios: API, turnos y acceso (${dialect})`, () => {
    let t: TestApp;
    let c: Awaited<ReturnType<typeof questionnaireCenter>>;
    let ana: Patient;
    let beto: Patient;
    let admin: WebClient;
    let anaClient: WebClient;
    let betoClient: WebClient;
    let everyKind: { id: number; questionIds: number[] };
    let anaRequest = 0;

    before(async () => {
      t = await buildTestApp(dialect);
      c = await questionnaireCenter(t);
      ({ ana, beto } = c);
      admin = await WebClient.newStaff(t.app, t.ctx, { username: 'admin-api', role: 'admin' });
      everyKind = await defineQuestionnaire(admin, { title: 'Chequeo general', questions: EVERY_KIND });
      await admin.get(`/staff/pacientes/${ana.id}/cuestionarios`);
      const asked = await admin.post(`/staff/pacientes/${ana.id}/cuestionarios`, {
        questionnaireId: String(everyKind.id),
      });
      anaRequest = Number(/solicitud=(\d+)/.exec(location(asked))?.[1]);
      anaClient = await WebClient.loggedIn(t.app, t.ctx, ana.id);
      betoClient = await WebClient.loggedIn(t.app, t.ctx, beto.id);
    });
    after(() => t.close());

    test('the patient lists, saves a draft, gets per-question errors, sends once, and is refused a second time', async () => {
      const [text, choice, yesNo, date, scale] = everyKind.questionIds.map(String) as [
        string,
        string,
        string,
        string,
        string,
      ];
      const list = await api(t, anaClient, 'GET', '/me/questionnaires');
      assert.equal(list.statusCode, 200, list.body);
      const [first] = list.json() as Output[];
      assert.equal(first?.id, anaRequest);
      assert.equal(first?.status, 'pending');
      assert.deepEqual(
        first?.questions.map((q) => [q.kind, q.answer]),
        EVERY_KIND.map((q) => [q.kind, null]),
      );

      const draft = await api(t, anaClient, 'PUT', `/me/questionnaires/${anaRequest}/draft`, {
        answers: { [text]: 'Ninguna', [scale]: 15 },
      });
      assert.equal(draft.statusCode, 200, draft.body);
      const again = await api(t, anaClient, 'GET', `/me/questionnaires/${anaRequest}`);
      const saved = again.json() as Output;
      assert.equal(saved.status, 'draft');
      assert.equal(saved.questions[0]?.answer, 'Ninguna');
      assert.equal(saved.questions[4]?.answer, '15', 'a draft keeps what is there, even out of range');

      const invalid = await api(t, anaClient, 'POST', `/me/questionnaires/${anaRequest}/submit`, {
        answers: { [text]: 'Ninguna', [choice]: 'Todos los días', [date]: '2026-02-30', [scale]: 15 },
      });
      assert.equal(invalid.statusCode, 422, invalid.body);
      const error = (invalid.json() as { error: { code: string; details: { field: string; message: string }[] } })
        .error;
      assert.equal(error.code, 'QUESTIONNAIRE_INCOMPLETE');
      assert.deepEqual(
        error.details.map((d) => d.field),
        [`answers.${choice}`, `answers.${yesNo}`, `answers.${date}`, `answers.${scale}`],
      );
      assert.equal(error.details[3]?.message, 'Elegí un número entero del 0 al 10.');

      const sent = await api(t, anaClient, 'POST', `/me/questionnaires/${anaRequest}/submit`, {
        answers: { [text]: 'Ninguna', [choice]: 'Siempre', [yesNo]: true, [date]: '2026-10-01', [scale]: 3 },
      });
      assert.equal(sent.statusCode, 200, sent.body);
      const done = sent.json() as Output;
      assert.equal(done.status, 'submitted');
      assert.equal(done.submittedAt, '2026-11-23T12:00:00.000Z');
      assert.deepEqual(
        done.questions.map((q) => q.answer),
        ['Ninguna', 'Siempre', 'yes', '2026-10-01', '3'],
      );
      for (const [method, path] of [
        ['POST', 'submit'],
        ['PUT', 'draft'],
      ] as const) {
        const twice = await api(t, anaClient, method, `/me/questionnaires/${anaRequest}/${path}`, { answers: {} });
        assert.equal(twice.statusCode, 409, twice.body);
        assert.equal((twice.json() as { error: { code: string } }).error.code, 'QUESTIONNAIRE_ALREADY_SENT');
      }
      const bad = await api(t, anaClient, 'PUT', `/me/questionnaires/${anaRequest}/draft`, { answers: { uno: 'x' } });
      assert.equal(bad.statusCode, 400);
    });

    test('a questionnaire attached to a specialty is asked once per future turno of it; a cancelled turno drops it', async () => {
      const cardio = await defineQuestionnaire(admin, {
        title: 'Antes de cardiología',
        attach: `specialty:${c.seed.cardiology.id}`,
        questions: [{ kind: 'yes_no', label: '¿Tuviste dolor de pecho?', required: '1' }],
      });
      const db = t.ctx.database.db;
      const turno = (start: string, extra: Parameters<typeof insertTurno>[1] extends infer S ? Partial<S> : never) =>
        insertTurno(db, { patientId: beto.id, professionalId: c.seed.gonzalez.id, start, ...extra });
      const future = await turno('2026-11-30T13:00:00.000Z', { specialtyId: c.seed.cardiology.id });
      await turno('2026-11-02T13:00:00.000Z', { specialtyId: c.seed.cardiology.id });
      await turno('2026-12-01T13:00:00.000Z', { specialtyId: c.seed.cardiology.id, status: 'cancelled' });
      await turno('2026-12-02T13:00:00.000Z', { specialtyId: c.seed.dermatology.id });

      await betoClient.get('/portal/cuestionarios');
      await betoClient.get('/portal/cuestionarios');
      assert.match(
        betoClient.text(),
        /Para completar Antes de cardiología Antes de tu turno del lunes, 30 de noviembre de 2026 a las 10:00 \(Cardiología\)\. Completar/,
      );
      const ids = await requestIds(t, betoClient);
      assert.equal(ids.length, 1);
      await admin.get(`/staff/pacientes/${beto.id}/cuestionarios`);
      assert.match(admin.text(), /Antes de cardiología Para el turno del lunes, 30 de noviembre de 2026 a las 10:00/);
      const rows = await db.selectFrom('questionnaireRequests').selectAll().where('patientId', '=', beto.id).execute();
      assert.deepEqual(
        rows.map((r) => [r.questionnaireId, r.appointmentId, r.status]),
        [[cardio.id, future, 'pending']],
      );

      await db.updateTable('appointments').set({ status: 'cancelled' }).where('id', '=', future).execute();
      assert.deepEqual(await requestIds(t, betoClient), []);
      const gone = await betoClient.get(`/portal/cuestionarios/${ids[0]}`);
      assert.equal(gone.statusCode, 404);
    });

    test("another patient's request is missing on every page and endpoint; no session is the login or 401", async () => {
      const form = { accion: 'borrador', [`q-${everyKind.questionIds[0]}`]: 'hola' };
      await betoClient.get('/portal/cuestionarios');
      assert.equal((await betoClient.get(`/portal/cuestionarios/${anaRequest}`)).statusCode, 404);
      assert.equal((await betoClient.post(`/portal/cuestionarios/${anaRequest}`, form)).statusCode, 404);
      assert.equal((await api(t, betoClient, 'GET', `/me/questionnaires/${anaRequest}`)).statusCode, 404);
      const body = { answers: {} };
      assert.equal((await api(t, betoClient, 'PUT', `/me/questionnaires/${anaRequest}/draft`, body)).statusCode, 404);
      assert.equal((await api(t, betoClient, 'POST', `/me/questionnaires/${anaRequest}/submit`, body)).statusCode, 404);
      assert.equal((await api(t, betoClient, 'GET', '/me/questionnaires/999999')).statusCode, 404);

      const anon = new WebClient(t.app);
      for (const path of ['/portal/cuestionarios', `/portal/cuestionarios/${anaRequest}`]) {
        const res = await anon.get(path);
        assert.equal(res.statusCode, 303, path);
        assert.match(location(res), /^\/ingresar\?volver=/);
      }
      assert.equal((await api(t, null, 'GET', '/me/questionnaires')).statusCode, 401);
      assert.equal((await api(t, null, 'GET', `/me/questionnaires/${anaRequest}`)).statusCode, 401);
      assert.equal((await api(t, null, 'PUT', `/me/questionnaires/${anaRequest}/draft`, body)).statusCode, 401);
      assert.equal((await api(t, null, 'POST', `/me/questionnaires/${anaRequest}/submit`, body)).statusCode, 401);
    });

    test('a patient whose portal is not enabled is told so; a professional sees only patients of their turnos', async () => {
      const carla = await WebClient.loggedIn(t.app, t.ctx, c.carla.id);
      const page = await carla.get('/portal/cuestionarios');
      assert.equal(page.statusCode, 403);
      assert.match(carla.text(), /todavía no habilitó tu portal del paciente/);
      const res = await api(t, carla, 'GET', '/me/questionnaires');
      assert.equal(res.statusCode, 403);

      const pro = await WebClient.newStaff(t.app, t.ctx, {
        username: 'gonzalez-q',
        role: 'professional',
        professionalId: c.seed.gonzalez.id,
      });
      assert.equal((await pro.get(`/staff/pacientes/${beto.id}/cuestionarios`)).statusCode, 200);
      assert.equal((await pro.get(`/staff/pacientes/${ana.id}/cuestionarios`)).statusCode, 403);
    });
  });
}
