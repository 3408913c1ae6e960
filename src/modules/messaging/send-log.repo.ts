// SQL of the Registro de envíos: the outbox read back with the patient, the turno and its professional.
import { type Kysely, sql } from 'kysely';
import { foldText } from '../../platform/db/dialect.js';
import type { DB, MessageChannel } from '../../platform/db/schema.js';

/** "error" is broader than the failed state: a message still being retried has already failed once. */
export type SendLogState = 'sent' | 'pending' | 'error' | 'cancelled';

export interface SendLogFilter {
  /** Instants (UTC ISO) of the queueing: from included, before excluded. */
  createdFrom?: string | undefined;
  createdBefore?: string | undefined;
  channel?: MessageChannel | undefined;
  state?: SendLogState | undefined;
  batchId?: number | undefined;
  patientId?: number | undefined;
  /** A DNI, the start of "APELLIDO Nombre", or part of the address or number it went to. */
  search?: string | undefined;
}

/** LIKE wildcards typed by the user match themselves. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function filtered(db: Kysely<DB>, f: SendLogFilter) {
  let q = db.selectFrom('outbox as o').leftJoin('patients as p', 'p.id', 'o.patientId');
  if (f.createdFrom !== undefined) q = q.where('o.createdAt', '>=', f.createdFrom);
  if (f.createdBefore !== undefined) q = q.where('o.createdAt', '<', f.createdBefore);
  if (f.channel !== undefined) q = q.where('o.channel', '=', f.channel);
  if (f.batchId !== undefined) q = q.where('o.batchId', '=', f.batchId);
  if (f.patientId !== undefined) q = q.where('o.patientId', '=', f.patientId);
  if (f.state === 'error') {
    q = q.where((eb) =>
      eb.or([eb('o.status', '=', 'failed'), eb.and([eb('o.status', '=', 'pending'), eb('o.lastError', '<>', '')])]),
    );
  } else if (f.state !== undefined) {
    const status = ({ sent: 'sent', pending: 'pending', cancelled: 'cancelled' } as const)[f.state];
    q = q.where('o.status', '=', status);
  }
  const search = f.search?.trim();
  if (search) {
    const folded = escapeLike(foldText(search));
    q = q.where((eb) =>
      eb.or([
        eb('p.dni', '=', search),
        sql<boolean>`turnero_fold(p.last_name || ' ' || p.first_name) like ${`${folded}%`} escape '\\'`,
        sql<boolean>`turnero_fold(o.recipient) like ${`%${folded}%`} escape '\\'`,
      ]),
    );
  }
  return q;
}

/** Newest queued first; without a page (undefined) the whole filtered list, for the export. */
export function listSendLog(db: Kysely<DB>, f: SendLogFilter, page?: { limit: number; offset: number }) {
  let q = filtered(db, f)
    .leftJoin('appointments as a', 'a.id', 'o.appointmentId')
    .leftJoin('professionals as pr', 'pr.id', 'a.professionalId')
    .select([
      'o.id',
      'o.channel',
      'o.kind',
      'o.recipient',
      'o.subject',
      'o.bodyText',
      'o.status',
      'o.attempts',
      'o.lastError',
      'o.createdAt',
      'o.sentAt',
      'o.sentBy',
      'o.batchId',
      'o.templateId',
      'o.patientId',
      'p.id as patientFound',
      'p.lastName as patientLastName',
      'p.firstName as patientFirstName',
      'p.dni as patientDni',
      'o.appointmentId',
      'a.id as appointmentFound',
      'a.startsAt as appointmentStartsAt',
      'pr.lastName as professionalLastName',
      'pr.firstName as professionalFirstName',
    ])
    .orderBy('o.createdAt', 'desc')
    .orderBy('o.id', 'desc');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return q.execute();
}

export type SendLogRow = Awaited<ReturnType<typeof listSendLog>>[number];

export async function countSendLog(db: Kysely<DB>, f: SendLogFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
