// The professional's e-mail (where patients mail their teleconsultation token): set on the admin form and the
// API, validated and normalized like every e-mail; staff read it, the public catalog never shows it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildSeededApp, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { catalogApi, fieldError } from './web-catalog.test-helpers.js';

for (const dialect of testDialects()) {
  describe(`e-mail del profesional (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;

    before(async () => {
      ({ t, seed } = await buildSeededApp(dialect));
    });
    after(() => t.close());

    const fields = (email: string) => ({
      lastName: 'GONZALEZ',
      firstName: 'José',
      licenceNumber: '',
      webEnabled: '1',
      generalMessage: '',
      bookingMessage: '',
      maxDaysAhead: '30',
      email,
    });

    test('the admin form: a wrong e-mail is refused with what was typed kept; a right one is saved lowercase', async () => {
      const admin = await WebClient.newStaff(t.app, t.ctx, { username: 'jefa-mail', role: 'admin' });
      const url = `/staff/web/profesionales/${seed.gonzalez.id}`;
      await admin.get(url);
      assert.match(admin.html, /<label for="f-email">E-mail<\/label>/);
      const bad = await admin.post(url, fields('jose@'));
      assert.equal(bad.statusCode, 400);
      fieldError(admin.html, 'email', /no es un e-mail válido/);
      assert.match(admin.html, /name="email" type="email" value="jose@"/);
      const ok = await admin.post(url, fields(' Jose.Gonzalez@Example.com '));
      assert.equal(ok.statusCode, 303, admin.text());
      assert.match(location(ok), /^\/staff\/web\/profesionales/);
      const row = await t.ctx.database.db
        .selectFrom('professionals')
        .select('email')
        .where('id', '=', seed.gonzalez.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.email, 'jose.gonzalez@example.com');
      await admin.get(url);
      assert.match(admin.html, /name="email" type="email" value="jose.gonzalez@example.com"/);
      await admin.post(url, fields(''));
      await admin.get(url);
      assert.match(admin.html, /name="email" type="email" value autocomplete/, 'emptied: none');
    });

    test('the API: staff write and read it; the public list and entry never carry it', async () => {
      const api = catalogApi(t, await t.auth('admin'));
      const created = await api.ok(
        'POST',
        '/professionals',
        { lastName: 'RIOS', firstName: 'Eva', email: 'EVA@rios.com.ar' },
        201,
      );
      assert.equal(created.email, 'eva@rios.com.ar');
      const error = await api.failure(
        'PATCH',
        `/professionals/${created.id}`,
        { email: 'no-es-mail' },
        400,
        'VALIDATION_ERROR',
      );
      assert.match(JSON.stringify(error), /no es un e-mail válido/);
      const staffList = await api.get<{ id: number; email?: string }[]>('/professionals', await t.auth('reception'));
      assert.equal(staffList.find((p) => p.id === created.id)?.email, 'eva@rios.com.ar');
      const publicList = await api.get<{ id: number; email?: string }[]>('/professionals');
      assert.ok(publicList.length > 0);
      assert.ok(publicList.every((p) => !('email' in p)));
      const one = await api.get(`/professionals/${created.id}`);
      assert.equal('email' in one, false);
    });
  });
}
