// The send desk tests' center: turnos next week across professionals, services and insurers, one cancelled,
// one already started, one outside the default range, and patients without (or with a wrong) e-mail or mobile.
// Clock: Monday 2026-11-23 09:00 in Buenos Aires, so the desk's default range is 24–30 November.
import assert from 'node:assert/strict';
import { insertPatient } from '../../../test/support/factories.js';
import { buildSeededApp, type Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import type { DialectName } from '../../platform/db/dialect.js';
import type { MessageChannel, OutboxStatus } from '../../platform/db/schema.js';
import { enqueueMessages } from '../../platform/outbox/outbox.js';
import { insertTurno, type TurnoSpec } from '../scheduling/appointments.test-fixture.js';
import { insertTemplate } from './reminders.test-helpers.js';

const REMINDER_BODY =
  'Hola [[PACIENTE]]: te recordamos tu turno del [[FECHA]] a las [[HORA]] con [[PROFESIONAL]] ([[ESPECIALIDAD]]).';

/** A message already in the outbox for a turno (or patient), in a given state: an earlier send. */
export async function insertEarlierMessage(
  t: TestApp,
  m: {
    channel: MessageChannel;
    kind?: string;
    appointmentId?: number | null;
    patientId: number;
    templateId?: number | null;
    status: OutboxStatus;
    lastError?: string;
  },
) {
  const db = t.ctx.database.db;
  const common = {
    kind: m.kind ?? 'reminder',
    text: 'Recordatorio anterior',
    patientId: m.patientId,
    appointmentId: m.appointmentId ?? null,
    templateId: m.templateId ?? null,
  };
  const message =
    m.channel === 'mail'
      ? { ...common, to: 'anterior@example.com', subject: 'Anterior' }
      : { ...common, channel: m.channel, to: '+5491112345678' };
  const [id] = await enqueueMessages(db, [message], t.clock.now() - 3600_000);
  await db
    .updateTable('outbox')
    .set({ status: m.status, lastError: m.lastError ?? '' })
    .where('id', '=', id as number)
    .execute();
}

export interface DeskFixture {
  t: TestApp;
  seed: Seed;
  admin: Record<string, string>;
  templates: { mail: number; sms: number; news: number };
  patients: Record<'ana' | 'beto' | 'ciro' | 'dora' | 'eva', number>;
  turnos: Record<'a1' | 'b1' | 'c1' | 'd1' | 'e1' | 'echo' | 'later' | 'started', number>;
}

/**
 * ana (OSDE): GONZALEZ cardiology Tue 24 10:00, and Dec 10 (outside the default week).
 * beto (no insurer): ALVAREZ cardiology Wed 25 14:00, and today 08:00 (already started).
 * ciro (OSDE): cancelled turno Thu 26. dora (no e-mail, no mobile): GONZALEZ Fri 27 08:20.
 * eva (e-mail and mobile mistyped, SIN CONVENIO): GONZALEZ Fri 27 08:40. ana: PEREZ echo study Mon 30 14:00.
 */
export async function buildDeskFixture(dialect: DialectName): Promise<DeskFixture> {
  const { t, seed, admin } = await buildSeededApp(dialect);
  const db = t.ctx.database.db;
  const patient = async (
    lastName: string,
    insurerId: number | null,
    contact?: { email: string | null; mobile: string | null },
  ) => {
    const p = await insertPatient(db, { lastName, insurerId });
    if (contact) await db.updateTable('patients').set(contact).where('id', '=', p.id).execute();
    return p.id;
  };
  const patients = {
    ana: await patient('ANA', seed.osde.id),
    beto: await patient('BETO', null),
    ciro: await patient('CIRO', seed.osde.id),
    dora: await patient('DORA', seed.osde.id, { email: null, mobile: '' }),
    eva: await patient('EVA', seed.hiddenInsurer.id, { email: 'eva-sin-arroba.com', mobile: '1234' }),
  };
  const turno = (patientId: number, professionalId: number, start: string, more: Partial<TurnoSpec> = {}) =>
    insertTurno(db, { specialtyId: seed.cardiology.id, patientId, professionalId, start, ...more });
  const { gonzalez, alvarez } = seed;
  const turnos = {
    a1: await turno(patients.ana, gonzalez.id, '2026-11-24T10:00:00-03:00'),
    b1: await turno(patients.beto, alvarez.id, '2026-11-25T14:00:00-03:00'),
    c1: await turno(patients.ciro, gonzalez.id, '2026-11-26T08:00:00-03:00', { status: 'cancelled' }),
    d1: await turno(patients.dora, gonzalez.id, '2026-11-27T08:20:00-03:00'),
    e1: await turno(patients.eva, gonzalez.id, '2026-11-27T08:40:00-03:00'),
    echo: await turno(patients.ana, seed.sonographer.id, '2026-11-30T14:00:00-03:00', {
      specialtyId: null,
      studyId: seed.echo.id,
    }),
    later: await turno(patients.ana, gonzalez.id, '2026-12-10T10:00:00-03:00'),
    started: await turno(patients.beto, gonzalez.id, '2026-11-23T08:00:00-03:00'),
  };
  const templates = {
    mail: await insertTemplate(t, 'mail', 'Recordatorio de turno', REMINDER_BODY),
    sms: await insertTemplate(t, 'sms', 'Recordatorio SMS', 'Turno [[FECHA]] [[HORA]] con [[PROFESIONAL]]'),
    news: await insertTemplate(t, 'mail', 'Novedades', 'Hola [[PACIENTE]]: el centro [[CENTRO]] tiene novedades.'),
  };
  return { t, seed, admin, templates, patients, turnos };
}

/** A row of a batch as the API answers it. */
export interface ListedRow {
  id: number;
  appointmentId: number | null;
  patientId: number;
  patientName: string;
  recipient: string;
  alreadySent: boolean;
  lastError: string | null;
  state: string | null;
  stateError: string | null;
  [key: string]: unknown;
}

/** The send desk's endpoints as the tests call them, as the fixture's admin. */
export function deskApi(f: DeskFixture) {
  const { t, admin } = f;
  const generate = (body: Record<string, unknown>, headers = admin) =>
    t.app.inject({ method: 'POST', url: '/api/v1/message-batches', headers, payload: body });
  return {
    generate,
    /** Generates a list, which must succeed. */
    list: async (body: Record<string, unknown>) => {
      const res = await generate(body);
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: number; rows: ListedRow[]; leftOut: Record<string, number>; [k: string]: unknown };
    },
    turnoIds: (rows: ListedRow[]) => rows.map((r) => r.appointmentId),
    send: (id: number) => t.app.inject({ method: 'POST', url: `/api/v1/message-batches/${id}/send`, headers: admin }),
    progress: async (id: number) =>
      (await t.app.inject({ url: `/api/v1/message-batches/${id}/progress`, headers: admin })).json(),
    outboxOf: (batchId: number) =>
      t.ctx.database.db.selectFrom('outbox').selectAll().where('batchId', '=', batchId).orderBy('id').execute(),
  };
}
