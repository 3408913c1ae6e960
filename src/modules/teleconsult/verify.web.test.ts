// Validar token in the back office and the desk's teleconsultation turnos: pick the turno, type the code, see
// the conformity and print its constancia; mark a turno as teleconsultation with its link.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditTrail } from '../../../test/support/audit-log.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { pdfText } from '../portal/invoices.test-helpers.js';
import { codeOf, statusOf, type VerifyCenter, verifyCenter } from './verify.test-helpers.js';

const PAGE = '/staff/teleconsultas/validar';

for (const dialect of testDialects()) {
  describe(`Validar token, páginas del personal (${dialect})`, () => {
    let t: TestApp;
    let c: VerifyCenter;
    let desk: WebClient;
    let doctor: WebClient;
    const db = () => t.ctx.database.db;
    before(async () => {
      t = await buildTestApp(dialect);
      c = await verifyCenter(t);
      desk = await WebClient.newStaff(t.app, t.ctx, { username: 'recepcion', role: 'reception' });
      doctor = await WebClient.newStaff(t.app, t.ctx, {
        username: 'dr-alvarez',
        role: 'professional',
        professionalId: c.seed.alvarez.id,
      });
    });
    after(() => t.close());

    test('pick the turno, type the code: the conformity shows, the desk marks it, the constancia prints', async () => {
      const p = await c.patient({ lastName: 'QUIROGA' });
      const turno = await c.turno(p.id);
      const agenda = `/staff/turnos?fecha=2026-11-23&agenda=profesional-${c.seed.gonzalez.id}`;
      await desk.get(agenda);
      assert.match(desk.text(), /QUIROGA Test .*Teleconsulta/);
      assert.ok(desk.html.includes(`href="/staff/teleconsultas/validar?turno=${turno}"`), 'the row links to Validar');

      const form = await desk.get(`${PAGE}?turno=${turno}`);
      assert.equal(form.statusCode, 200);
      assert.match(desk.text(), /Teleconsultas de hoy/);
      assert.ok(desk.html.includes(`<option value="${turno}" selected`), 'the turno comes preselected');
      const done = await desk.post(PAGE, { turno: String(turno), dni: '', code: await codeOf(t, p.id) });
      assert.equal(done.statusCode, 303, done.body);
      const conformityId = Number(/conformidad=(\d+)/.exec(location(done))?.[1]);
      await desk.follow(done);
      const text = desk.text();
      assert.match(text, /Conformidad registrada/);
      assert.match(text, /QUIROGA, Test \(DNI \d+\)/);
      assert.match(text, /Token dinámico/);
      assert.match(text, /Validó Usuario recepcion/);
      assert.ok(desk.html.includes(`/staff/teleconsultas/constancias/${conformityId}/pdf`));
      assert.equal(await statusOf(t, turno), 'present');

      await desk.get(agenda);
      assert.match(desk.text(), /Conformidad registrada 09:00/);
      assert.ok(!desk.html.includes(`validar?turno=${turno}"`), 'no second verification offered');

      const pdf = await desk.get(`/staff/teleconsultas/constancias/${conformityId}/pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const printed = await pdfText(pdf.rawPayload);
      assert.match(printed, /Constancia de conformidad de teleconsulta/);
      assert.match(printed, /QUIROGA, Test/);
      assert.match(printed, new RegExp(p.dni));
      assert.match(printed, /Modalidad Teleconsulta/);
      assert.match(printed, /Validado por Usuario recepcion/);
      assert.deepEqual(
        (await auditTrail(db(), p.id)).filter((a) => a.startsWith('token') || a.startsWith('conf')),
        ['token.verify', 'conformity.read', 'conformity.read'],
      );
    });

    test('a wrong code: the answer says why, the DNI stays typed, the code does not', async () => {
      const p = await c.patient();
      const res = await desk.post(PAGE, { turno: '', dni: p.dni, code: '123 456' });
      assert.equal(res.statusCode, 422);
      assert.match(desk.text(), /El código no es válido o ya venció para ese DNI/);
      assert.ok(desk.html.includes(`value="${p.dni}"`));
      assert.ok(!desk.html.includes('value="123 456"'));
      const empty = await desk.post(PAGE, { turno: '', dni: '', code: '' });
      assert.equal(empty.statusCode, 400);
      assert.match(desk.text(), /Ingresá el DNI del paciente/);
      assert.match(desk.text(), /Ingresá el código que te dicta el paciente/);
    });

    test('a locked patient is listed for the desk, who can unlock; a professional sees only own turnos', async () => {
      const p = await c.patient({ lastName: 'TRABADO' });
      for (let i = 0; i < 5; i++) await desk.post(PAGE, { turno: '', dni: p.dni, code: '000000' });
      await desk.get(PAGE);
      assert.match(
        desk.text(),
        /Pacientes con la validación bloqueada .*TRABADO, Test \(DNI \d+\), hasta las 09:15 Desbloquear/,
      );
      const unlocked = await desk.post('/staff/teleconsultas/desbloquear', { paciente: String(p.id) });
      assert.equal(unlocked.statusCode, 303);
      await desk.follow(unlocked);
      assert.match(desk.text(), /quedó desbloqueada/);
      assert.doesNotMatch(desk.text(), /TRABADO/);

      const q = await c.patient({ lastName: 'DEALVAREZ' });
      await c.turno(q.id, { professionalId: c.seed.alvarez.id });
      await doctor.get(PAGE);
      assert.match(doctor.text(), /DEALVAREZ/);
      assert.doesNotMatch(doctor.text(), /QUIROGA/, "another professional's turno is not listed");
      assert.doesNotMatch(doctor.text(), /Desbloquear/);
      const refused = await doctor.post('/staff/teleconsultas/desbloquear', { paciente: String(p.id) });
      assert.equal(refused.statusCode, 403);
    });

    test('the desk marks a turno as teleconsultation with its link; a bad link is refused and kept', async () => {
      const p = await c.patient({ lastName: 'VIDEO' });
      const turno = await c.turno(p.id, { teleconsult: false });
      const url = `/staff/turnos/${turno}/teleconsulta?fecha=2026-11-23&agenda=profesional-${c.seed.gonzalez.id}`;
      assert.equal((await desk.get(url)).statusCode, 200);
      assert.match(desk.text(), /Enlace de la videollamada/);
      const fields = { fecha: '2026-11-23', agenda: `profesional-${c.seed.gonzalez.id}`, teleconsulta: '1' };
      const bad = await desk.post(`/staff/turnos/${turno}/teleconsulta`, { ...fields, enlace: 'javascript:alert(1)' });
      assert.equal(bad.statusCode, 422);
      assert.match(desk.text(), /Enlace de la videollamada: escribí una dirección que empiece con http/);
      assert.ok(desk.html.includes('value="javascript:alert(1)"'));
      const ok = await desk.post(`/staff/turnos/${turno}/teleconsulta`, {
        ...fields,
        enlace: ' https://meet.jit.si/sala-42 ',
      });
      assert.equal(ok.statusCode, 303);
      assert.match(location(ok), /ok=teleconsulta/);
      const row = await db()
        .selectFrom('appointments')
        .select(['teleconsult', 'videoUrl'])
        .where('id', '=', turno)
        .executeTakeFirstOrThrow();
      assert.deepEqual([row.teleconsult, row.videoUrl], [1, 'https://meet.jit.si/sala-42']);
      await desk.follow(ok);
      assert.match(desk.text(), /se guardó la teleconsulta/);
      assert.match(desk.text(), /VIDEO Test .*Teleconsulta/);
      assert.ok((await auditTrail(db(), p.id)).includes('teleconsult.update'));
      assert.equal((await doctor.get(url)).statusCode, 403, 'a professional does not edit turnos');
    });

    test('Dar turno can give it as a teleconsultation with its link', async () => {
      const p = await c.patient({ lastName: 'NUEVOVIDEO' });
      const agenda = `profesional-${c.seed.gonzalez.id}`;
      await desk.get(
        `/staff/turnos/dar?fecha=2026-11-23&agenda=${agenda}&profesional=${c.seed.gonzalez.id}&inicio=2026-11-23T11%3A40%3A00-03%3A00&paciente=${p.id}`,
      );
      assert.match(desk.text(), /Teleconsulta \(turno por videollamada\)/);
      const fields = {
        fecha: '2026-11-23',
        agenda,
        profesional: String(c.seed.gonzalez.id),
        inicio: '2026-11-23T11:40:00-03:00',
        paciente: String(p.id),
        servicio: `especialidad-${c.seed.cardiology.id}`,
        obraSocial: String(c.seed.osde.id),
        motivo: '',
        teleconsulta: '1',
      };
      const bad = await desk.post('/staff/turnos/dar', { ...fields, enlace: 'meet.example/sin-protocolo' });
      assert.equal(bad.statusCode, 422);
      assert.ok(desk.html.includes('value="meet.example/sin-protocolo"'), 'the typed link is kept');
      assert.match(desk.html, /name="teleconsulta" value="1" checked/);
      const ok = await desk.post('/staff/turnos/dar', { ...fields, enlace: 'https://meet.example/nuevo' });
      assert.equal(ok.statusCode, 303, ok.body);
      const row = await db()
        .selectFrom('appointments')
        .select(['teleconsult', 'videoUrl'])
        .where('patientId', '=', p.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual([row.teleconsult, row.videoUrl], [1, 'https://meet.example/nuevo']);
    });

    test('PATCH /appointments/:id takes teleconsult and videoUrl (desk roles only)', async () => {
      const p = await c.patient();
      const turno = await c.turno(p.id, { teleconsult: false });
      const headers = await t.auth('reception');
      const patch = (payload: object, h = headers) =>
        t.app.inject({ method: 'PATCH', url: `/api/v1/appointments/${turno}`, headers: h, payload });
      const ok = await patch({ teleconsult: true, videoUrl: 'https://zoom.example/j/1' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual([ok.json().teleconsult, ok.json().videoUrl], [true, 'https://zoom.example/j/1']);
      const bad = await patch({ videoUrl: 'ftp://x.example' });
      assert.equal(bad.statusCode, 422);
      assert.equal(bad.json().error.code, 'TELECONSULT_VIDEO_URL');
      const off = await patch({ teleconsult: false });
      assert.deepEqual([off.json().teleconsult, off.json().videoUrl], [false, '']);
      const pro = await t.auth('professional', c.seed.gonzalez.id);
      assert.equal((await patch({ teleconsult: true }, pro)).statusCode, 403);
      assert.equal((await patch({ status: 'present' })).json().status, 'present', 'attendance still works');
    });
  });
}
