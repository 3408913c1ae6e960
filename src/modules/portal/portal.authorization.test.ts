// The portal's authorization matrix: every page, file and /api/v1/me route that names one of A's rows, tried by
// patient B (404 exactly like a missing id), without a session (to log in / 401), by C whose portal is not
// enabled (403), and the staff side by roles that may not see it. No refusal carries A's data (document
// description, invoice number, questionnaire answers, name), and nothing of A's changes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditTrail } from '../../../test/support/audit-log.js';
import { insertStaffUser } from '../../../test/support/factories.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/test-db.js';
import { location, WebClient } from '../../../test/support/web-client.js';
import { PDF, PNG } from './documents.test-helpers.js';
import {
  type AIds,
  apiCall,
  assertNoLeak,
  MISSING_ID,
  type PortalWorld,
  portalWorld,
  refusalOf,
  snapshotOf,
} from './portal.authorization.test-helpers.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** [method, path naming A's rows as :doc, :sentQ… (and A as :patient), the form or JSON body]. */
type Case = [method: Method, path: string, body?: (ids: AIds) => object];

const typed = (ids: AIds, accion: string) => ({ accion, [`q-${ids.question}`]: 'Escrito por otra persona' });
const answers = (ids: AIds) => ({ answers: { [ids.question]: 'Escrito por otra persona' } });

/** The patient's pages and files that take an id: the portal's, and the cita actions Citas links to. */
const PAGES: Case[] = [
  ['GET', '/portal/documentos/:doc/ver'],
  ['GET', '/portal/documentos/:doc/descargar'],
  ['GET', '/portal/documentos/:centerDoc/ver'],
  ['GET', '/portal/documentos/:centerDoc/descargar'],
  ['GET', '/portal/documentos/:doc/borrar'],
  ['POST', '/portal/documentos/:doc/borrar'],
  ['POST', '/portal/documentos/:centerDoc/borrar'],
  ['GET', '/portal/cuestionarios/:sentQ'],
  ['GET', '/portal/cuestionarios/:draftQ'],
  ['POST', '/portal/cuestionarios/:draftQ', (ids) => typed(ids, 'borrador')],
  ['POST', '/portal/cuestionarios/:draftQ', (ids) => typed(ids, 'enviar')],
  ['POST', '/portal/cuestionarios/:sentQ', (ids) => typed(ids, 'enviar')],
  ['GET', '/portal/facturas/:invoice/pdf'],
  ['GET', '/portal/facturas/:invoice/pdf?descargar=1'],
  ['GET', '/turnos/:turno/comprobante.pdf'],
  ['GET', '/mis-turnos/:turno/cancelar'],
  ['POST', '/mis-turnos/:turno/cancelar'],
  ['GET', '/mis-turnos/:turno/motivo'],
  ['POST', '/mis-turnos/:turno/motivo', () => ({ motivo: 'Otro motivo' })],
];

/** Every /api/v1/me route but the login itself. */
const API: Case[] = [
  ['GET', '/me'],
  ['PATCH', '/me', () => ({})],
  ['GET', '/me/appointments'],
  ['POST', '/me/appointments', () => ({ professionalId: 1, start: '2026-11-25T13:00:00.000Z' })],
  ['GET', '/me/appointments/:turno'],
  ['PATCH', '/me/appointments/:turno', () => ({ reason: 'Otro motivo' })],
  ['GET', '/me/appointments/:turno/slip.pdf'],
  ['POST', '/me/appointments/:turno/cancel', () => ({})],
  ['GET', '/me/documents'],
  [
    'POST',
    '/me/documents',
    () => ({ description: 'Otro', fileName: 'otro.pdf', contentBase64: PDF.toString('base64') }),
  ],
  ['GET', '/me/documents/:doc/content'],
  ['GET', '/me/documents/:centerDoc/content?download=1'],
  ['DELETE', '/me/documents/:doc'],
  ['DELETE', '/me/documents/:centerDoc'],
  ['GET', '/me/questionnaires'],
  ['GET', '/me/questionnaires/:sentQ'],
  ['GET', '/me/questionnaires/:draftQ'],
  ['PUT', '/me/questionnaires/:draftQ/draft', answers],
  ['POST', '/me/questionnaires/:draftQ/submit', answers],
  ['POST', '/me/questionnaires/:sentQ/submit', answers],
  ['GET', '/me/invoices'],
  ['GET', '/me/invoices/:invoice'],
  ['GET', '/me/invoices/:invoice/pdf?download=1'],
  ['GET', '/me/profile'],
  ['PUT', '/me/profile', () => ({ lang: 'en' })],
  ['GET', '/me/profile/photo'],
  ['PUT', '/me/profile/photo', () => ({ contentBase64: PNG.toString('base64') })],
  ['DELETE', '/me/profile/photo'],
];
/** The portal's own parts of the API, behind the center's switch; appointments are the booking web's. */
const behindPortalSwitch = (path: string) => /^\/me\/(documents|questionnaires|invoices|profile)/.test(path);

/** Every page of the portal's menu, and the profile photo. */
const PORTAL_PAGES = [
  '/portal',
  '/portal/citas',
  '/portal/documentos',
  '/portal/cuestionarios',
  '/portal/facturas',
  '/portal/perfil',
  '/portal/perfil/foto',
];

/** Staff pages of A's record and of the portal's back office that this role may not open. */
const STAFF_REFUSED: [who: 'professional' | 'reception', method: 'GET' | 'POST', path: string][] = [
  ['professional', 'GET', '/staff/pacientes/:patient/documentos'],
  ['professional', 'GET', '/staff/pacientes/:patient/documentos/:doc/ver'],
  ['professional', 'GET', '/staff/pacientes/:patient/documentos/:centerDoc/descargar'],
  ['professional', 'GET', '/staff/pacientes/:patient/documentos/:doc/borrar'],
  ['professional', 'POST', '/staff/pacientes/:patient/documentos/:doc/borrar'],
  ['professional', 'GET', '/staff/pacientes/:patient/cuestionarios'],
  ['professional', 'GET', '/staff/pacientes/:patient/cuestionarios/:sentQ'],
  ['professional', 'GET', '/staff/pacientes/:patient/cuestionarios/:sentQ/respuestas.pdf'],
  ['professional', 'GET', '/staff/pacientes/:patient/facturas'],
  ['professional', 'GET', '/staff/portal/facturas'],
  ['professional', 'GET', '/staff/portal/facturas/nueva'],
  ['professional', 'GET', '/staff/portal/facturas/:invoice'],
  ['professional', 'GET', '/staff/portal/facturas/:invoice/pdf'],
  ['reception', 'GET', '/staff/portal/cuestionarios'],
  ['reception', 'GET', '/staff/portal/cuestionarios/nuevo'],
];

/** The back office's invoices over JSON (Bearer token, admin and reception only). */
const INVOICES_API: Case[] = [
  ['GET', '/invoices'],
  ['GET', '/invoices/:invoice'],
  ['GET', '/invoices/:invoice/pdf'],
  ['PATCH', '/invoices/:invoice', () => ({ status: 'void', reason: 'Por error' })],
  ['POST', '/invoices', (ids) => ({ patientId: ids.patient, lines: [{ concept: 'Otra', quantity: 1, unitCents: 1 }] })],
];

const placeholder = /:(patient|turno|doc|centerDoc|sentQ|draftQ|invoice)\b/g;
/** The path with A's ids, or with `missing` in place of A's row. */
const fill = (path: string, w: PortalWorld, missing?: number) =>
  path.replace(placeholder, (_, key: keyof AIds) =>
    String(key === 'patient' ? w.ids.patient : (missing ?? w.ids[key])),
  );
/** The id of A's row the path names (the last one). */
const idIn = (path: string, w: PortalWorld) => w.ids[[...path.matchAll(placeholder)].at(-1)?.[1] as keyof AIds];

/** A page request as a browser sends it: a GET, or the form with the client's CSRF token. */
function page(client: WebClient, w: PortalWorld, [method, path, body]: Case, missing?: number) {
  const url = fill(path, w, missing);
  return method === 'GET' ? client.get(url) : client.post(url, (body?.(w.ids) ?? {}) as Record<string, string>);
}

for (const dialect of testDialects()) {
  describe(`Portal authorization matrix (${dialect})`, () => {
    let t: TestApp;
    let w: PortalWorld;
    let asA: WebClient;
    let asB: WebClient;
    let asC: WebClient;
    let anonymous: WebClient;
    let snapshot: Awaited<ReturnType<typeof snapshotOf>>;

    before(async () => {
      t = await buildTestApp(dialect);
      w = await portalWorld(t);
      asA = await WebClient.loggedIn(t.app, t.ctx, w.a.id);
      asB = await WebClient.loggedIn(t.app, t.ctx, w.b.id);
      asC = await WebClient.loggedIn(t.app, t.ctx, w.c.id);
      anonymous = new WebClient(t.app);
      // Each opens a page first, as a browser does, so that its forms carry a valid CSRF token.
      await asB.get('/portal');
      await anonymous.get('/ingresar');
      snapshot = await snapshotOf(t, w.a.id);
    });
    after(() => t.close());

    for (const c of PAGES) {
      const [method, path] = c;
      test(`page: B on A's ${method} ${path} → 404 as a missing id`, async () => {
        if (method === 'GET') assert.equal((await asA.get(fill(path, w))).statusCode, 200, 'A reaches their own');
        const theirs = await page(asB, w, c);
        const missing = await page(asB, w, c, MISSING_ID);
        assert.equal(missing.statusCode, 404, 'a missing id');
        assert.equal(theirs.statusCode, 404, "A's id");
        assert.equal(refusalOf(theirs, idIn(path, w)), refusalOf(missing, MISSING_ID));
        assertNoLeak(theirs, w.secrets, path);
      });

      test(`page: no session on ${method} ${path} → to log in`, async () => {
        const res = await page(anonymous, w, c);
        assert.equal(res.statusCode, 303, res.body.slice(0, 300));
        assert.match(location(res), /^\/ingresar\?volver=/);
        assertNoLeak(res, w.secrets, path);
      });
    }

    for (const [method, path, body] of API) {
      const call = (who: WebClient | null, missing?: number) =>
        apiCall(t, who, method, fill(path, w, missing), body?.(w.ids));

      test(`api: no session on ${method} ${path} → 401`, async () => {
        const res = await call(null);
        assert.equal(res.statusCode, 401, res.body);
        assert.equal(res.json().error.code, 'UNAUTHENTICATED');
      });

      if (/:\w/.test(path)) {
        test(`api: B on A's ${method} ${path} → 404 as a missing id`, async () => {
          if (method === 'GET') assert.equal((await call(asA)).statusCode, 200, 'A reads their own');
          const theirs = await call(asB);
          const missing = await call(asB, MISSING_ID);
          assert.equal(missing.statusCode, 404, missing.body);
          assert.equal(theirs.statusCode, 404, theirs.body);
          assert.equal(refusalOf(theirs, idIn(path, w)), refusalOf(missing, MISSING_ID));
          assertNoLeak(theirs, w.secrets, path);
        });
      }

      if (behindPortalSwitch(path)) {
        test(`api: C (portal not enabled) on ${method} ${path} → 403 PORTAL_NOT_ENABLED`, async () => {
          const res = await call(asC);
          assert.equal(res.statusCode, 403, res.body);
          assert.equal(res.json().error.code, 'PORTAL_NOT_ENABLED');
          assertNoLeak(res, w.secrets, path);
        });
      }
    }

    for (const path of PORTAL_PAGES) {
      test(`page: C (portal not enabled) on ${path} → the not-enabled page`, async () => {
        const res = await asC.get(path);
        assert.equal(res.statusCode, 403, asC.text());
        assert.match(asC.text(), /Tu portal todavía no está habilitado/);
        assert.match(asC.text(), /El centro todavía no habilitó tu portal del paciente\. Pedíselo en recepción\./);
        assert.doesNotMatch(asC.html, /aria-label="Secciones del portal"/, 'no portal menu');
        assertNoLeak(res, w.secrets, path);
      });
    }

    test("page: C's portal forms change nothing while the portal is not enabled", async () => {
      await asC.get('/portal');
      assert.equal((await asC.post('/portal/perfil/idioma', { lang: 'en' })).statusCode, 403);
      const file = { name: 'mio.pdf', type: 'application/pdf', bytes: PDF };
      assert.equal((await asC.upload('/portal/documentos', { description: 'Mío' }, { file })).statusCode, 403);
      const db = t.ctx.database.db;
      const documents = await db.selectFrom('patientDocuments').select('id').where('patientId', '=', w.c.id).execute();
      assert.deepEqual(documents, []);
      const account = await db.selectFrom('webAccounts').select('lang').where('patientId', '=', w.c.id).execute();
      assert.deepEqual(account, [{ lang: '' }]);
    });

    describe('staff', () => {
      let professional: WebClient;
      let professionalRef: string;
      let reception: WebClient;
      let admin: WebClient;

      before(async () => {
        const db = t.ctx.database.db;
        const user = await insertStaffUser(db, {
          username: 'prof',
          role: 'professional',
          professionalId: w.withoutTurno,
        });
        professionalRef = `usuario:${user.id}`;
        professional = await WebClient.loggedInStaff(t.app, t.ctx, user.id);
        await professional.get('/staff');
        reception = await WebClient.newStaff(t.app, t.ctx, { username: 'recepcion', role: 'reception' });
        admin = await WebClient.newStaff(t.app, t.ctx, { username: 'admin', role: 'admin' });
      });

      for (const [who, method, path] of STAFF_REFUSED) {
        test(`staff: ${who} on ${method} ${path} → 403`, async () => {
          const client = who === 'professional' ? professional : reception;
          const res = method === 'GET' ? await client.get(fill(path, w)) : await client.post(fill(path, w));
          assert.equal(res.statusCode, 403, client.text());
          assert.match(client.text(), /No tenés permiso para esta acción\./, 'refused for the role, not the form');
          assertNoLeak(res, w.secrets, path);
        });
      }

      test('staff: the refusals left no read in the audit log, and those allowed do get in', async () => {
        assert.deepEqual(await auditTrail(t.ctx.database.db, w.a.id, professionalRef), []);
        const user = await insertStaffUser(t.ctx.database.db, {
          username: 'prof-con-turno',
          role: 'professional',
          professionalId: w.withTurno,
        });
        const own = await WebClient.loggedInStaff(t.app, t.ctx, user.id);
        assert.equal((await own.get(fill('/staff/pacientes/:patient/documentos', w))).statusCode, 200);
        assert.equal((await own.get(fill('/staff/pacientes/:patient/cuestionarios', w))).statusCode, 200);
        assert.equal((await reception.get(fill('/staff/pacientes/:patient/facturas', w))).statusCode, 200);
      });

      for (const path of ['/portal', '/portal/documentos/:doc/ver', '/portal/facturas/:invoice/pdf']) {
        test(`staff: a staff session on ${path} is no patient session → to log in`, async () => {
          const res = await admin.get(fill(path, w));
          assert.equal(res.statusCode, 303);
          assert.match(location(res), /^\/ingresar\?volver=/);
          assertNoLeak(res, w.secrets, path);
        });
      }

      for (const [method, path, body] of INVOICES_API) {
        test(`api: ${method} ${path} → 401 without a token, 403 for a professional or a patient`, async () => {
          const call = (who: WebClient | Record<string, string> | null) =>
            apiCall(t, who, method, fill(path, w), body?.(w.ids));
          const none = await call(null);
          assert.equal(none.statusCode, 401, none.body);
          const asProfessional = await call(await t.auth('professional', w.withoutTurno));
          assert.equal(asProfessional.statusCode, 403, asProfessional.body);
          assert.equal(asProfessional.json().error.code, 'FORBIDDEN');
          const asPatient = await call(asA);
          assert.equal(asPatient.statusCode, 403, asPatient.body);
          for (const res of [none, asProfessional, asPatient]) assertNoLeak(res, w.secrets, path);
        });
      }

      test('api: a reception token reads that invoice (the refusals were about the role)', async () => {
        const res = await apiCall(t, await t.auth('reception'), 'GET', fill('/invoices/:invoice', w));
        assert.equal(res.statusCode, 200, res.body);
      });
    });

    test("after the whole matrix nothing of A's changed: documents and files, questionnaires, invoice, turno", async () => {
      assert.deepEqual(await snapshotOf(t, w.a.id), snapshot);
    });
  });
}
