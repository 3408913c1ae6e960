// Teleconsultation in the demo: every professional has an e-mail (where a patient's token can be mailed), the
// demo patient has a plan for the credential, and a turno by video in the coming days with the professional the
// demo's "profesional" user is, so a token can be validated on it that day.
import type { Transaction } from 'kysely';
import { computeSlots } from '../modules/scheduling/slots.rules.js';
import type { DB, NewAppointment } from '../platform/db/schema.js';
import { isoUtc, utcToCivil } from '../platform/time/zone.js';
import type { PlanProfessional } from './demo-appointments.js';
import { staffTypeLabel, staffUser } from './demo-data.js';

export const DEMO_PLAN = 'Plan 310';
export const DEMO_VIDEO_URL = 'https://meet.jit.si/centro-medico-demo-teleconsulta';
const DAYS_LOOKED_AT = 14;

export async function insertDemoTeleconsult(
  trx: Transaction<DB>,
  demo: {
    zone: string;
    today: string;
    nowMs: number;
    patientId: number;
    professional: PlanProfessional;
    busy: readonly NewAppointment[];
  },
): Promise<number> {
  const professionals = await trx.selectFrom('professionals').select(['id', 'lastName']).execute();
  for (const p of professionals) {
    const local = p.lastName
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase();
    await trx
      .updateTable('professionals')
      .set({ email: `${local}@centro-demo.example` })
      .where('id', '=', p.id)
      .execute();
  }
  const patient = await trx
    .updateTable('patients')
    .set({ insurancePlan: DEMO_PLAN })
    .where('id', '=', demo.patientId)
    .returning(['insurerId'])
    .executeTakeFirstOrThrow();

  const { professional } = demo;
  const busy = demo.busy
    .filter((a) => a.professionalId === professional.id && a.status !== 'cancelled')
    .map((a) => ({ startMs: Date.parse(a.startsAt), endMs: Date.parse(a.endsAt) }));
  // A turno of the patient's own the same day would break the one-per-day limit the demo keeps.
  const patientDays = new Set(
    demo.busy
      .filter((a) => a.patientId === demo.patientId)
      .map((a) => utcToCivil(demo.zone, Date.parse(a.startsAt)).date),
  );
  const free = professional.blocks
    .filter((block) => block.studyId === null)
    .flatMap((block) =>
      computeSlots({
        zone: demo.zone,
        fromDate: demo.today,
        days: DAYS_LOOKED_AT,
        blocks: [block],
        exceptions: professional.exceptions,
        busy,
        service: null,
        notBeforeMs: demo.nowMs + 60_000,
      })
        .filter((s) => s.free && !patientDays.has(s.date))
        .map((slot) => ({ slot, block })),
    )
    .sort((a, b) => a.slot.startMs - b.slot.startMs);
  // Not on the first day with room: that day stays free for trying "Primer turno disponible" on the web
  // with this professional (one turno per day and professional per patient).
  const firstDay = free[0]?.slot.date;
  const chosen = free.find((f) => f.slot.date !== firstDay);
  if (chosen) {
    const { slot, block } = chosen;
    const turno: NewAppointment = {
      professionalId: professional.id,
      specialtyId: block.specialtyId ?? professional.firstSpecialtyId,
      patientId: demo.patientId,
      insurerId: patient.insurerId,
      startsAt: isoUtc(slot.startMs),
      endsAt: isoUtc(slot.endMs),
      status: 'reserved',
      origin: 'staff',
      typeLabel: staffTypeLabel,
      reason: 'Control por videollamada',
      bookedAt: isoUtc(demo.nowMs),
      bookedBy: staffUser,
      updatedAt: isoUtc(demo.nowMs),
      teleconsult: 1,
      videoUrl: DEMO_VIDEO_URL,
    };
    await trx.insertInto('appointments').values(turno).execute();
    return 1;
  }
  return 0;
}
