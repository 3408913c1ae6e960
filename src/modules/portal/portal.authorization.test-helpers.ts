// The authorization matrix's world: patients A and B with the portal and a web account, C with a web account
// and no portal, and one of A's rows of every kind the portal serves, made through the real services.
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { insertPatient, seedCenter } from '../../../test/support/factories.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { WebClient } from '../../../test/support/web-client.js';
import type { Patient } from '../../platform/db/schema.js';
import { SESSION_COOKIE } from '../../platform/http/sessions.js';
import { withAccount } from '../patients/accounts.test-helpers.js';
import { insertTurno } from '../scheduling/appointments.test-fixture.js';
import type { StaffActor } from '../staff/actor.js';
import { uploadMyDocument } from './documents.service.js';
import { staffUploadDocument } from './documents.staff.service.js';
import { PDF } from './documents.test-helpers.js';
import { createInvoice } from './invoices.service.js';
import { saveMyDraft, submitMine } from './questionnaire-requests.service.js';
import { assignQuestionnaire } from './questionnaire-requests.staff.service.js';
import { addQuestion, createQuestionnaire } from './questionnaires.admin.service.js';

/** An id no row has: what another patient's id must look like. */
export const MISSING_ID = 987_654;

const admin: StaffActor = {
  kind: 'staff',
  ref: 'usuario:9001',
  name: 'Administración de prueba',
  role: 'admin',
  professionalId: null,
  ip: '127.0.0.1',
};

/** A's ids, by what they name. */
export interface AIds {
  patient: number;
  turno: number;
  doc: number;
  centerDoc: number;
  sentQ: number;
  draftQ: number;
  question: number;
  invoice: number;
}

export interface PortalWorld {
  a: Patient;
  b: Patient;
  c: Patient;
  ids: AIds;
  /** What only A (and staff allowed to) may read: any of it in a refused answer is a leak. */
  secrets: string[];
  /** Professionals: one with a turno with A, one with none. */
  withTurno: number;
  withoutTurno: number;
}

async function patient(t: TestApp, lastName: string, portal: boolean) {
  const db = t.ctx.database.db;
  const row = await insertPatient(db, { lastName });
  if (portal) {
    await db
      .updateTable('patients')
      .set({ portalEnabled: 1, portalEnabledAt: '2026-11-01T12:00:00.000Z' })
      .where('id', '=', row.id)
      .execute();
  }
  await withAccount(t, row.id, 'una-clave-larga-123');
  return row;
}

export async function portalWorld(t: TestApp): Promise<PortalWorld> {
  const { ctx } = t;
  const seed = await seedCenter(ctx.database.db);
  const a = await patient(t, 'ARAMBURU', true);
  const b = await patient(t, 'BENITEZ', true);
  const c = await patient(t, 'CORREA', false);
  const asA = { kind: 'patient', patientId: a.id } as const;
  const secrets = {
    description: 'Resonancia de rodilla de Aramburu',
    centerDescription: 'Informe cardiologico confidencial',
    answer: 'Tomo levotiroxina 75 mcg',
    draft: 'Borrador con enalapril',
    concept: 'Consulta particular de Aramburu',
  };

  const turno = await insertTurno(ctx.database.db, {
    patientId: a.id,
    professionalId: seed.gonzalez.id,
    specialtyId: seed.cardiology.id,
    start: '2026-11-25T12:00:00.000Z',
    origin: 'web',
  });
  const file = (fileName: string) => ({ fileName, declaredType: 'application/pdf', bytes: PDF, tooLarge: false });
  const doc = await uploadMyDocument(ctx, { actor: asA, description: secrets.description, file: file('rodilla.pdf') });
  const centerDoc = await staffUploadDocument(ctx, {
    actor: admin,
    patientId: a.id,
    category: 'report',
    description: secrets.centerDescription,
    appointmentId: turno,
    file: file('informe.pdf'),
  });

  const questionnaire = await createQuestionnaire(ctx, {
    actor: admin,
    fields: { title: 'Antes de la consulta', intro: '', active: true, attach: '' },
  });
  const question = await addQuestion(ctx, {
    actor: admin,
    questionnaireId: questionnaire,
    fields: {
      kind: 'text',
      label: '¿Qué medicación tomás?',
      help: '',
      required: true,
      choices: '',
      scaleMin: '',
      scaleMax: '',
    },
  });
  const ask = () => assignQuestionnaire(ctx, { actor: admin, patientId: a.id, questionnaireId: questionnaire });
  const sentQ = await ask();
  await submitMine(ctx, { actor: asA, id: sentQ, answers: new Map([[question, secrets.answer]]) });
  const draftQ = await ask();
  await saveMyDraft(ctx, { actor: asA, id: draftQ, answers: new Map([[question, secrets.draft]]) });

  const invoice = await createInvoice(ctx, {
    actor: admin,
    patientId: a.id,
    insurerId: null,
    lines: [{ concept: secrets.concept, quantity: 1, unitCents: 1_500_00, insurerCents: 0 }],
  });

  return {
    a,
    b,
    c,
    ids: { patient: a.id, turno, doc: doc.id, centerDoc: centerDoc.id, sentQ, draftQ, question, invoice: invoice.id },
    secrets: [...Object.values(secrets), invoice.numberText, a.lastName],
    withTurno: seed.gonzalez.id,
    withoutTurno: seed.alvarez.id,
  };
}

/** Every row of A's the portal serves, and each document's file as the store keeps it. */
export async function snapshotOf(t: TestApp, patientId: number) {
  const db = t.ctx.database.db;
  const documents = await db
    .selectFrom('patientDocuments')
    .selectAll()
    .where('patientId', '=', patientId)
    .orderBy('id')
    .execute();
  return {
    documents,
    files: await Promise.all(documents.map(async (d) => (await t.ctx.files.get(d.storageKey))?.length)),
    questionnaires: await db
      .selectFrom('questionnaireRequests')
      .selectAll()
      .where('patientId', '=', patientId)
      .orderBy('id')
      .execute(),
    invoices: await db.selectFrom('invoices').selectAll().where('patientId', '=', patientId).orderBy('id').execute(),
    turnos: await db.selectFrom('appointments').selectAll().where('patientId', '=', patientId).orderBy('id').execute(),
  };
}

/** A JSON API call as a mobile app makes it: the client's patient session, or headers (a Bearer token). */
export function apiCall(
  t: TestApp,
  who: WebClient | Record<string, string> | null,
  method: string,
  url: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { 'accept-language': 'es-AR' };
  if (who instanceof WebClient) headers.cookie = `${SESSION_COOKIE}=${who.cookies.get(SESSION_COOKIE)}`;
  else if (who) Object.assign(headers, who);
  if (body !== undefined) headers['content-type'] = 'application/json';
  return t.app.inject({
    method: method as 'GET',
    url: `/api/v1${url}`,
    headers,
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

/** The answer's words a person reads about a refusal: the page's alert, or the API's error, its id as ID. */
export function refusalOf(res: LightMyRequestResponse, id: number): string {
  const anyId = new RegExp(`\\b${id}\\b`, 'g');
  if (String(res.headers['content-type']).startsWith('application/json')) {
    const { code, message } = (res.json() as { error: { code: string; message: string } }).error;
    return `${code}: ${message.replace(anyId, 'ID')}`;
  }
  const alert = /<p class="notice" role="alert">([\s\S]*?)<\/p>/.exec(res.body)?.[1] ?? res.body;
  return alert.replace(anyId, 'ID');
}

/** None of A's data in what was answered to someone refused. */
export function assertNoLeak(res: LightMyRequestResponse, secrets: readonly string[], what: string) {
  const seen = `${res.body}\n${String(res.headers.location ?? '')}`;
  for (const secret of secrets) assert.ok(!seen.includes(secret), `${what}: the answer shows «${secret}»`);
}
