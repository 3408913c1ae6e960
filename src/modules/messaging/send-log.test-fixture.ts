// The outbox rows the send log tests read: every channel and state, old and new, a batch, and the center's day
// edges (the clock is Monday 2026-11-23 09:00 in Buenos Aires, so the default week is 17–23/11).
import type { Insertable } from 'kysely';
import { insertPatient } from '../../../test/support/factories.js';
import type { Seed } from '../../../test/support/seeded-app.js';
import type { TestApp } from '../../../test/support/test-app.js';
import type { OutboxTable } from '../../platform/db/schema.js';

export const EVIL = '=HYPERLINK("http://evil.example";"ver")';

export interface Fixture {
  perez: number;
  gomez: number;
  turnoPerez: number;
  turnoGomez: number;
  /** Outbox ids by name, m1…m9. */
  m: Record<`m${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`, number>;
}

type Spec = Partial<Insertable<OutboxTable>> & Pick<Insertable<OutboxTable>, 'channel' | 'status' | 'createdAt'>;

export async function seedSendLog(t: TestApp, seed: Seed): Promise<Fixture> {
  const db = t.ctx.database.db;
  const perez = (await insertPatient(db, { dni: '30111222', lastName: 'PÉREZ' })).id;
  const gomez = (await insertPatient(db, { dni: '30222333', lastName: 'GÓMEZ' })).id;
  const turno = async (patientId: number, professionalId: number, start: string, service: object) => {
    const startMs = Date.parse(start);
    const row = await db
      .insertInto('appointments')
      .values({
        patientId,
        professionalId,
        ...service,
        insurerId: null,
        startsAt: new Date(startMs).toISOString(),
        endsAt: new Date(startMs + 20 * 60_000).toISOString(),
        status: 'reserved',
        origin: 'staff',
        typeLabel: 'PRIMERA VEZ',
        reason: '',
        bookedAt: '2026-11-10T12:00:00.000Z',
        bookedIp: null,
        bookedBy: 'Usuario mesa',
        cancelledAt: null,
        cancelledBy: null,
        updatedAt: '2026-11-10T12:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const turnoPerez = await turno(perez, seed.gonzalez.id, '2026-11-25T08:00:00-03:00', {
    specialtyId: seed.cardiology.id,
  });
  const turnoGomez = await turno(gomez, seed.sonographer.id, '2026-11-30T14:00:00-03:00', { studyId: seed.echo.id });

  const insert = async (s: Spec) => {
    const row = await db
      .insertInto('outbox')
      .values({
        kind: 'reminder',
        recipient: '',
        subject: '',
        bodyText: '',
        messageId: `${Math.random()}@test`,
        patientId: null,
        appointmentId: null,
        nextAttemptAt: s.createdAt,
        lockedUntil: null,
        sentAt: null,
        batchId: null,
        templateId: null,
        ...s,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const mesa = { sentBy: 'Usuario mesa' };
  const m = {
    m1: await insert({
      ...mesa,
      channel: 'mail',
      status: 'sent',
      attempts: 1,
      createdAt: '2026-11-20T12:00:00.000Z',
      sentAt: '2026-11-20T12:01:00.000Z',
      recipient: 'perez@example.com',
      subject: 'Recordatorio de tu turno',
      bodyText:
        'Hola PÉREZ, te esperamos el miércoles.\nConfirmá: https://turnos.example/turno/confirmar?token=SECRETO_1',
      patientId: perez,
      appointmentId: turnoPerez,
      batchId: 7,
    }),
    m2: await insert({
      ...mesa,
      channel: 'sms',
      status: 'failed',
      attempts: 1,
      lastError: 'Número inexistente',
      createdAt: '2026-11-21T13:00:00.000Z',
      recipient: '+5491155556666',
      bodyText: EVIL,
      patientId: gomez,
      appointmentId: turnoGomez,
      batchId: 7,
    }),
    m3: await insert({
      sentBy: 'automático',
      kind: 'auto_reminder',
      channel: 'whatsapp',
      status: 'pending',
      attempts: 2,
      lastError: 'Timeout del proveedor',
      createdAt: '2026-11-22T10:00:00.000Z',
      recipient: '+5491144445555',
      bodyText: 'Recordatorio por WhatsApp para PÉREZ: te esperamos el jueves 26/11 a las 10:00 en el centro.',
      patientId: perez,
    }),
    m4: await insert({
      sentBy: 'web',
      kind: 'password_reset',
      channel: 'mail',
      status: 'pending',
      createdAt: '2026-11-23T11:00:00.000Z',
      recipient: 'gomez@example.com',
      subject: 'Cambiar tu contraseña',
      bodyText:
        'Para elegir una contraseña nueva abrí https://turnos.example/restablecer?token=SECRETO_2 (vale 1 hora).',
      patientId: gomez,
    }),
    // 23:30 of the 18th in Buenos Aires, already the 19th in UTC.
    m5: await insert({
      ...mesa,
      channel: 'sms',
      status: 'sent',
      attempts: 1,
      createdAt: '2026-11-19T02:30:00.000Z',
      sentAt: '2026-11-19T02:31:00.000Z',
      recipient: '+5491144445555',
      bodyText: 'SMS de la noche',
      patientId: perez,
    }),
    // Old and from before sent_by was kept: no user, no patient.
    m6: await insert({
      kind: 'test',
      channel: 'mail',
      status: 'sent',
      attempts: 1,
      createdAt: '2026-11-01T12:00:00.000Z',
      sentAt: '2026-11-01T12:00:05.000Z',
      recipient: 'prueba@centro.example',
      subject: 'Prueba de envío',
      bodyText: 'Mensaje de prueba',
    }),
    m7: await insert({
      ...mesa,
      channel: 'mail',
      status: 'cancelled',
      createdAt: '2026-11-22T12:00:00.000Z',
      recipient: 'otro@example.com',
      subject: 'Mensaje cancelado',
      bodyText: 'No salió',
    }),
    // Midnight starting the 19th in Buenos Aires.
    m8: await insert({
      ...mesa,
      channel: 'mail',
      status: 'sent',
      attempts: 1,
      createdAt: '2026-11-19T03:00:00.000Z',
      sentAt: '2026-11-19T03:00:30.000Z',
      recipient: 'gomez@example.com',
      subject: 'Mail de medianoche',
      bodyText: 'Hola GÓMEZ',
      patientId: gomez,
    }),
    // An old message of batch 7.
    m9: await insert({
      ...mesa,
      channel: 'mail',
      status: 'sent',
      attempts: 1,
      createdAt: '2026-11-02T12:00:00.000Z',
      sentAt: '2026-11-02T12:00:10.000Z',
      recipient: 'perez-viejo@example.com',
      subject: 'Lote viejo',
      bodyText: 'Mensaje del lote 7',
      patientId: perez,
      batchId: 7,
    }),
  };
  return { perez, gomez, turnoPerez, turnoGomez, m };
}
