// The demo patient's portal, filled through the services the back office uses, so the demo keeps their rules:
// two questionnaires (one attached to Cardiología, one asked by hand), two invoices numbered by the counter (one
// paid, from a past turno; one due) and an electrocardiogram report kept in the file store.
import type { AppContext } from '../context.js';
import { getInsurer, getProfessional } from '../modules/catalog/catalog.repo.js';
import { getCenter } from '../modules/center/center.service.js';
import { getPatient } from '../modules/patients/patients.repo.js';
import { staffUploadDocument } from '../modules/portal/documents.staff.service.js';
import type { LineCents } from '../modules/portal/invoice.rules.js';
import { invoiceDraftFromTurno } from '../modules/portal/invoices.record.service.js';
import { pastTurnosWithoutInvoice } from '../modules/portal/invoices.repo.js';
import { createInvoice, setInvoiceStatus } from '../modules/portal/invoices.service.js';
import { assignQuestionnaire } from '../modules/portal/questionnaire-requests.staff.service.js';
import { addQuestion, createQuestionnaire } from '../modules/portal/questionnaires.admin.service.js';
import type { QuestionFields } from '../modules/portal/questionnaires.rules.js';
import type { StaffActor } from '../modules/staff/actor.js';
import type { AppointmentStatus } from '../platform/db/schema.js';
import { addDays, isoUtc, todayIn, utcToCivil } from '../platform/time/zone.js';
import { renderEcgReport } from './demo-ecg-report.pdf.js';

export const DEMO_QUESTIONNAIRES = {
  cardiology: 'Antes de tu consulta de cardiología',
  general: 'Datos de salud generales',
} as const;

export const DEMO_REPORT = { description: 'Informe de electrocardiograma', fileName: 'informe-electrocardiograma.pdf' };

/** What a turno is judged by: the cardiology specialty, the electrocardiogram study, who performs it. */
export interface CardiologyIds {
  specialtyId: number | null;
  ecgStudyId: number | null;
  ecgProfessionalIds: ReadonlySet<number>;
}

interface TurnoLike {
  patientId: number;
  professionalId: number;
  status: AppointmentStatus;
  startsAt: string;
  endsAt: string;
  specialtyId?: number | null | undefined;
  studyId?: number | null | undefined;
}

/** A report of an electrocardiogram fits a turno of this rank or above. */
const ECG_FITS = 2;

/**
 * 4: an attended electrocardiogram; 3: an attended cardiology visit; 2: a visit to a professional who performs
 * electrocardiograms; 1: any other attended turno; 0: none.
 */
function turnoRank(t: TurnoLike, ids: CardiologyIds, nowMs: number): number {
  if (t.status !== 'present' || Date.parse(t.endsAt) > nowMs) return 0;
  if (ids.ecgStudyId !== null && t.studyId === ids.ecgStudyId) return 4;
  if (ids.specialtyId !== null && t.specialtyId === ids.specialtyId) return 3;
  return ids.ecgProfessionalIds.has(t.professionalId) ? ECG_FITS : 1;
}

export interface PortalChoice<T extends TurnoLike> {
  patientId: number;
  /** The past turno the paid invoice belongs to (null: the patient has none attended). */
  turno: T | null;
  /** The report belongs to it too (an electrocardiogram could have been done in it). */
  reportInTurno: boolean;
}

/**
 * Among the patients who may have the portal (in their order), the one whose history shows it best: an attended
 * cardiology turno for the report and the invoice, and an insurer that pays a share (not a self-paying one).
 */
export function choosePortalPatient<T extends TurnoLike>(
  candidates: readonly { id: number; selfPay: boolean }[],
  appointments: readonly T[],
  ids: CardiologyIds,
  nowMs: number,
): PortalChoice<T> | null {
  const best = new Map<number, { rank: number; turno: T }>();
  for (const a of appointments) {
    const rank = turnoRank(a, ids, nowMs);
    const held = best.get(a.patientId);
    if (rank === 0 || (held && (held.rank > rank || (held.rank === rank && held.turno.startsAt > a.startsAt)))) {
      continue;
    }
    best.set(a.patientId, { rank, turno: a });
  }
  const score = (c: { id: number; selfPay: boolean }) => {
    const rank = best.get(c.id)?.rank ?? 0;
    return [rank >= ECG_FITS ? 1 : 0, c.selfPay ? 0 : 1, rank];
  };
  let chosen: { id: number; selfPay: boolean } | undefined;
  for (const c of candidates) {
    if (!chosen) chosen = c;
    const [a, b] = [score(c), score(chosen)];
    const better = a.findIndex((v, i) => v !== b[i]);
    if (better !== -1 && (a[better] as number) > (b[better] as number)) chosen = c;
  }
  if (!chosen) return null;
  const held = best.get(chosen.id);
  return { patientId: chosen.id, turno: held?.turno ?? null, reportInTurno: (held?.rank ?? 0) >= ECG_FITS };
}

type Question = Omit<QuestionFields, 'help' | 'choices' | 'scaleMin' | 'scaleMax'> & Partial<QuestionFields>;

const cardiologyQuestions: Question[] = [
  {
    kind: 'choice',
    label: '¿Cuál es el motivo principal de la consulta?',
    required: true,
    choices: 'Control anual\nDolor en el pecho\nPalpitaciones\nFalta de aire\nPresión alta\nApto físico\nOtro',
  },
  {
    kind: 'text',
    label: '¿Qué medicamentos tomás actualmente?',
    help: 'Nombre y dosis de cada uno. Si no tomás ninguno, escribí «ninguno».',
    required: true,
  },
  {
    kind: 'yes_no',
    label: '¿Algún familiar directo tuvo un infarto o murió de forma súbita antes de los 60 años?',
    required: true,
  },
  {
    kind: 'date',
    label: '¿Cuándo te hiciste el último electrocardiograma?',
    help: 'Si no recordás el día, poné el primero del mes. Dejalo vacío si nunca te hiciste uno.',
    required: false,
  },
  {
    kind: 'scale',
    label: '¿Cuánto te cansás al subir un piso por escalera?',
    help: '0: nada; 10: tengo que parar a descansar.',
    required: false,
    scaleMin: '0',
    scaleMax: '10',
  },
];

const generalQuestions: Question[] = [
  {
    kind: 'text',
    label: '¿Tenés alergia a algún medicamento o alimento?',
    help: 'Escribí cuáles, o «no».',
    required: true,
  },
  { kind: 'yes_no', label: '¿Fumás?', required: true },
  {
    kind: 'choice',
    label: '¿Cuántas veces por semana hacés actividad física?',
    required: true,
    choices: 'Nunca\nUna o dos veces\nTres o más veces',
  },
  { kind: 'date', label: 'Fecha de tu última vacuna antitetánica', required: false },
  {
    kind: 'scale',
    label: 'En general, ¿cómo calificarías tu salud?',
    help: '0: muy mala; 10: excelente.',
    required: false,
    scaleMin: '0',
    scaleMax: '10',
  },
];

async function defineQuestionnaire(
  ctx: AppContext,
  admin: StaffActor,
  q: { title: string; intro: string; attach: string; questions: readonly Question[] },
) {
  const id = await createQuestionnaire(ctx, {
    actor: admin,
    fields: { title: q.title, intro: q.intro, active: true, attach: q.attach },
  });
  for (const question of q.questions) {
    const fields = { help: '', choices: '', scaleMin: '', scaleMax: '', ...question };
    await addQuestion(ctx, { actor: admin, questionnaireId: id, fields });
  }
  return id;
}

export interface DemoPortalInput {
  patientId: number;
  /** The attended turno chosen with choosePortalPatient, or null. */
  turno: { startsAt: string; professionalId: number } | null;
  reportInTurno: boolean;
  cardiology: CardiologyIds;
  admin: StaffActor;
  desk: StaffActor;
}

const pesos = (n: number) => n * 100;

/** Fills the portal; the context's clock is the demo's "now". */
export async function loadDemoPortal(ctx: AppContext, demo: DemoPortalInput): Promise<void> {
  const { admin, desk, patientId } = demo;
  const db = ctx.database.db;
  const nowMs = ctx.clock.now();
  const center = await getCenter(ctx);
  const today = todayIn(center.timeZone, nowMs);

  // Cardiología's questionnaire is asked of whoever books a turno of it; the general one is asked by hand.
  await defineQuestionnaire(ctx, admin, {
    title: DEMO_QUESTIONNAIRES.cardiology,
    intro: 'Completalo antes del turno: el médico lo lee antes de atenderte y la consulta rinde más.',
    attach: demo.cardiology.specialtyId === null ? '' : `specialty:${demo.cardiology.specialtyId}`,
    questions: cardiologyQuestions,
  });
  const generalId = await defineQuestionnaire(ctx, admin, {
    title: DEMO_QUESTIONNAIRES.general,
    intro: 'Nos ayuda a tener tu historia clínica al día. Podés guardarlo y terminarlo más tarde.',
    attach: '',
    questions: generalQuestions,
  });
  await assignQuestionnaire(ctx, { actor: desk, patientId, questionnaireId: generalId });

  const chosenMs = demo.turno === null ? null : Date.parse(demo.turno.startsAt);
  const past = await pastTurnosWithoutInvoice(db, patientId, isoUtc(nowMs), 200);
  const turno = past.find((t) => Date.parse(t.startsAt) === chosenMs);

  // Paid: the turno's invoice as "Facturar" drafts it, the insurer paying most and the patient the rest.
  const draft = turno ? await invoiceDraftFromTurno(ctx, { actor: desk, appointmentId: turno.id }) : null;
  const insurer = draft?.insurerId ? await getInsurer(db, draft.insurerId) : undefined;
  const paysShare = insurer !== undefined && insurer.selfPay !== 1;
  const visitOn = turno ? utcToCivil(center.timeZone, Date.parse(turno.startsAt)).date : addDays(today, -7);
  const visit: LineCents = {
    concept: draft?.concept ?? 'Consulta de cardiología',
    quantity: 1,
    unitCents: pesos(38_000),
    insurerCents: paysShare ? pesos(30_400) : 0,
  };
  const paid = await createInvoice(ctx, {
    actor: desk,
    patientId,
    appointmentId: turno?.id ?? null,
    issuedOn: visitOn,
    lines: [visit],
  });
  await setInvoiceStatus(ctx, { actor: desk, id: paid.id, change: { status: 'paid', paidOn: visitOn } });

  // Due: issued today by hand, with no insurer (what the insurer does not cover), two lines.
  await createInvoice(ctx, {
    actor: desk,
    patientId,
    issuedOn: today,
    insurerId: null,
    lines: [
      { concept: 'Certificado de aptitud física', quantity: 1, unitCents: pesos(15_000), insurerCents: 0 },
      { concept: 'Copia impresa de estudios', quantity: 2, unitCents: pesos(1_500), insurerCents: 0 },
    ],
  });

  // The report, as the center uploads it to the record, tied to the turno it was done in.
  const patient = await getPatient(db, patientId);
  if (!patient) throw new Error(`Falta el paciente de demostración ${patientId}`);
  const reportTurno = demo.reportInTurno ? turno : undefined;
  const pro = reportTurno && demo.turno ? await getProfessional(db, demo.turno.professionalId) : undefined;
  const bytes = await renderEcgReport({
    center,
    patient: { name: `${patient.firstName} ${patient.lastName}`, dni: patient.dni, birthDate: patient.birthDate },
    professional: pro
      ? { name: `${pro.firstName} ${pro.lastName}`, detail: pro.licenceNumber }
      : { name: 'Servicio de Cardiología', detail: center.name },
    date: reportTurno ? visitOn : today,
    writtenAtMs: nowMs,
  });
  await staffUploadDocument(ctx, {
    actor: desk,
    patientId,
    category: 'report',
    description: DEMO_REPORT.description,
    appointmentId: reportTurno?.id ?? null,
    file: { fileName: DEMO_REPORT.fileName, declaredType: 'application/pdf', bytes, tooLarge: false },
  });
}
