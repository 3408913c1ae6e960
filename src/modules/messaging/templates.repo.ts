// All SQL of message templates.
import type { Kysely } from 'kysely';
import type { DB, MessageChannel, MessageTemplate } from '../../platform/db/schema.js';

export function findTemplate(db: Kysely<DB>, id: number): Promise<MessageTemplate | undefined> {
  return db.selectFrom('messageTemplates').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listTemplateRows(db: Kysely<DB>, channel?: MessageChannel): Promise<MessageTemplate[]> {
  let query = db.selectFrom('messageTemplates').selectAll();
  if (channel) query = query.where('channel', '=', channel);
  return query.orderBy('channel').orderBy('title').execute();
}
