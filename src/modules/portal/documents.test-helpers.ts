// Files for the documents' tests: real signatures (a PDF, a 1×1 PNG) and the liars (HTML, a program) that
// pretend to be one, and a patient whose portal the center enabled.
import type { Kysely } from 'kysely';
import { insertPatient } from '../../../test/support/factories.js';
import type { DB } from '../../platform/db/schema.js';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const HTML = Buffer.from('<!DOCTYPE html>\n<html><body><script>fetch("/api/v1/me")</script></body></html>\n');
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0x90)]);
export const DOCX = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(60, 0x20)]);

/** A patient of the center with the portal enabled (or not, when asked). */
export async function portalPatient(db: Kysely<DB>, opts: { lastName?: string; enabled?: boolean } = {}) {
  const patient = await insertPatient(db, { lastName: opts.lastName ?? 'PORTAL' });
  if (opts.enabled !== false) {
    await db
      .updateTable('patients')
      .set({ portalEnabled: 1, portalEnabledAt: '2026-11-01T12:00:00.000Z' })
      .where('id', '=', patient.id)
      .execute();
  }
  return patient;
}
