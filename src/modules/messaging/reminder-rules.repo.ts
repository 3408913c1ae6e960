// All SQL of the automatic reminders: the rules, the turnos each rule still owes a message, and the insert
// that the outbox's unique index (appointment, rule) turns into "at most once", whoever runs it.
import type { Kysely } from 'kysely';
import type { DB, MessageChannel } from '../../platform/db/schema.js';
import { type OutgoingMessage, outboxRow } from '../../platform/outbox/outbox.js';
import { type AppointmentRecipient, appointmentRecipientsQuery } from './recipients.repo.js';

export interface RuleFields {
  templateId: number;
  hoursBefore: number;
  enabled: boolean;
}

/** Every rule with its template's title and channel, and how many messages it has queued so far. */
export function listRuleRows(db: Kysely<DB>) {
  return db
    .selectFrom('reminderRules as r')
    .innerJoin('messageTemplates as t', 't.id', 'r.templateId')
    .select(['r.id', 'r.templateId', 'r.hoursBefore', 'r.enabled', 'r.createdAt', 'r.updatedAt'])
    .select(['t.title as templateTitle', 't.channel as channel'])
    .select((eb) =>
      eb
        .selectFrom('outbox as o')
        .whereRef('o.reminderRuleId', '=', 'r.id')
        .select((o) => o.fn.countAll<number | string>().as('n'))
        .as('queued'),
    )
    .orderBy('r.hoursBefore', 'desc')
    .orderBy('r.id')
    .execute();
}

export type RuleRow = Awaited<ReturnType<typeof listRuleRows>>[number];

export function findRule(db: Kysely<DB>, id: number) {
  return db.selectFrom('reminderRules').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Another rule with the same template and hours: it would send the same message twice. */
export async function hasTwin(db: Kysely<DB>, fields: RuleFields, exceptId: number | null): Promise<boolean> {
  let query = db
    .selectFrom('reminderRules')
    .select('id')
    .where('templateId', '=', fields.templateId)
    .where('hoursBefore', '=', fields.hoursBefore);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertRule(db: Kysely<DB>, fields: RuleFields, nowIso: string): Promise<number> {
  const row = await db
    .insertInto('reminderRules')
    .values({ ...fields, enabled: fields.enabled ? 1 : 0, createdAt: nowIso, updatedAt: nowIso })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRule(
  db: Kysely<DB>,
  id: number,
  fields: Partial<RuleFields>,
  nowIso: string,
): Promise<boolean> {
  const { enabled, ...rest } = fields;
  const result = await db
    .updateTable('reminderRules')
    .set({ ...rest, ...(enabled === undefined ? {} : { enabled: enabled ? 1 : 0 }), updatedAt: nowIso })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Its messages stay in the send log but let go of the rule: SQLite may give a deleted rule's id to the next
 * new rule, which would otherwise find every turno "already reminded".
 */
export async function deleteRule(db: Kysely<DB>, id: number): Promise<boolean> {
  await db.updateTable('outbox').set({ reminderRuleId: null }).where('reminderRuleId', '=', id).execute();
  const result = await db.deleteFrom('reminderRules').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function enabledRules(db: Kysely<DB>) {
  return db
    .selectFrom('reminderRules as r')
    .innerJoin('messageTemplates as t', 't.id', 'r.templateId')
    .select(['r.id as ruleId', 'r.hoursBefore'])
    .selectAll('t')
    .where('r.enabled', '=', 1)
    .orderBy('r.id')
    .execute();
}

/**
 * Reserved turnos starting in (fromIso, toIso] that this rule has not queued yet and whose patient has an
 * address for the channel, by id after `afterId`: the caller pages through them so a patient without a
 * valid address (left out every run) cannot keep a run going forever.
 */
export function owedAppointments(
  db: Kysely<DB>,
  q: { ruleId: number; channel: MessageChannel; fromIso: string; toIso: string; afterId: number; limit: number },
): Promise<AppointmentRecipient[]> {
  const address = q.channel === 'mail' ? ('p.email' as const) : ('p.mobile' as const);
  return appointmentRecipientsQuery(db)
    .where('a.status', '=', 'reserved')
    .where('a.startsAt', '>', q.fromIso)
    .where('a.startsAt', '<=', q.toIso)
    .where('a.id', '>', q.afterId)
    .where(address, 'is not', null)
    .where(address, '!=', '')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('outbox as o')
            .select('o.id')
            .whereRef('o.appointmentId', '=', 'a.id')
            .where('o.reminderRuleId', '=', q.ruleId),
        ),
      ),
    )
    .orderBy('a.id')
    .limit(q.limit)
    .execute();
}

/**
 * Queues the messages; one that another process queued first is skipped by the database, not by a
 * check in code, so two runs at once still give one message per turno and rule. Returns how many went in.
 */
export async function insertReminders(db: Kysely<DB>, messages: OutgoingMessage[], nowMs: number): Promise<number> {
  let inserted = 0;
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < messages.length; i += 200) {
    const rows = messages.slice(i, i + 200).map((m) => outboxRow(m, nowMs));
    const ids = await db
      .insertInto('outbox')
      .values(rows)
      .onConflict((oc) => oc.columns(['appointmentId', 'reminderRuleId']).doNothing())
      .returning('id')
      .execute();
    inserted += ids.length;
  }
  return inserted;
}
