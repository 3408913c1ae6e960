// "Pacientes web" for staff: alta (activated at once or by mail), the list and its search, who may use it,
// and the audit rows each action leaves.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { insertInsurer, insertPatient, insertProfessional } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { WebClient } from '../../../test/support/web-client.js';
import { forgetLimits, linkPath, logIn, mailTo, withAccount } from './accounts.test-helpers.js';

const MINUTE = 60_000;

for (const dialect of testDialects()) {
  describe(`web accounts for staff (${dialect})`, () => {
    let t: TestApp;
    let reception: Record<string, string>;
    let osdeId: number;

    before(async () => {
      t = await buildTestApp(dialect);
      reception = await t.auth('reception');
      osdeId = (await insertInsurer(t.ctx.database.db, 'OSDE')).id;
    });
    after(() => t.close());
    beforeEach(() => forgetLimits(t));

    const post = (payload: object, headers = reception) =>
      t.app.inject({ method: 'POST', url: '/api/v1/web-accounts', headers, payload });
    const apiLogin = (dni: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/me/session', payload: { dni, password } });
    const list = async (query: string) => {
      const res = await t.app.inject({ url: `/api/v1/web-accounts?${query}`, headers: reception });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { items: Array<Record<string, unknown>>; total: number };
    };
    const auditOf = (action: string, patientId: number | null) =>
      t.ctx.database.db
        .selectFrom('auditLog')
        .selectAll()
        .where('action', '=', action)
        .where('patientId', patientId === null ? 'is' : '=', patientId)
        .execute();

    test('alta of an existing patient, activated at once: the patient logs in right away, no mail', async () => {
      const patient = await insertPatient(t.ctx.database.db, { dni: '27111222', lastName: 'SOSA', insurerId: osdeId });
      const res = await post({
        patientId: patient.id,
        email: ' Sosa.Nueva@Example.COM ',
        password: 'clave segura 1',
        activated: true,
      });
      assert.equal(res.statusCode, 201, res.body);
      const view = res.json();
      assert.equal(view.patientId, patient.id);
      assert.equal(view.email, 'sosa.nueva@example.com');
      assert.equal(view.state, 'activated');
      assert.equal(view.insurerName, 'OSDE');
      assert.equal(view.activatedAt, new Date(t.clock.now()).toISOString());

      assert.equal((await apiLogin('27.111.222', 'clave segura 1')).statusCode, 200);
      assert.equal((await logIn(new WebClient(t.app), '27111222', 'clave segura 1')).statusCode, 303);
      const mails = await t.ctx.database.db
        .selectFrom('outbox')
        .selectAll()
        .where('patientId', '=', patient.id)
        .execute();
      assert.equal(mails.length, 0);
      const [row] = await auditOf('web_account.create', patient.id);
      assert.match(row?.actorRef ?? '', /^token:/);
      const updates = await auditOf('patient.update', patient.id);
      assert.deepEqual(
        updates.map((r) => r.detail),
        ['email (alta en web)'],
        'the e-mail changed on the record: only that field is named',
      );

      const again = await post({ patientId: patient.id, password: 'otra clave 22', activated: true });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'ACCOUNT_EXISTS');
    });

    test('alta that changes the DNI and e-mail records the record edit; one that changes nothing does not', async () => {
      const db = t.ctx.database.db;
      const changed = await insertPatient(db, { dni: '27444555', lastName: 'VERA' });
      const res = await post({
        patientId: changed.id,
        dni: '27.444.556',
        email: 'vera@example.com',
        password: 'clave segura 2',
        activated: true,
      });
      assert.equal(res.statusCode, 201, res.body);
      const [update, ...more] = await auditOf('patient.update', changed.id);
      assert.equal(more.length, 0);
      assert.equal(update?.detail, 'dni, email (alta en web)');
      assert.match(update?.actorRef ?? '', /^token:/);

      const same = await insertPatient(db, { dni: '27444666', lastName: 'IGUAL' });
      const plain = await post({ patientId: same.id, password: 'clave segura 3', activated: true });
      assert.equal(plain.statusCode, 201, plain.body);
      assert.equal((await auditOf('patient.update', same.id)).length, 0);
    });

    test('alta of a new patient without activation: the activation mail arrives and its link activates', async () => {
      const res = await post({
        patient: { dni: '33.444.555', lastName: 'Núñez', firstName: 'Martín', insurerId: osdeId },
        email: 'martin.nunez@example.com',
        password: 'clave segura 2',
      });
      assert.equal(res.statusCode, 201, res.body);
      const view = res.json();
      assert.equal(view.dni, '33444555');
      assert.equal(view.state, 'pending');
      assert.equal(view.activatedAt, null);

      const early = await apiLogin('33444555', 'clave segura 2');
      assert.equal(early.statusCode, 403);
      assert.equal(early.json().error.code, 'ACCOUNT_NOT_ACTIVE');

      const mail = await mailTo(t, 'martin.nunez@example.com');
      assert.match(mail.subject, /Activá tu usuario web/);
      assert.match(mail.text, /Hola, Martín/);
      const client = new WebClient(t.app);
      await client.follow(await client.get(linkPath(mail, '/activar?token=')));
      assert.match(client.text(), /Tu usuario quedó activado/);
      assert.equal((await apiLogin('33444555', 'clave segura 2')).statusCode, 200);

      assert.equal((await auditOf('patient.create', view.patientId)).length, 1);
      assert.equal((await auditOf('web_account.create', view.patientId)).length, 1);
    });

    test('refusals: patient missing or twice, taken DNI, weak password, no e-mail, unknown insurer', async () => {
      const taken = await insertPatient(t.ctx.database.db, { dni: '28999000' });
      const noEmail = await insertPatient(t.ctx.database.db);
      await t.ctx.database.db.updateTable('patients').set({ email: null }).where('id', '=', noEmail.id).execute();
      const newOne = { dni: '28999001', lastName: 'Paz', firstName: 'Eva' };
      const cases: Array<[object, number, string]> = [
        [{ password: 'clave segura 3' }, 400, 'VALIDATION_ERROR'],
        [{ patientId: taken.id, patient: newOne, password: 'clave segura 3' }, 400, 'VALIDATION_ERROR'],
        [{ patientId: 2_000_000_000, email: 'x@example.com', password: 'clave segura 3' }, 404, 'NOT_FOUND'],
        [
          { patient: { ...newOne, dni: '28.999.000' }, email: 'e@example.com', password: 'clave segura 3' },
          409,
          'DNI_TAKEN',
        ],
        [{ patientId: taken.id, dni: '33444555', password: 'clave segura 3' }, 409, 'DNI_TAKEN'],
        [{ patient: newOne, email: 'e@example.com', password: '28999001' }, 400, 'WEAK_PASSWORD'],
        [{ patient: newOne, email: 'e@example.com', password: 'corta' }, 400, 'WEAK_PASSWORD'],
        [{ patientId: noEmail.id, password: 'clave segura 3' }, 400, 'VALIDATION_ERROR'],
        [
          { patient: { ...newOne, insurerId: 99_999 }, email: 'e@example.com', password: 'clave segura 3' },
          404,
          'NOT_FOUND',
        ],
      ];
      for (const [body, status, code] of cases) {
        const res = await post(body);
        assert.equal(res.statusCode, status, `${JSON.stringify(body)}: ${res.body}`);
        assert.equal(res.json().error.code, code, JSON.stringify(body));
      }
      const none = await t.ctx.database.db.selectFrom('patients').select('id').where('dni', '=', '28999001').execute();
      assert.equal(none.length, 0, 'a refused alta leaves no patient behind');
      assert.equal((await auditOf('web_account.create', taken.id)).length, 0);
    });

    test('the list: newest first, search by DNI, name or e-mail ignoring accents and case, by state, in pages', async () => {
      const db = t.ctx.database.db;
      const carla = await insertPatient(db, { dni: '40111222', lastName: 'IBÁÑEZ' });
      await withAccount(t, carla.id, 'clave de carla');
      t.clock.advance(MINUTE);
      const rosa = await insertPatient(db, { dni: '40222333', lastName: 'Ibañez Rosa' });
      await withAccount(t, rosa.id, 'clave de rosa', false);
      t.clock.advance(MINUTE);
      const other = await insertPatient(db, { dni: '40333444', lastName: 'QUIROGA', disabled: true });
      await db.updateTable('patients').set({ email: 'IBANEZ.fan@example.com' }).where('id', '=', other.id).execute();
      await withAccount(t, other.id, 'clave de quiroga');
      await insertPatient(db, { dni: '40444555', lastName: 'IBANEZ SIN CUENTA' });

      const ids = async (query: string) => (await list(query)).items.map((i) => i.patientId);
      assert.deepEqual(await ids('q=ibanez'), [other.id, rosa.id, carla.id]);
      assert.deepEqual(await ids('q=IBÁÑEZ%20rosa'), [rosa.id]);
      assert.deepEqual(await ids('q=40.111'), [carla.id]);
      assert.deepEqual(await ids('q=ibanez.fan%40'), [other.id]);
      assert.deepEqual(await ids('q=ibanez&state=activated'), [carla.id]);
      assert.deepEqual(await ids('q=ibanez&state=pending'), [rosa.id]);
      assert.deepEqual(await ids('q=ibanez&state=disabled'), [other.id]);
      assert.deepEqual(await ids('q=%25'), [], 'a typed % is not a wildcard');
      const page = await list('q=ibanez&pageSize=2&page=2');
      assert.deepEqual(
        page.items.map((i) => i.patientId),
        [carla.id],
      );
      assert.equal(page.total, 3);
      assert.deepEqual(
        (await list('q=ibanez&state=disabled')).items.map((i) => [i.state, i.disabled]),
        [['disabled', true]],
      );
      const all = await list('');
      assert.equal(all.items[0]?.patientId, other.id, 'newest account first');
      assert.ok(all.total >= 5);

      const rows = await auditOf('web_account.list', null);
      assert.ok(rows.some((r) => /texto "ibanez", estado pending, página 1/.test(r.detail)));
    });

    test('one account: its data, audited with the patient; no account or no patient is 404', async () => {
      const patient = await insertPatient(t.ctx.database.db, { dni: '29555666' });
      await withAccount(t, patient.id, 'clave de lectura');
      const res = await t.app.inject({ url: `/api/v1/web-accounts/${patient.id}`, headers: reception });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().dni, '29555666');
      assert.equal((await auditOf('web_account.read', patient.id)).length, 1);
      const bare = await insertPatient(t.ctx.database.db);
      for (const id of [bare.id, 2_000_000_000]) {
        const missing = await t.app.inject({ url: `/api/v1/web-accounts/${id}`, headers: reception });
        assert.equal(missing.statusCode, 404);
      }
    });

    test('professionals get 403 and no token 401 on every endpoint; admins may', async () => {
      const patient = await insertPatient(t.ctx.database.db);
      await withAccount(t, patient.id, 'clave cualquiera', false);
      const doctor = await insertProfessional(t.ctx.database.db, { lastName: 'MEDICO' });
      const professional = await t.auth('professional', doctor.id);
      const json = { 'content-type': 'application/json' };
      const calls = [
        { method: 'GET' as const, url: '/api/v1/web-accounts' },
        { method: 'GET' as const, url: `/api/v1/web-accounts/${patient.id}` },
        { method: 'POST' as const, url: '/api/v1/web-accounts', payload: { patientId: patient.id, password: 'x' } },
        { method: 'PATCH' as const, url: `/api/v1/web-accounts/${patient.id}`, payload: { activated: true } },
        { method: 'POST' as const, url: `/api/v1/web-accounts/${patient.id}/activation-mail`, payload: {} },
        { method: 'POST' as const, url: `/api/v1/web-accounts/${patient.id}/password-reset-mail`, payload: {} },
      ];
      for (const call of calls) {
        const forbidden = await t.app.inject({ ...call, headers: { ...professional, ...json } });
        assert.equal(forbidden.statusCode, 403, `${call.method} ${call.url}: ${forbidden.body}`);
        assert.equal(forbidden.json().error.code, 'FORBIDDEN');
        const anonymous = await t.app.inject({ ...call, headers: json });
        assert.equal(anonymous.statusCode, 401, `${call.method} ${call.url}`);
      }
      const admin = await t.auth('admin');
      assert.equal((await t.app.inject({ url: '/api/v1/web-accounts', headers: admin })).statusCode, 200);
    });
  });
}
