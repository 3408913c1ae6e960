// Cuestionarios end to end through the pages: an admin defines one with every kind of question, reception asks
// it of a patient, the patient saves a draft, is told what is missing, sends it once; staff read the answers
// and their PDF, and each read is in the audit log.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditTrail } from '../../../test/support/audit-log.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import type { Patient } from '../../platform/db/schema.js';
import { defineQuestionnaire, EVERY_KIND, pdfText, questionnaireCenter } from './questionnaires.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`Cuestionarios (${dialect})`, () => {
    let t: TestApp;
    let ana: Patient;
    let admin: WebClient;
    let desk: WebClient;
    let patient: WebClient;
    let questionnaire: { id: number; questionIds: number[] };
    let requestId = 0;
    const field = (i: number) => `q-${questionnaire.questionIds[i]}`;

    before(async () => {
      t = await buildTestApp(dialect);
      ({ ana } = await questionnaireCenter(t));
      admin = await WebClient.newStaff(t.app, t.ctx, { username: 'admin-q', role: 'admin' });
      desk = await WebClient.newStaff(t.app, t.ctx, { username: 'recepcion-q', role: 'reception' });
      patient = await WebClient.loggedIn(t.app, t.ctx, ana.id);
    });
    after(() => t.close());

    test('an admin defines a questionnaire with every kind of question; mistakes keep what was typed', async () => {
      await admin.get('/staff/portal/cuestionarios/nuevo');
      const bad = await admin.post('/staff/portal/cuestionarios/nuevo', { title: '  ', intro: 'Hola', attach: '' });
      assert.equal(bad.statusCode, 400);
      assert.match(admin.text(), /Completá este dato: es obligatorio\./);
      assert.match(admin.html, /<textarea id="f-intro"[^>]*>Hola<\/textarea>/);

      questionnaire = await defineQuestionnaire(admin, {
        title: 'Antes de la consulta',
        intro: 'Respondé con tranquilidad.',
        questions: EVERY_KIND,
      });
      const page = await admin.get(`/staff/portal/cuestionarios/${questionnaire.id}`);
      assert.equal(page.statusCode, 200);
      for (const q of EVERY_KIND) assert.ok(admin.text().includes(q.label), q.label);
      assert.match(admin.text(), /Opción múltiple — opcional — Nunca · A veces · Siempre/);
      assert.match(admin.text(), /Escala — obligatoria — 0–10/);

      // A choice with one option is refused next to the field, the rest as typed.
      const base = `/staff/portal/cuestionarios/${questionnaire.id}/preguntas`;
      await admin.get(`${base}/nueva`);
      const oneOption = await admin.post(`${base}/nueva`, { kind: 'choice', label: '¿Color?', choices: 'Rojo' });
      assert.equal(oneOption.statusCode, 400);
      assert.match(admin.text(), /Escribí al menos dos opciones, una por renglón\./);
      assert.match(admin.html, /<textarea id="f-choices"[^>]*aria-invalid="true"[^>]*>Rojo<\/textarea>/);

      // Up and down without JavaScript: the scale goes first, then back last.
      const scaleId = questionnaire.questionIds[4] as number;
      for (let i = 0; i < 4; i++) assert.equal((await admin.post(`${base}/${scaleId}/subir`)).statusCode, 303);
      await admin.get(`/staff/portal/cuestionarios/${questionnaire.id}`);
      assert.match(admin.text(), /Preguntas .*¿Cuánto dolor sentís hoy\?.*¿Qué medicación tomás\?/);
      for (let i = 0; i < 4; i++) await admin.post(`${base}/${scaleId}/bajar`);
      await admin.get(`/staff/portal/cuestionarios/${questionnaire.id}`);
      assert.match(admin.text(), /¿Cuándo fue tu último análisis\?.*¿Cuánto dolor sentís hoy\?/);

      await admin.get('/staff/portal/cuestionarios');
      assert.match(admin.text(), /Antes de la consulta — Sí 5 0/);
    });

    test('reception asks it of the patient once; a second request while pending is refused', async () => {
      const tab = `/staff/pacientes/${ana.id}/cuestionarios`;
      const res = await desk.get(tab);
      assert.equal(res.statusCode, 200);
      assert.match(desk.html, /<a href="\/staff\/pacientes\/\d+\/cuestionarios" aria-current="page">/);
      const asked = await desk.post(tab, { questionnaireId: String(questionnaire.id) });
      assert.equal(asked.statusCode, 303);
      requestId = Number(/solicitud=(\d+)/.exec(location(asked))?.[1]);
      await desk.follow(asked);
      assert.match(desk.text(), /Le pediste el cuestionario «Antes de la consulta»\./);
      assert.match(desk.text(), /Antes de la consulta Pedido desde la ficha Pendiente/);

      const again = await desk.post(tab, { questionnaireId: String(questionnaire.id) });
      assert.equal(again.statusCode, 409);
      assert.match(desk.text(), /ya tiene pendiente el cuestionario «Antes de la consulta»/);
      const none = await desk.post(tab, { questionnaireId: '' });
      assert.equal(none.statusCode, 400);
      assert.match(desk.text(), /Elegí un cuestionario de la lista\./);
      const count = await t.ctx.database.db
        .selectFrom('questionnaireRequests')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('patientId', '=', ana.id)
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1);
    });

    test('the patient saves a draft, comes back to it filled, and is told what is missing when sending', async () => {
      await patient.get('/portal/cuestionarios');
      assert.match(patient.text(), /Para completar Antes de la consulta Completar/);
      const form = await patient.get(`/portal/cuestionarios/${requestId}`);
      assert.equal(form.statusCode, 200);
      assert.match(patient.html, /<nav aria-label="Secciones del portal"/);
      assert.match(
        patient.html,
        new RegExp(
          `<label for="f-${field(0)}">1\\. ¿Qué medicación tomás\\? <span class="q-required">\\(obligatoria\\)`,
        ),
      );
      assert.match(patient.html, new RegExp(`<textarea id="f-${field(0)}" name="${field(0)}" required`));
      assert.match(patient.html, new RegExp(`<input type="radio" id="f-${field(2)}-0" name="${field(2)}" value="yes"`));
      assert.match(patient.html, new RegExp(`<input id="f-${field(3)}" name="${field(3)}"[^>]*type="date"`));
      assert.match(patient.html, new RegExp(`<label for="f-${field(4)}-10">10</label>`));
      assert.match(patient.text(), /Guardar borrador Enviar/);

      const draft = await patient.post(`/portal/cuestionarios/${requestId}`, {
        accion: 'borrador',
        [field(0)]: 'Enalapril 10 mg',
        [field(1)]: 'A veces',
      });
      assert.equal(draft.statusCode, 303);
      await patient.follow(draft);
      assert.match(patient.text(), /Guardamos tu borrador/);
      assert.match(patient.html, new RegExp(`<textarea id="f-${field(0)}"[^>]*>Enalapril 10 mg</textarea>`));
      assert.match(patient.html, /value="A veces" checked/);
      await patient.get('/portal/cuestionarios');
      assert.match(patient.text(), /Borradores Antes de la consulta Borrador guardado el 23\/11\/2026 09:00/);

      const missing = await patient.post(`/portal/cuestionarios/${requestId}`, {
        accion: 'enviar',
        [field(0)]: 'Enalapril 10 mg',
        [field(1)]: 'A veces',
        [field(3)]: '31/02/2026',
        [field(4)]: '',
      });
      assert.equal(missing.statusCode, 422);
      assert.match(patient.text(), /Hay 3 respuestas para revisar/);
      assert.match(patient.html, new RegExp(`<a href="#f-${field(2)}">3\\. ¿Sos alérgico a algún medicamento\\?</a>`));
      assert.match(patient.html, new RegExp(`id="f-${field(2)}-error">Respondé esta pregunta: es obligatoria\\.`));
      assert.match(patient.text(), /Escribí una fecha válida, por ejemplo 23\/11\/2026\./);
      assert.match(patient.html, new RegExp(`<textarea id="f-${field(0)}"[^>]*>Enalapril 10 mg</textarea>`));
      assert.match(patient.html, /value="31\/02\/2026"/);
    });

    test('the patient sends it once: read only afterwards, a second send is refused and changes nothing', async () => {
      const answers = {
        [field(0)]: 'Enalapril 10 mg',
        [field(1)]: 'A veces',
        [field(2)]: 'no',
        [field(3)]: '2026-10-01',
        [field(4)]: '7',
      };
      const sent = await patient.post(`/portal/cuestionarios/${requestId}`, { accion: 'enviar', ...answers });
      assert.equal(sent.statusCode, 303);
      await patient.follow(sent);
      assert.match(patient.text(), /¡Gracias! Enviaste el cuestionario al centro\./);
      assert.match(patient.text(), /Enviado el 23\/11\/2026 09:00\./);
      assert.match(patient.text(), /¿Sos alérgico a algún medicamento\? No/);
      assert.doesNotMatch(patient.html, /<textarea/);

      const twice = await patient.post(`/portal/cuestionarios/${requestId}`, {
        accion: 'enviar',
        ...answers,
        [field(0)]: 'Otra cosa',
      });
      assert.equal(twice.statusCode, 409);
      assert.match(patient.text(), /Este cuestionario ya se envió: no se puede cambiar ni enviar otra vez\./);
      assert.match(patient.text(), /Enalapril 10 mg/);
      assert.doesNotMatch(patient.text(), /Otra cosa/);
      await patient.get('/portal/cuestionarios');
      assert.match(patient.text(), /Enviados Antes de la consulta Enviado el 23\/11\/2026 09:00\. Ver respuestas/);
    });

    test('staff read the answers on the record and as PDF; every read is audited', async () => {
      await desk.get(`/staff/pacientes/${ana.id}/cuestionarios`);
      assert.match(
        desk.text(),
        /Antes de la consulta Pedido desde la ficha Enviado 23\/11\/2026 09:00 23\/11\/2026 09:00/,
      );
      const detail = await desk.get(`/staff/pacientes/${ana.id}/cuestionarios/${requestId}`);
      assert.equal(detail.statusCode, 200);
      assert.match(desk.text(), /1\. ¿Qué medicación tomás\? Enalapril 10 mg/);
      assert.match(desk.text(), /4\. ¿Cuándo fue tu último análisis\? 01\/10\/2026/);
      assert.match(desk.text(), /5\. ¿Cuánto dolor sentís hoy\? 7 \(0–10\)/);

      const pdf = await desk.get(`/staff/pacientes/${ana.id}/cuestionarios/${requestId}/respuestas.pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.match(String(pdf.headers['content-disposition']), /^inline; filename="cuestionario-\d+\.pdf"$/);
      const text = await pdfText(pdf.rawPayload);
      assert.match(text, /Centro Médico Sur/);
      assert.match(text, /GARCÍA, Ana/);
      assert.match(text, /31111222/);
      assert.match(text, /Antes de la consulta/);
      assert.match(text, /Enalapril 10 mg/);
      assert.match(text, /23\/11\/2026 09:00/);
      const download = await desk.get(
        `/staff/pacientes/${ana.id}/cuestionarios/${requestId}/respuestas.pdf?descargar=1`,
      );
      assert.match(String(download.headers['content-disposition']), /^attachment; /);

      const trail = await auditTrail(t.ctx.database.db, ana.id);
      assert.deepEqual(
        trail.filter((a) => a.startsWith('questionnaire.')),
        [
          'questionnaire.list',
          'questionnaire.assign',
          'questionnaire.list',
          'questionnaire.list',
          'questionnaire.list',
          'questionnaire.list',
          'questionnaire.read',
          'questionnaire.read',
          'questionnaire.read',
        ],
      );
    });

    test('editing or removing a question after it was answered leaves the sent answers as asked', async () => {
      const base = `/staff/portal/cuestionarios/${questionnaire.id}/preguntas`;
      const [textId, , yesNoId] = questionnaire.questionIds;
      await admin.get(`${base}/${textId}`);
      const edited = await admin.post(`${base}/${textId}`, {
        kind: 'text',
        label: '¿Qué remedios tomás?',
        help: '',
        required: '1',
        choices: '',
        scaleMin: '',
        scaleMax: '',
      });
      assert.equal(edited.statusCode, 303);
      await admin.get(`/staff/portal/cuestionarios/${questionnaire.id}`);
      assert.match(admin.text(), /Ya hay 1 respuesta enviada/);
      const removed = await admin.post(`${base}/${yesNoId}/quitar`);
      assert.equal(removed.statusCode, 303);
      await admin.follow(removed);
      assert.match(admin.text(), /Quitaste la pregunta\. Las respuestas ya enviadas la conservan\./);
      assert.doesNotMatch(admin.text(), /¿Sos alérgico/);

      await desk.get(`/staff/pacientes/${ana.id}/cuestionarios/${requestId}`);
      assert.match(desk.text(), /1\. ¿Qué medicación tomás\? Enalapril 10 mg/);
      assert.match(desk.text(), /3\. ¿Sos alérgico a algún medicamento\? No/);
      await patient.get(`/portal/cuestionarios/${requestId}`);
      assert.match(patient.text(), /¿Sos alérgico a algún medicamento\? No/);
    });

    test('the definitions are for admins; the record tab is not for a professional without turnos with the patient', async () => {
      const denied = await desk.get('/staff/portal/cuestionarios');
      assert.equal(denied.statusCode, 403);
      const pro = await WebClient.newStaff(t.app, t.ctx, {
        username: 'pro-q',
        role: 'professional',
        professionalId: null,
      });
      assert.equal((await pro.get(`/staff/pacientes/${ana.id}/cuestionarios`)).statusCode, 403);
      const anon = new WebClient(t.app);
      const login = await anon.get(`/staff/pacientes/${ana.id}/cuestionarios`);
      assert.equal(login.statusCode, 303);
      assert.match(location(login), /^\/staff\/ingresar\?volver=/);
    });
  });
}
