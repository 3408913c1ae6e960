// What the token and series tests share: a center with two portal patients and a professional with an e-mail,
// the patient's own secret read back, and a PDF's text as pdftotext reads it.
import { insertPatient, seedCenter } from '../../../test/support/factories.js';
import type { TestApp } from '../../../test/support/test-app.js';
import type { Patient } from '../../platform/db/schema.js';
import { insertTurno } from '../scheduling/appointments.test-fixture.js';
import { patientTokenSecret } from './token-secret.js';

export { pdfText } from '../portal/invoices.test-helpers.js';

export interface TokenCenter {
  seed: Awaited<ReturnType<typeof seedCenter>>;
  /** Portal enabled: GARCÍA, Ana, DNI 30111222. */
  ana: Patient;
  /** Portal enabled: BETO, Test, DNI 30333444. */
  beto: Patient;
}

export async function tokenCenter(t: TestApp): Promise<TokenCenter> {
  const db = t.ctx.database.db;
  const seed = await seedCenter(db);
  const ana = await insertPatient(db, { dni: '30111222', lastName: 'GARCÍA', insurerId: seed.osde.id });
  const beto = await insertPatient(db, { dni: '30333444', lastName: 'BETO' });
  await db.updateTable('patients').set({ portalEnabled: 1, firstName: 'Ana' }).where('id', '=', ana.id).execute();
  await db.updateTable('patients').set({ portalEnabled: 1 }).where('id', '=', beto.id).execute();
  await db.updateTable('centerSettings').set({ name: 'Centro Médico Sur' }).execute();
  await db
    .updateTable('professionals')
    .set({ email: 'gonzalez@example.com' })
    .where('id', '=', seed.gonzalez.id)
    .execute();
  return { seed, ana: { ...ana, firstName: 'Ana', portalEnabled: 1 }, beto: { ...beto, portalEnabled: 1 } };
}

/** A teleconsultation turno (reserved unless told). */
export async function teleconsultTurno(
  t: TestApp,
  s: Parameters<typeof insertTurno>[1] & { videoUrl?: string; teleconsult?: boolean },
) {
  const db = t.ctx.database.db;
  const id = await insertTurno(db, s);
  await db
    .updateTable('appointments')
    .set({ teleconsult: s.teleconsult === false ? 0 : 1, videoUrl: s.videoUrl ?? 'https://meet.example.com/abc' })
    .where('id', '=', id)
    .execute();
  return id;
}

export const secretOf = (t: TestApp, patientId: number) => patientTokenSecret(t.ctx, patientId);

/** "482913" as the page shows it: grouped for reading out. */
export const grouped = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;
