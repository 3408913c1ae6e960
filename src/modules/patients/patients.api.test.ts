import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertInsurer } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';

interface ApiError {
  error: { code: string; message: string; details?: Array<{ field: string; message: string }> };
}

for (const dialect of testDialects()) {
  describe(dialect, () => {
    let t: TestApp;
    let staff: Record<string, string>;
    let osdeId: number;

    before(async () => {
      t = await buildTestApp(dialect);
      staff = await t.auth('reception');
      osdeId = (await insertInsurer(t.ctx.database.db, 'OSDE')).id;
    });
    after(() => t.close());

    const post = (payload: object, headers: Record<string, string> = staff) =>
      t.app.inject({ method: 'POST', url: '/api/v1/patients', headers, payload });
    const patch = (id: number, payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/patients/${id}`, headers: staff, payload });
    const byDni = async (dni: string) => {
      const res = await t.app.inject({ url: `/api/v1/patients?dni=${encodeURIComponent(dni)}`, headers: staff });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Array<Record<string, unknown>>;
    };
    const valid = { lastName: 'Test', firstName: 'Paciente' };

    let anaId = 0;
    test('creating a patient normalizes DNI, mobile and e-mail and answers 201 with camelCase fields', async () => {
      const res = await post({
        dni: '30.123.456',
        lastName: '  Pérez   Gómez ',
        firstName: 'Ana María',
        sex: 'F',
        birthDate: '1980-05-04',
        email: 'Ana.Perez@Example.COM',
        mobile: '011 15 1234-5678',
        address: 'Av. Rivadavia 1234, CABA',
        insurerId: osdeId,
        memberNumber: '61 123456 7',
      });
      assert.equal(res.statusCode, 201, res.body);
      const { id, ...rest } = res.json();
      assert.equal(typeof id, 'number');
      anaId = id;
      assert.deepEqual(rest, {
        dni: '30123456',
        lastName: 'Pérez Gómez', // stray spaces go, case and accents stay
        firstName: 'Ana María',
        sex: 'F',
        birthDate: '1980-05-04',
        email: 'ana.perez@example.com',
        mobile: '+5491112345678',
        address: 'Av. Rivadavia 1234, CABA',
        insurerId: osdeId,
        memberNumber: '61 123456 7',
        insurancePlan: '',
        disabled: false,
        disabledNote: '',
      });
    });

    test('the other usual ways of writing a mobile give the same E.164 number', async () => {
      for (const [i, mobile] of ['11 1234-5678', '+54 9 11 1234-5678', '(011) 1234-5678'].entries()) {
        const res = await post({ ...valid, dni: `4000000${i}`, mobile });
        assert.equal(res.statusCode, 201, `${mobile}: ${res.body}`);
        assert.equal(res.json().mobile, '+5491112345678', mobile);
      }
    });

    test('a second patient with the same DNI, however written, is refused with 409 DNI_TAKEN', async () => {
      for (const dni of ['30123456', '30 123 456']) {
        const res = await post({ ...valid, dni });
        assert.equal(res.statusCode, 409, res.body);
        const body = res.json() as ApiError;
        assert.equal(body.error.code, 'DNI_TAKEN');
        assert.equal(body.error.message, 'Ya hay un paciente con el DNI 30123456.');
      }
      assert.equal((await byDni('30123456')).length, 1);
    });

    const badFields: Array<[string, object, RegExp]> = [
      ['dni', { dni: '12' }, /7 u 8 números/],
      ['mobile', { mobile: '4444' }, /no es un celular válido/],
      ['email', { email: 'x@' }, /no es un e-mail válido/],
      ['birthDate', { birthDate: '2020-02-30' }, /fecha válida/],
    ];
    for (const [field, change, spanish] of badFields) {
      test(`a bad ${field} answers 400 VALIDATION_ERROR naming the field, and stores nothing`, async () => {
        const res = await post({ ...valid, dni: '22333444', ...change });
        assert.equal(res.statusCode, 400, res.body);
        const { error } = res.json() as ApiError;
        assert.equal(error.code, 'VALIDATION_ERROR');
        assert.deepEqual(
          error.details?.map((d) => d.field),
          [field],
        );
        assert.match(error.details?.[0]?.message ?? '', spanish);
        assert.match(error.message, new RegExp(`^Datos inválidos: «${field}» [^;]*${spanish.source}`));
        if (field !== 'dni') assert.deepEqual(await byDni('22333444'), []);
      });
    }

    test('several bad fields are reported together, each by name', async () => {
      const res = await post({
        dni: '12',
        lastName: '   ',
        firstName: 'Ana',
        mobile: '4444',
        email: 'x@',
        birthDate: '2020-02-30',
      });
      assert.equal(res.statusCode, 400, res.body);
      const { error } = res.json() as ApiError;
      assert.equal(error.code, 'VALIDATION_ERROR');
      const fields = ['dni', 'lastName', 'mobile', 'email', 'birthDate'];
      assert.deepEqual(error.details?.map((d) => d.field).sort(), [...fields].sort());
      for (const field of fields) assert.ok(error.message.includes(`«${field}»`), `${field} in ${error.message}`);
      assert.match(error.message, /no puede quedar vacío/);
    });

    test('an unknown insurer is 404 with the id in the message', async () => {
      const res = await post({ ...valid, dni: '22333445', insurerId: 9999 });
      assert.equal(res.statusCode, 404, res.body);
      assert.equal((res.json() as ApiError).error.message, 'No existe la obra social 9999.');
    });

    test('without a token it is 401 UNAUTHENTICATED; a made-up token too', async () => {
      const headerSets: Array<Record<string, string>> = [{}, { authorization: 'Bearer trn_not-a-real-token' }];
      for (const headers of headerSets) {
        const res = await post({ ...valid, dni: '22333446' }, headers);
        assert.equal(res.statusCode, 401, res.body);
        assert.equal((res.json() as ApiError).error.code, 'UNAUTHENTICATED');
      }
      const list = await t.app.inject({ url: '/api/v1/patients?dni=30123456' });
      assert.equal(list.statusCode, 401, 'patient data is never public');
    });

    test("a professional's token cannot register patients (403)", async () => {
      const proId = Number(
        (
          await t.ctx.database.db
            .insertInto('professionals')
            .values({ lastName: 'SOSA', firstName: 'Eva' })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
      const res = await post({ ...valid, dni: '22333447' }, await t.auth('professional', proId));
      assert.equal(res.statusCode, 403, res.body);
      const { error } = res.json() as ApiError;
      assert.equal(error.code, 'FORBIDDEN');
      assert.equal(error.message, 'No tenés permiso para esta acción.');
      assert.deepEqual(await byDni('22333447'), []);
    });

    test('GET ?dni= finds the patient however the DNI is written, and nothing for an unknown DNI', async () => {
      for (const dni of ['30.123.456', '30123456']) {
        const found = await byDni(dni);
        assert.deepEqual(
          found.map((p) => [p.id, p.dni, p.lastName]),
          [[anaId, '30123456', 'Pérez Gómez']],
        );
      }
      assert.deepEqual(await byDni('29999999'), []);
      const bad = await t.app.inject({ url: '/api/v1/patients?dni=12', headers: staff });
      assert.equal(bad.statusCode, 400);
    });

    test('PATCH changes only the fields it names, normalizing them', async () => {
      const res = await patch(anaId, { mobile: '11 5555-6666', email: 'NUEVO@Example.com' });
      assert.equal(res.statusCode, 200, res.body);
      const p = res.json();
      assert.equal(p.mobile, '+5491155556666');
      assert.equal(p.email, 'nuevo@example.com');
      // Not sent, so untouched.
      assert.equal(p.address, 'Av. Rivadavia 1234, CABA');
      assert.equal(p.birthDate, '1980-05-04');
      assert.equal(p.sex, 'F');
      assert.equal(p.insurerId, osdeId);
      assert.equal(p.memberNumber, '61 123456 7');
      const [stored] = await byDni('30123456');
      assert.deepEqual(stored, p);

      const cleared = await patch(anaId, { email: null });
      assert.equal(cleared.json().email, null);
      assert.equal(cleared.json().mobile, '+5491155556666');
    });

    test('PATCH refuses bad values, a DNI already in use and unknown patients', async () => {
      const bad = await patch(anaId, { mobile: '4444' });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(
        (bad.json() as ApiError).error.details?.map((d) => d.field),
        ['mobile'],
      );

      const other = (await post({ ...valid, dni: '31000000' })).json();
      const taken = await patch(other.id, { dni: '30.123.456' });
      assert.equal(taken.statusCode, 409, taken.body);
      assert.equal((taken.json() as ApiError).error.code, 'DNI_TAKEN');
      assert.equal((await byDni('31000000')).length, 1);

      const missing = await patch(999_999, { address: 'x' });
      assert.equal(missing.statusCode, 404);
      assert.equal((missing.json() as ApiError).error.message, 'No existe el paciente 999999.');
    });

    test('searching by last name ignores case and accents', async () => {
      await post({ ...valid, dni: '32000000', lastName: 'NÚÑEZ' });
      for (const typed of ['núñez', 'NUNEZ', 'Nú']) {
        const url = `/api/v1/patients?lastName=${encodeURIComponent(typed)}`;
        const res = await t.app.inject({ url, headers: staff });
        assert.equal(res.statusCode, 200);
        assert.deepEqual(
          (res.json() as Array<{ dni: string }>).map((p) => p.dni),
          ['32000000'],
          typed,
        );
      }
      const wildcard = await t.app.inject({ url: '/api/v1/patients?lastName=%25', headers: staff });
      assert.deepEqual(wildcard.json(), [], 'a typed % is a literal, not "everyone"');
    });
  });
}
