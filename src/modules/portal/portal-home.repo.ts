// SQL of the portal's home: what waits for the patient in each section, counted straight from its table.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

export interface PortalCounts {
  documents: number;
  invoicesDue: number;
}

export async function portalCounts(db: Kysely<DB>, patientId: number): Promise<PortalCounts> {
  const [documents, invoicesDue] = await Promise.all([
    db
      .selectFrom('patientDocuments')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('patientId', '=', patientId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('invoices')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('patientId', '=', patientId)
      .where('status', '=', 'due')
      .executeTakeFirstOrThrow(),
  ]);
  // PostgreSQL counts are bigint, read back as text.
  return {
    documents: Number(documents.n),
    invoicesDue: Number(invoicesDue.n),
  };
}
