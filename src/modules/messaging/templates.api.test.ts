// /api/v1/message-templates: the same rules as the Plantillas page, as JSON.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildSeededApp, cardiology, postBooking, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';

type Headers = Record<string, string>;
type Json = Record<string, unknown>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const mail = {
  channel: 'mail',
  title: 'Tu turno del [[FECHA]]',
  body: 'Hola [[PACIENTE]], te esperamos el [[FECHA]] a las [[HORA]].\nConfirmá: [[CONFIRMAR]]',
};

for (const dialect of testDialects()) {
  describe(`message templates API (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let admin: Headers;
    let reception: Headers;

    before(async () => {
      ({ t, seed, admin } = await buildSeededApp(dialect, { web: { publicUrl: 'https://turnos.example.com' } }));
      reception = await t.auth('reception');
    });
    after(() => t.close());

    const send = (method: Method, url: string, payload?: object, headers: Headers = admin) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    const ok = async (method: Method, url: string, payload?: object, status = 200, headers = admin) => {
      const res = await send(method, url, payload, headers);
      assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
      return (res.statusCode === 204 ? {} : res.json()) as Json;
    };
    const failure = async (method: Method, url: string, payload: object | undefined, status: number, code: string) => {
      const res = await send(method, url, payload);
      assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
      const { error } = res.json();
      assert.equal(error.code, code);
      return error as { message: string };
    };

    test('mail, SMS and WhatsApp templates are created, read, replaced and listed by channel', async () => {
      const created = await ok('POST', '/message-templates', { ...mail, title: '  Tu turno del   [[FECHA]] ' }, 201);
      assert.deepEqual(created, {
        id: created.id,
        channel: 'mail',
        title: 'Tu turno del [[FECHA]]',
        body: mail.body,
        waTemplate: '',
        waLanguage: '',
        placeholders: ['PACIENTE', 'FECHA', 'HORA', 'CONFIRMAR'],
        createdAt: '2026-11-23T12:00:00.000Z',
        updatedAt: '2026-11-23T12:00:00.000Z',
      });
      const sms = await ok(
        'POST',
        '/message-templates',
        { channel: 'sms', title: 'SMS', body: 'Turno [[FECHA]]' },
        201,
      );
      const wa = await ok(
        'POST',
        '/message-templates',
        {
          channel: 'whatsapp',
          title: 'WhatsApp',
          body: 'Hola [[PACIENTE]], turno el [[FECHA]]',
          waTemplate: 'recordatorio_turno',
          waLanguage: 'es_AR',
        },
        201,
      );
      assert.deepEqual(
        [wa.waTemplate, wa.waLanguage, wa.placeholders],
        ['recordatorio_turno', 'es_AR', ['PACIENTE', 'FECHA']],
      );

      t.clock.advance(60_000);
      const replaced = await ok('PUT', `/message-templates/${sms.id}`, { title: 'SMS corto', body: 'Turno [[HORA]]' });
      assert.equal(replaced.channel, 'sms', 'the channel stays');
      assert.equal(replaced.body, 'Turno [[HORA]]');
      assert.equal(replaced.updatedAt, '2026-11-23T12:01:00.000Z');
      assert.deepEqual(await ok('GET', `/message-templates/${sms.id}`), replaced);
      const smsOnly = (await (await send('GET', '/message-templates?channel=sms')).json()) as Json[];
      assert.deepEqual(
        smsOnly.map((x) => x.id),
        [sms.id],
      );
      assert.equal(((await send('GET', '/message-templates')).json() as Json[]).length, 3);
      await failure('GET', '/message-templates/99999', undefined, 404, 'NOT_FOUND');
    });

    test('an unknown placeholder answers 422 naming it; other problems answer 400', async () => {
      let error = await failure(
        'POST',
        '/message-templates',
        { channel: 'sms', title: 'Aviso', body: 'Hola [[PACIENT]] y [FECHA]]' },
        422,
        'TEMPLATE_INVALID',
      );
      assert.equal(
        error.message,
        'La plantilla no se guardó. Mensaje: [[PACIENT]] no es un dato que el sistema conozca: ¿quisiste poner [[PACIENTE]]? ' +
          'Mensaje: [FECHA]] está mal escrito: cada dato va entre dos corchetes de cada lado, así: [[FECHA]].',
      );
      const english = await t.app.inject({
        method: 'POST',
        url: '/api/v1/message-templates',
        headers: { ...admin, 'accept-language': 'en' },
        payload: { channel: 'mail', title: 'Aviso [[DIA]]', body: 'Hola' },
      });
      assert.equal(english.statusCode, 422);
      assert.equal(
        english.json().error.message,
        'The template was not saved. Title: [[DIA]] is not a field the system knows.',
      );

      error = await failure(
        'POST',
        '/message-templates',
        { channel: 'sms', title: '', body: 'x'.repeat(1001) },
        400,
        'VALIDATION_ERROR',
      );
      assert.match(
        error.message,
        /Título: Escribí el título\. Mensaje: Es demasiado largo: hasta 1000 caracteres \(tiene 1001\)\./,
      );
      error = await failure(
        'POST',
        '/message-templates',
        { channel: 'whatsapp', title: 'W', body: 'Hola' },
        400,
        'VALIDATION_ERROR',
      );
      assert.match(error.message, /Plantilla aprobada: Escribí el nombre de la plantilla aprobada\./);
      await failure(
        'POST',
        '/message-templates',
        { channel: 'fax', title: 'W', body: 'Hola' },
        400,
        'VALIDATION_ERROR',
      );
      await failure('POST', '/message-templates', { ...mail, titulo: 'x' }, 400, 'VALIDATION_ERROR');
      const id = (await ok('POST', '/message-templates', { ...mail, title: 'Para cambiar' }, 201)).id;
      error = await failure(
        'PUT',
        `/message-templates/${id}`,
        { title: 'x', body: '[[paciente]]' },
        422,
        'TEMPLATE_INVALID',
      );
      assert.match(error.message, /\[\[paciente\]\] no es un dato/);
      assert.equal((await ok('GET', `/message-templates/${id}`)).body, mail.body, 'nothing changed');
    });

    test('the preview renders a real turno, with the real SMS count; without turnos, sample data', async () => {
      const template = await ok('POST', '/message-templates', { ...mail, title: 'Vista del [[FECHA]]' }, 201);
      const sample = await ok('POST', `/message-templates/${template.id}/preview`, {});
      assert.equal(sample.appointment, null);
      assert.match(String(sample.text), /^Hola María García, te esperamos el jueves 26\/11/);

      const booked = await postBooking(
        t,
        admin,
        cardiology(seed, { patientId: seed.patient.id, start: '2026-11-24T08:20:00-03:00' }),
      );
      assert.equal(booked.statusCode, 201, booked.body);
      const turno = booked.json().id as number;
      const name = `Test ${seed.patient.lastName}`;
      const preview = await ok('POST', `/message-templates/${template.id}/preview`);
      assert.deepEqual(preview.appointment, { id: turno, startsAt: '2026-11-24T11:20:00.000Z', patientName: name });
      assert.equal(preview.subject, 'Vista del martes 24/11');
      assert.match(String(preview.text), new RegExp(`^Hola ${name}, te esperamos el martes 24/11 a las 08:20\\.`));
      assert.match(
        String(preview.text),
        /Confirmá: https:\/\/turnos\.example\.com\/turno\/confirmar\?token=[\w-]{43}$/,
      );
      assert.match(String(preview.html), /<a href="https:\/\/turnos\.example\.com\/turno\/confirmar\?token=/);
      assert.equal(preview.sms, undefined);

      const sms = await ok(
        'POST',
        '/message-templates',
        { channel: 'sms', title: 'S', body: 'Turno [[FECHA]] [[HORA]]' },
        201,
      );
      const counted = await ok('POST', `/message-templates/${sms.id}/preview`, { appointmentId: turno });
      assert.equal(counted.text, 'Turno martes 24/11 08:20');
      assert.deepEqual(counted.sms, { characters: 24, segments: 1, encoding: 'GSM-7' });
      const wa = await ok(
        'POST',
        '/message-templates',
        { channel: 'whatsapp', title: 'W', body: '[[PACIENTE]]: [[HORA]]', waTemplate: 'turno', waLanguage: 'es' },
        201,
      );
      const whatsapp = await ok('POST', `/message-templates/${wa.id}/preview`, { appointmentId: turno });
      assert.deepEqual(whatsapp.whatsapp, { name: 'turno', language: 'es', bodyParameters: [name, '08:20'] });
      await failure('POST', `/message-templates/${sms.id}/preview`, { appointmentId: 999999 }, 404, 'NOT_FOUND');
    });

    test('a template in use by a send list or a reminder rule is not deleted', async () => {
      const used = await ok('POST', '/message-templates', { ...mail, title: 'Usada' }, 201);
      const now = '2026-11-23T12:00:00.000Z';
      await t.ctx.database.db
        .insertInto('messageBatches')
        .values({
          templateId: used.id as number,
          channel: 'mail',
          audience: 'appointments',
          filters: '{}',
          status: 'queued',
          createdByRef: 'usuario:1',
          createdByName: 'Jefa',
          createdAt: now,
        })
        .execute();
      await t.ctx.database.db
        .insertInto('reminderRules')
        .values({ templateId: used.id as number, hoursBefore: 48, createdAt: now, updatedAt: now })
        .execute();
      const error = await failure('DELETE', `/message-templates/${used.id}`, undefined, 409, 'IN_USE');
      assert.match(
        error.message,
        /^No se puede borrar la plantilla «Usada»: la usan 1 recordatorio automático y 1 lista de envío\./,
      );
      await ok('GET', `/message-templates/${used.id}`);

      const unused = await ok('POST', '/message-templates', { ...mail, title: 'Suelta' }, 201);
      await ok('DELETE', `/message-templates/${unused.id}`, undefined, 204);
      await failure('GET', `/message-templates/${unused.id}`, undefined, 404, 'NOT_FOUND');
      await failure('DELETE', `/message-templates/${unused.id}`, undefined, 404, 'NOT_FOUND');
    });

    test('reception reads and previews templates but cannot write them; no token, no templates', async () => {
      const template = await ok('POST', '/message-templates', { ...mail, title: 'Recepción' }, 201);
      const url = `/message-templates/${template.id}`;
      assert.equal((await send('GET', '/message-templates', undefined, reception)).statusCode, 200);
      assert.equal((await send('GET', url, undefined, reception)).statusCode, 200);
      assert.equal((await send('POST', `${url}/preview`, {}, reception)).statusCode, 200);
      for (const [method, path, body] of [
        ['POST', '/message-templates', mail],
        ['PUT', url, { title: 'x', body: 'y' }],
        ['DELETE', url, undefined],
      ] as const) {
        const res = await send(method, path, body, reception);
        assert.equal(res.statusCode, 403, `${method} ${path}`);
        assert.equal(res.json().error.code, 'FORBIDDEN');
      }
      const professional = await t.auth('professional', seed.gonzalez.id);
      assert.equal((await send('GET', '/message-templates', undefined, professional)).statusCode, 403);
      assert.equal((await send('GET', '/message-templates', undefined, {})).statusCode, 401);
      assert.equal((await ok('GET', url)).title, 'Recepción', 'unchanged');
    });
  });
}
