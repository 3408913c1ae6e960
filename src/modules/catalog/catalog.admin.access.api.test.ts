// Writing the catalog through the API: what is refused, and who may not write at all.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildSeededApp, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { catalogApi, type Method } from './web-catalog.test-helpers.js';

type Headers = Record<string, string>;

for (const dialect of testDialects()) {
  describe(`catalog administration: validation and access (${dialect})`, () => {
    let t: TestApp;
    let seed: Seed;
    let admin: Headers;
    let reception: Headers;
    let professional: Headers;
    let api: ReturnType<typeof catalogApi>;

    before(async () => {
      ({ t, seed, admin } = await buildSeededApp(dialect));
      api = catalogApi(t, admin);
      reception = await t.auth('reception');
      professional = await t.auth('professional', seed.gonzalez.id);
    });
    after(() => t.close());

    test('invalid data answers 400 VALIDATION_ERROR naming each field in Spanish', async () => {
      const cases: Array<[Method, string, object, RegExp]> = [
        ['POST', '/specialties', {}, /«name» es obligatorio/],
        ['POST', '/specialties', { name: '   ' }, /«name» no puede quedar vacío/],
        ['POST', '/studies', { name: 'x'.repeat(121) }, /«name» es demasiado largo \(máximo 120 caracteres\)/],
        ['POST', '/studies', { name: 'Rx', indication: 'y'.repeat(2001) }, /«indication» es demasiado largo/],
        ['PATCH', `/studies/${seed.echo.id}`, { webEnabled: 'si' }, /«webEnabled» debe ser true o false/],
        ['PATCH', `/insurers/${seed.osde.id}`, { bookingMessage: 'z'.repeat(2001) }, /«bookingMessage» es demasiado/],
        ['POST', '/professionals', { lastName: 'ROCA' }, /«firstName» es obligatorio/],
        ['PATCH', `/professionals/${seed.gonzalez.id}`, { maxDaysAhead: -1 }, /«maxDaysAhead» no puede ser negativo/],
        [
          'PATCH',
          `/professionals/${seed.gonzalez.id}`,
          { maxDaysAhead: 2.5 },
          /«maxDaysAhead» debe ser un número entero/,
        ],
        ['PATCH', `/professionals/${seed.gonzalez.id}`, { maxDaysAhead: 9999 }, /«maxDaysAhead» puede ser hasta 730/],
        ['PUT', `/professionals/${seed.gonzalez.id}/studies`, { studyIds: ['x'] }, /«studyIds\.0» debe ser un número/],
        ['PUT', `/professionals/${seed.gonzalez.id}/studies`, {}, /«studyIds» es obligatorio/],
        [
          'PUT',
          `/professionals/${seed.gonzalez.id}/specialties`,
          { specialtyIds: 3 },
          /«specialtyIds» debe ser una lista/,
        ],
        [
          'PATCH',
          `/professionals/${seed.gonzalez.id}`,
          { webenabled: false },
          /no se reconoce el campo «webenabled» \(¿quisiste decir «webEnabled»\?\)/,
        ],
        ['PATCH', `/specialties/${seed.cardiology.id}`, { name: 7 }, /«name» /],
        ['PATCH', '/specialties/abc', { webEnabled: true }, /«id» debe ser un número/],
      ];
      for (const [method, url, payload, message] of cases) {
        const error = await api.failure(method, url, payload, 400, 'VALIDATION_ERROR');
        assert.match(error.message, /^Datos inválidos: /);
        assert.match(error.message, message, `${method} ${url} ${JSON.stringify(payload)}`);
      }
      assert.equal((await api.get(`/professionals/${seed.gonzalez.id}`)).maxDaysAhead, 30, 'nothing changed');
      // Forms mark the fields from the details.
      const error = await api.failure(
        'POST',
        '/insurers',
        { name: '', generalMessage: 'g'.repeat(2001) },
        400,
        'VALIDATION_ERROR',
      );
      assert.deepEqual(
        error.details?.map((d) => d.field),
        ['name', 'generalMessage'],
      );
    });

    test('reception and professionals get 403 on every write; without a token, 401', async () => {
      const id = seed.echo.id;
      const writes: Array<[Method, string, object | undefined]> = [
        ['POST', '/specialties', { name: 'Nueva' }],
        ['PATCH', `/specialties/${seed.cardiology.id}`, { webEnabled: false }],
        ['POST', '/studies', { name: 'Nuevo' }],
        ['PATCH', `/studies/${id}`, { webEnabled: false }],
        ['DELETE', `/studies/${id}`, undefined],
        ['POST', '/insurers', { name: 'NUEVA' }],
        ['PATCH', `/insurers/${seed.osde.id}`, { webEnabled: false }],
        ['POST', '/professionals', { lastName: 'NUEVO', firstName: 'Ana' }],
        ['PATCH', `/professionals/${seed.gonzalez.id}`, { webEnabled: false }],
        ['PUT', `/professionals/${seed.gonzalez.id}/studies`, { studyIds: [] }],
        ['PUT', `/professionals/${seed.gonzalez.id}/specialties`, { specialtyIds: [] }],
      ];
      for (const [method, url, payload] of writes) {
        for (const [who, headers] of [
          ['reception', reception],
          ['professional', professional],
        ] as const) {
          const res = await api.send(method, url, payload, headers);
          assert.equal(res.statusCode, 403, `${who} ${method} ${url}: ${res.body}`);
          assert.equal(res.json().error.code, 'FORBIDDEN');
        }
        const anonymous = await api.send(method, url, payload, {});
        assert.equal(anonymous.statusCode, 401, `${method} ${url}: ${anonymous.body}`);
        assert.equal(anonymous.json().error.code, 'UNAUTHENTICATED');
      }
      // Nothing changed on the way.
      assert.equal((await api.get(`/studies/${id}`)).webEnabled, true);
      assert.equal((await api.get(`/professionals/${seed.gonzalez.id}`)).webEnabled, true);
    });
  });
}
