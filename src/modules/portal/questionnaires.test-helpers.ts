// What the questionnaire tests share: a center with portal patients, a questionnaire defined through the admin
// pages (one question of every kind), JSON calls with a patient's session, and a PDF's text as pdftotext reads it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { LightMyRequestResponse } from 'fastify';
import { insertPatient, seedCenter } from '../../../test/support/factories.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { location, type WebClient } from '../../../test/support/web-client.js';
import { SESSION_COOKIE } from '../../platform/http/sessions.js';

const run = promisify(execFile);

/** The PDF's text as printed (`pdftotext -layout`), spaces collapsed. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-cuestionario-'));
  try {
    const file = path.join(dir, 'respuestas.pdf');
    fs.writeFileSync(file, bytes);
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
    return stdout.replace(/[ \t]+/g, ' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function questionnaireCenter(t: TestApp) {
  const db = t.ctx.database.db;
  const seed = await seedCenter(db);
  const ana = await insertPatient(db, { dni: '31111222', lastName: 'GARCÍA' });
  const beto = await insertPatient(db, { dni: '31333444', lastName: 'BETO' });
  const carla = await insertPatient(db, { dni: '31555666', lastName: 'CARLA' });
  await db.updateTable('patients').set({ portalEnabled: 1, firstName: 'Ana' }).where('id', '=', ana.id).execute();
  await db.updateTable('patients').set({ portalEnabled: 1 }).where('id', '=', beto.id).execute();
  await db.updateTable('centerSettings').set({ name: 'Centro Médico Sur', phones: '011 4444-5555' }).execute();
  return { seed, ana, beto, carla };
}

/** One question of every kind, as the admin form posts them. */
export const EVERY_KIND = [
  { kind: 'text', label: '¿Qué medicación tomás?', help: 'Nombre y dosis', required: '1' },
  { kind: 'choice', label: '¿Con qué frecuencia hacés ejercicio?', choices: 'Nunca\nA veces\nSiempre' },
  { kind: 'yes_no', label: '¿Sos alérgico a algún medicamento?', required: '1' },
  { kind: 'date', label: '¿Cuándo fue tu último análisis?' },
  { kind: 'scale', label: '¿Cuánto dolor sentís hoy?', scaleMin: '0', scaleMax: '10', required: '1' },
] as const;

type QuestionPost = { kind: string; label: string } & Partial<Record<string, string>>;

/** Creates the questionnaire and its questions through the admin pages; its id and question ids in order. */
export async function defineQuestionnaire(
  admin: WebClient,
  q: { title: string; intro?: string; attach?: string; questions: readonly QuestionPost[] },
): Promise<{ id: number; questionIds: number[] }> {
  await admin.get('/staff/portal/cuestionarios/nuevo');
  const created = await admin.post('/staff/portal/cuestionarios/nuevo', {
    title: q.title,
    intro: q.intro ?? '',
    active: '1',
    attach: q.attach ?? '',
  });
  assert.equal(created.statusCode, 303, admin.html);
  const id = Number(/\/cuestionarios\/(\d+)\?/.exec(location(created))?.[1]);
  const questionIds: number[] = [];
  for (const question of q.questions) {
    await admin.get(`/staff/portal/cuestionarios/${id}/preguntas/nueva`);
    const added = await admin.post(`/staff/portal/cuestionarios/${id}/preguntas/nueva`, {
      help: '',
      choices: '',
      scaleMin: '',
      scaleMax: '',
      ...(question as Record<string, string>),
    });
    assert.equal(added.statusCode, 303, admin.html);
    questionIds.push(Number(/#pregunta-(\d+)/.exec(location(added))?.[1]));
  }
  return { id, questionIds };
}

/** A JSON call with the client's patient session, as a mobile app makes it. */
export function api(
  t: TestApp,
  client: WebClient | null,
  method: 'GET' | 'PUT' | 'POST',
  url: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  const session = client?.cookies.get(SESSION_COOKIE);
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: {
      'accept-language': 'es-AR',
      ...(session ? { cookie: `${SESSION_COOKIE}=${session}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

/** The request ids the patient's list shows (the API's view). */
export async function requestIds(t: TestApp, client: WebClient): Promise<number[]> {
  const res = await api(t, client, 'GET', '/me/questionnaires');
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { id: number }[]).map((r) => r.id);
}
