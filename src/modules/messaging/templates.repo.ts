// All SQL of message templates.
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, MessageChannel, MessageTemplate, MessageTemplatesTable } from '../../platform/db/schema.js';

export function findTemplate(db: Kysely<DB>, id: number): Promise<MessageTemplate | undefined> {
  return db.selectFrom('messageTemplates').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listTemplateRows(db: Kysely<DB>, channel?: MessageChannel): Promise<MessageTemplate[]> {
  let query = db.selectFrom('messageTemplates').selectAll();
  if (channel) query = query.where('channel', '=', channel);
  return query.orderBy('channel').orderBy('title').execute();
}

export function insertTemplate(db: Kysely<DB>, row: Insertable<MessageTemplatesTable>): Promise<MessageTemplate> {
  return db.insertInto('messageTemplates').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateTemplateRow(
  db: Kysely<DB>,
  id: number,
  changes: Updateable<MessageTemplatesTable>,
): Promise<MessageTemplate | undefined> {
  return db.updateTable('messageTemplates').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

/** False when it did not exist. Run it in the transaction that checked its uses. */
export async function deleteTemplateRow(db: Kysely<DB>, id: number): Promise<boolean> {
  const result = await db.deleteFrom('messageTemplates').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

const count = (q: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) =>
  q.executeTakeFirstOrThrow().then((r) => Number(r.n));

/** What keeps a template from being deleted: reminder rules, and send lists (their log names the template). */
export async function templateUses(db: Kysely<DB>, id: number) {
  const rules = await count(
    db
      .selectFrom('reminderRules')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('templateId', '=', id),
  );
  const batches = await count(
    db
      .selectFrom('messageBatches')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('templateId', '=', id),
  );
  return { rules, batches };
}

/** The preview's default: the next reserved turno from now, the kind a reminder goes to. */
export async function nextReservedAppointmentId(db: Kysely<DB>, nowIso: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('appointments')
    .select('id')
    .where('status', '=', 'reserved')
    .where('startsAt', '>=', nowIso)
    .orderBy('startsAt')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** The catalog's names as placeholders print them, so the SMS count can take the longest real one. */
export async function catalogNames(db: Kysely<DB>) {
  const [professionals, specialties, studies, insurers] = await Promise.all([
    db.selectFrom('professionals').select(['lastName', 'firstName']).execute(),
    db.selectFrom('specialties').select('name').execute(),
    db.selectFrom('studies').select(['name', 'indication']).execute(),
    db.selectFrom('insurers').select('name').execute(),
  ]);
  return {
    // The same spelling as appointmentValues: "GONZALEZ José".
    professionals: professionals.map((p) => `${p.lastName} ${p.firstName}`),
    specialties: specialties.map((s) => s.name),
    studies: studies.map((s) => s.name),
    indications: studies.map((s) => s.indication).filter((i) => i !== ''),
    insurers: insurers.map((i) => i.name),
  };
}
