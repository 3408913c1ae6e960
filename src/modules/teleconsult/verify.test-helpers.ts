// What the verification tests share: a center with teleconsultation turnos today, patients with their token
// secret, codes made as the patient's phone would make them, and printed series written straight to the table.
import { insertPatient, seedCenter } from '../../../test/support/factories.js';
import type { TestApp } from '../../../test/support/test-app.js';
import type { Patient } from '../../platform/db/schema.js';
import { totp } from '../../platform/otp/otp.js';
import { seal, sealingKey } from '../../platform/sealed.js';
import { getSettings } from '../center/center.repo.js';
import { insertTurno } from '../scheduling/appointments.test-fixture.js';
import type { StaffActor } from '../staff/actor.js';
import { tokenOptions } from './token-options.js';
import { patientTokenSecret, printedCodeHash } from './token-secret.js';

export const reception: StaffActor = {
  kind: 'staff',
  ref: 'usuario:900',
  name: 'Recepción de prueba',
  role: 'reception',
  professionalId: null,
  ip: '127.0.0.1',
};

export const professionalActor = (professionalId: number): StaffActor => ({
  kind: 'staff',
  ref: `usuario:${900 + professionalId}`,
  name: `Profesional ${professionalId}`,
  role: 'professional',
  professionalId,
  ip: '127.0.0.1',
});

export type VerifyCenter = Awaited<ReturnType<typeof verifyCenter>>;

export async function verifyCenter(t: TestApp) {
  const db = t.ctx.database.db;
  const seed = await seedCenter(db);
  await db
    .updateTable('centerSettings')
    .set({ name: 'Centro Médico Sur', contactEmail: 'guardia@centro.example' })
    .execute();
  let slot = 0;
  return {
    seed,
    /** A new patient (so lockouts and used steps of one test never reach another). */
    patient: async (p: { dni?: string; lastName?: string } = {}): Promise<Patient> =>
      insertPatient(db, { insurerId: seed.osde.id, ...p }),
    /**
     * A teleconsultation turno with González, today at 09:20 + 20 min per call (or on `dayOffset` days from
     * today), so no two overlap.
     */
    turno: async (
      patientId: number,
      o: { dayOffset?: number; professionalId?: number; teleconsult?: boolean } = {},
    ) => {
      const startMs = t.clock.now() + 20 * 60_000 * ++slot + (o.dayOffset ?? 0) * 86_400_000;
      const id = await insertTurno(db, {
        patientId,
        professionalId: o.professionalId ?? seed.gonzalez.id,
        specialtyId: seed.cardiology.id,
        insurerId: seed.osde.id,
        start: new Date(startMs).toISOString(),
      });
      await db
        .updateTable('appointments')
        .set({ teleconsult: o.teleconsult === false ? 0 : 1, videoUrl: 'https://meet.example/abc' })
        .where('id', '=', id)
        .execute();
      return id;
    },
  };
}

/** The code the patient's "Generar token" shows `steps` steps from now (negative: before). */
export async function codeOf(t: TestApp, patientId: number, steps = 0): Promise<string> {
  const settings = await getSettings(t.ctx.database.db);
  const secret = await patientTokenSecret(t.ctx, patientId);
  return totp(secret, t.clock.now() + steps * settings.tokenStepSeconds * 1000, tokenOptions(settings));
}

/** A printed series as the patient's page makes it: hashed and sealed codes, numbered from 1. */
export async function printedSeries(
  t: TestApp,
  patientId: number,
  codes: string[],
  validUntil = '2027-02-21',
): Promise<number> {
  const db = t.ctx.database.db;
  const key = await sealingKey(t.ctx);
  const series = await db
    .insertInto('tokenSeries')
    .values({ patientId, codeCount: codes.length, validUntil, createdAt: new Date(t.clock.now()).toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, code] of codes.entries()) {
    await db
      .insertInto('tokenSeriesCodes')
      .values({
        seriesId: series.id,
        position: i + 1,
        codeHash: await printedCodeHash(t.ctx, patientId, code),
        codeSealed: seal(key, code),
      })
      .execute();
  }
  return series.id;
}

export async function statusOf(t: TestApp, appointmentId: number) {
  const row = await t.ctx.database.db
    .selectFrom('appointments')
    .select('status')
    .where('id', '=', appointmentId)
    .executeTakeFirstOrThrow();
  return row.status;
}
