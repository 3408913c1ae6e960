// The channel settings rows: one per channel (mail, sms, whatsapp).
import type { Kysely } from 'kysely';
import type { DB, MessageChannel } from '../../platform/db/schema.js';

export function listChannelRows(db: Kysely<DB>) {
  return db.selectFrom('messageChannels').selectAll().execute();
}

export function findChannelRow(db: Kysely<DB>, channel: MessageChannel) {
  return db.selectFrom('messageChannels').selectAll().where('channel', '=', channel).executeTakeFirst();
}

export async function saveChannelRow(
  db: Kysely<DB>,
  row: {
    channel: MessageChannel;
    provider: string;
    settings: string;
    sealedSecret: string | null;
    updatedAt: string;
    updatedBy: string;
  },
) {
  await db
    .insertInto('messageChannels')
    .values(row)
    .onConflict((oc) =>
      oc.column('channel').doUpdateSet({
        provider: row.provider,
        settings: row.settings,
        sealedSecret: row.sealedSecret,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      }),
    )
    .execute();
}

export async function deleteChannelRow(db: Kysely<DB>, channel: MessageChannel) {
  await db.deleteFrom('messageChannels').where('channel', '=', channel).execute();
}
