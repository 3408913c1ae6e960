// Generar token as the patient sees it: the code of this moment (the patient's own TOTP) in large grouped
// digits, the next one, the countdown, all without JavaScript; the mail to the professional of a
// teleconsultation turno; the PDF; the JSON the page's script polls.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, MONDAY_9AM, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { totp } from '../../platform/otp/otp.js';
import { grouped, pdfText, secretOf, type TokenCenter, teleconsultTurno, tokenCenter } from './token.test-helpers.js';

const SIX_30_SHA1 = { digits: 6, stepSeconds: 30, algorithm: 'sha1' } as const;

for (const dialect of testDialects()) {
  describe(`Generar token (${dialect})`, () => {
    let t: TestApp;
    let c: TokenCenter;
    let tomorrow: number;
    let noMail: number;

    before(async () => {
      t = await buildTestApp(dialect);
      c = await tokenCenter(t);
      tomorrow = await teleconsultTurno(t, {
        patientId: c.ana.id,
        professionalId: c.seed.gonzalez.id,
        specialtyId: c.seed.cardiology.id,
        start: '2026-11-24T13:00:00Z',
      });
      noMail = await teleconsultTurno(t, {
        patientId: c.ana.id,
        professionalId: c.seed.alvarez.id,
        start: '2026-11-25T17:00:00Z',
      });
      // Neither a past, an in-person, a cancelled nor another patient's turno is offered.
      await teleconsultTurno(t, {
        patientId: c.ana.id,
        professionalId: c.seed.gonzalez.id,
        start: '2026-11-20T13:00:00Z',
      });
      await teleconsultTurno(t, {
        patientId: c.ana.id,
        professionalId: c.seed.gonzalez.id,
        start: '2026-11-26T13:00:00Z',
        teleconsult: false,
      });
      await teleconsultTurno(t, {
        patientId: c.ana.id,
        professionalId: c.seed.gonzalez.id,
        start: '2026-11-27T13:00:00Z',
        status: 'cancelled',
      });
    });
    after(() => t.close());

    test("the page shows the patient's code of this moment, the countdown and the next step's code", async () => {
      t.clock.set(MONDAY_9AM + 7_000);
      const ana = await WebClient.loggedIn(t.app, t.ctx, c.ana.id);
      const res = await ana.get('/portal/token');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['cache-control']), /no-store/);
      const secret = await secretOf(t, c.ana.id);
      const code = totp(secret, MONDAY_9AM + 7_000, SIX_30_SHA1);
      const next = totp(secret, MONDAY_9AM + 30_000, SIX_30_SHA1);
      assert.notEqual(code, next);
      assert.match(ana.html, new RegExp(`<p class="token-code" aria-live="polite"[^>]*>${grouped(code)}</p>`));
      assert.match(ana.text(), /Cambia en 23 segundos\. Vale hasta las 09:01:00\./);
      assert.match(ana.text(), new RegExp(`Código siguiente: ${grouped(next)}`));
      assert.match(ana.html, new RegExp(`id="token-copy"[^>]*value="${code}"`));
      assert.match(ana.html, /data-expires-in-ms="23000"/);
      // Without JavaScript: "Generar otro" is a plain link that reloads, the script only enhances.
      assert.match(ana.html, /<a class="button" href="\/portal\/token" data-token-reload="true">Generar otro<\/a>/);
      assert.match(ana.html, /<script src="\/static\/token\.js\?v=[0-9a-f]+" defer>/);
      assert.match(ana.html, /href="\/portal\/token\/series"/);

      t.clock.set(MONDAY_9AM + 31_000);
      await ana.get('/portal/token');
      assert.match(
        ana.html,
        new RegExp(`<p class="token-code"[^>]*>${grouped(next)}</p>`),
        'the next step shows the next code',
      );
      t.clock.set(MONDAY_9AM);
    });

    test('GET /api/v1/me/token: the same code and the next, how long it lasts; without a session 401', async () => {
      t.clock.set(MONDAY_9AM + 12_000);
      const ana = await WebClient.loggedIn(t.app, t.ctx, c.ana.id);
      const res = await ana.get('/api/v1/me/token');
      assert.equal(res.statusCode, 200, res.body);
      const secret = await secretOf(t, c.ana.id);
      assert.deepEqual(res.json(), {
        code: totp(secret, MONDAY_9AM, SIX_30_SHA1),
        nextCode: totp(secret, MONDAY_9AM + 30_000, SIX_30_SHA1),
        expiresInMs: 18_000,
        stepSeconds: 30,
        digits: 6,
      });
      const beto = await WebClient.loggedIn(t.app, t.ctx, c.beto.id);
      const betos = (await beto.get('/api/v1/me/token')).json();
      assert.equal(
        betos.code,
        totp(await secretOf(t, c.beto.id), MONDAY_9AM, SIX_30_SHA1),
        'each patient has their own',
      );
      const nobody = await t.app.inject({ url: '/api/v1/me/token' });
      assert.equal(nobody.statusCode, 401);
      const staff = await t.app.inject({ url: '/api/v1/me/token', headers: await t.auth('admin') });
      assert.equal(staff.statusCode, 401);
      t.clock.set(MONDAY_9AM);
    });

    test("the center's settings: 8 digits every 60 s with SHA-256", async () => {
      const db = t.ctx.database.db;
      await db
        .updateTable('centerSettings')
        .set({ tokenDigits: 8, tokenStepSeconds: 60, tokenAlgorithm: 'sha256' })
        .execute();
      try {
        t.clock.set(MONDAY_9AM + 5_000);
        const ana = await WebClient.loggedIn(t.app, t.ctx, c.ana.id);
        const body = (await ana.get('/api/v1/me/token')).json();
        const options = { digits: 8, stepSeconds: 60, algorithm: 'sha256' } as const;
        const secret = await secretOf(t, c.ana.id);
        assert.equal(body.code, totp(secret, MONDAY_9AM, options));
        assert.equal(body.nextCode, totp(secret, MONDAY_9AM + 60_000, options));
        assert.deepEqual([body.expiresInMs, body.stepSeconds, body.digits], [55_000, 60, 8]);
        await ana.get('/portal/token');
        assert.match(ana.html, new RegExp(`>${body.code.slice(0, 4)} ${body.code.slice(4)}</p>`));
      } finally {
        await db
          .updateTable('centerSettings')
          .set({ tokenDigits: 6, tokenStepSeconds: 30, tokenAlgorithm: 'sha1' })
          .execute();
        t.clock.set(MONDAY_9AM);
      }
    });

    test('e-mail to the professional: only teleconsultation turnos of today on; the code arrives at their inbox', async () => {
      const ana = await WebClient.loggedIn(t.app, t.ctx, c.ana.id);
      await ana.get('/portal/token');
      const options = [...ana.html.matchAll(/<option value="(\d+)"( disabled)?/g)].map((m) => [Number(m[1]), !!m[2]]);
      assert.deepEqual(options, [
        [tomorrow, false],
        [noMail, true],
      ]);
      assert.match(ana.text(), /ALVAREZ Ana — sin e-mail: dictale o copiale el código/);

      const res = await ana.post('/portal/token/enviar', { appointmentId: String(tomorrow) });
      assert.equal(res.statusCode, 303);
      assert.equal(location(res), `/portal/token?enviado=${tomorrow}`);
      await ana.follow(res);
      assert.match(ana.text(), /Listo: le enviamos tu código por e-mail a GONZALEZ José/);

      const mail = await (await t.sendMails()).waitFor('gonzalez@example.com');
      const code = totp(await secretOf(t, c.ana.id), MONDAY_9AM, SIX_30_SHA1);
      assert.match(mail.subject, /Token de teleconsulta de GARCÍA, Ana \(DNI 30111222\)/);
      assert.match(mail.text, /GARCÍA, Ana, DNI 30111222, te envía su código de conformidad/);
      assert.match(mail.text, /martes, 24 de noviembre de 2026 a las 10:00 \(CARDIOLOGÍA\)/);
      assert.match(mail.text, new RegExp(`Código: ${grouped(code)}`));
      assert.match(mail.text, /vale hasta las 09:01:00/);

      // The send log tells staff it went, never the code: while it lasts it stands for the patient's signature.
      const log = await t.app.inject({
        url: '/api/v1/messages?from=2026-11-23&to=2026-11-23',
        headers: await t.auth('reception'),
      });
      const sent = (log.json() as { items: { kind: string; text: string }[] }).items.find(
        (m) => m.kind === 'teleconsult_token',
      );
      assert.ok(sent, 'the mail is in the send log');
      assert.match(sent.text, /Código: …/);
      assert.ok(!sent.text.includes(grouped(code)), 'the send log hides the code');
    });

    test('no e-mail, not a teleconsultation turno, or none at all: a clear message, nothing sent', async () => {
      const db = t.ctx.database.db;
      const before = await db
        .selectFrom('outbox')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const ana = await WebClient.loggedIn(t.app, t.ctx, c.ana.id);
      await ana.get('/portal/token');
      let res = await ana.post('/portal/token/enviar', { appointmentId: String(noMail) });
      assert.equal(res.statusCode, 422);
      assert.match(ana.text(), /ALVAREZ Ana no tiene un e-mail cargado en el centro/);
      assert.match(ana.html, new RegExp(`<option value="${noMail}" disabled selected`), 'the choice is kept');
      res = await ana.post('/portal/token/enviar', { appointmentId: '999999' });
      assert.equal(res.statusCode, 422);
      assert.match(ana.text(), /No encontramos ese turno de teleconsulta/);

      const beto = await WebClient.loggedIn(t.app, t.ctx, c.beto.id);
      await beto.get('/portal/token');
      assert.match(beto.text(), /No tenés turnos de teleconsulta para hoy ni próximos/);
      res = await beto.post('/portal/token/enviar', { appointmentId: String(tomorrow) });
      assert.equal(res.statusCode, 422, "another patient's turno is not theirs");
      const after = await db
        .selectFrom('outbox')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));
    });

    test('the PDF: the code, name and DNI, when it was made and until when', async () => {
      t.clock.set(MONDAY_9AM + 3_000);
      const ana = await WebClient.loggedIn(t.app, t.ctx, c.ana.id);
      const res = await ana.get('/portal/token/pdf');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      const text = await pdfText(res.rawPayload);
      const code = totp(await secretOf(t, c.ana.id), MONDAY_9AM, SIX_30_SHA1);
      assert.match(text, /Centro Médico Sur/);
      assert.match(text, /Token de conformidad de teleconsulta/);
      assert.match(text, /GARCÍA, Ana/);
      assert.match(text, /30111222/);
      assert.match(text, new RegExp(grouped(code)));
      assert.match(text, /Generado el 23\/11\/2026 09:00:03/);
      assert.match(text, /Vale hasta 23\/11\/2026 09:01:00/);
      t.clock.set(MONDAY_9AM);
    });

    test('without a session: to log in; a record without the portal is told so', async () => {
      const nobody = new WebClient(t.app);
      const res = await nobody.get('/portal/token');
      assert.equal(res.statusCode, 303);
      assert.match(location(res), /^\/ingresar\?volver=%2Fportal%2Ftoken/);
      const db = t.ctx.database.db;
      await db.updateTable('patients').set({ portalEnabled: 0 }).where('id', '=', c.beto.id).execute();
      try {
        const beto = await WebClient.loggedIn(t.app, t.ctx, c.beto.id);
        assert.equal((await beto.get('/portal/token')).statusCode, 403);
        assert.equal((await beto.get('/api/v1/me/token')).statusCode, 403);
      } finally {
        await db.updateTable('patients').set({ portalEnabled: 1 }).where('id', '=', c.beto.id).execute();
      }
    });
  });
}
