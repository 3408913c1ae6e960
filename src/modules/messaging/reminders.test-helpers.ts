// What the reminder tests share: templates and rules made directly, turnos booked through the API.
import assert from 'node:assert/strict';
import { insertPatient } from '../../../test/support/factories.js';
import { cardiology, postBooking, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import type { MessageChannel } from '../../platform/db/schema.js';
import type { StaffActor } from '../staff/actor.js';

/** Where links in mails start under app.inject (request.host is "localhost:80"). */
export const BASE = 'http://localhost:80';

export const admin: StaffActor = {
  kind: 'staff',
  ref: 'cli',
  name: 'Prueba',
  role: 'admin',
  professionalId: null,
  ip: '',
};

export const REMINDER_BODY =
  'Hola [[PACIENTE]]: te recordamos tu turno del [[FECHA]] a las [[HORA]] con [[PROFESIONAL]].\n' +
  'Para confirmar: [[CONFIRMAR]]\nSi no podés venir, cancelalo: [[CANCELAR]]';

export async function insertTemplate(
  t: TestApp,
  channel: MessageChannel,
  title: string,
  body = REMINDER_BODY,
): Promise<number> {
  const now = new Date(t.clock.now()).toISOString();
  const row = await t.ctx.database.db
    .insertInto('messageTemplates')
    .values({ channel, title, body, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A turno with GONZALEZ (cardiology, Mon–Fri 08:00–12:00 every 20 minutes) for a new patient. */
export async function bookTurno(
  t: TestApp,
  seed: Seed,
  api: Record<string, string>,
  start: string,
  patient: { email?: string | null; mobile?: string | null } = {},
) {
  const p = await insertPatient(t.ctx.database.db, { insurerId: seed.osde.id });
  if ('email' in patient || 'mobile' in patient) {
    await t.ctx.database.db.updateTable('patients').set(patient).where('id', '=', p.id).execute();
  }
  const res = await postBooking(t, api, cardiology(seed, { start, patientId: p.id }));
  assert.equal(res.statusCode, 201, res.body);
  return { id: res.json().id as number, patientId: p.id };
}

/** Outbox rows queued by automatic reminders, per turno. */
export async function remindersByTurno(t: TestApp): Promise<Map<number, number>> {
  const rows = await t.ctx.database.db
    .selectFrom('outbox')
    .select(['appointmentId', 'reminderRuleId'])
    .where('kind', '=', 'auto_reminder')
    .execute();
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.appointmentId as number, (counts.get(r.appointmentId as number) ?? 0) + 1);
  return counts;
}
