// A reminder queued before its turno was cancelled or moved is not sent: "te esperamos" for a freed slot, or
// the old time of a moved turno, misleads. The outbox worker asks this just before sending each batch.
import type { Kysely } from 'kysely';
import type { DB, OutboxMessage } from '../../platform/db/schema.js';

export const TURNO_CANCELLED_ERROR = 'No se envió: el turno fue cancelado';
export const TURNO_MOVED_ERROR = 'No se envió: el turno cambió de día u horario';
const REMINDER_KINDS = new Set(['reminder', 'auto_reminder']);

/** The rows not to send, with why. A reminder's deadline is its turno's start: another start means it moved. */
export async function staleReminders(db: Kysely<DB>, rows: OutboxMessage[]): Promise<Map<number, string>> {
  const stale = new Map<number, string>();
  const reminders = rows.filter((r) => r.appointmentId !== null && REMINDER_KINDS.has(r.kind));
  if (reminders.length === 0) return stale;
  const turnos = await db
    .selectFrom('appointments')
    .select(['id', 'status', 'startsAt'])
    .where(
      'id',
      'in',
      reminders.map((r) => r.appointmentId as number),
    )
    .execute();
  const byId = new Map(turnos.map((a) => [a.id, a]));
  for (const row of reminders) {
    const turno = byId.get(row.appointmentId as number);
    if (turno?.status === 'cancelled') stale.set(row.id, TURNO_CANCELLED_ERROR);
    else if (turno && row.deadlineAt && Date.parse(row.deadlineAt) !== Date.parse(turno.startsAt)) {
      stale.set(row.id, TURNO_MOVED_ERROR);
    }
  }
  return stale;
}
