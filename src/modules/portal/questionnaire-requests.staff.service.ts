// The staff side of a patient's questionnaires: the record's tab, asking one, and reading the answers (also as
// PDF). Every read is patient data and goes to the audit log.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { lockKey } from '../../platform/db/dialect.js';
import type { Patient } from '../../platform/db/schema.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { isoUtc } from '../../platform/time/zone.js';
import { getCenter } from '../center/center.service.js';
import { getPatient } from '../patients/patients.repo.js';
import { type Actor, requireStaff, type StaffActor } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import * as requests from './questionnaire-requests.repo.js';
import { type RequestView, requestForTurnos, requestViews } from './questionnaire-requests.service.js';
import { renderAnswersPdf } from './questionnaires.pdf.js';
import { findQuestionnaire, listAskable, listQuestionRows } from './questionnaires.repo.js';
import { requireStaffReach } from './staff-reach.js';

const ROLES = ['admin', 'reception', 'professional'] as const;

/** The patient, when this staff member may see their record: professionals, those they have turnos with. */
async function reachablePatient(ctx: AppContext, actor: StaffActor, patientId: number): Promise<Patient> {
  const db = ctx.database.db;
  const patient = await getPatient(db, patientId);
  if (!patient) throw new AppError('NOT_FOUND', { what: `el paciente ${patientId}` });
  await requireStaffReach(ctx, actor, patientId);
  return patient;
}

export interface PatientQuestionnaires {
  patient: Patient;
  requests: RequestView[];
  /** What may be asked now: active questionnaires with questions. */
  askable: { id: number; title: string }[];
}

export async function patientQuestionnaires(
  ctx: AppContext,
  input: { actor: Actor; patientId: number },
): Promise<PatientQuestionnaires> {
  const actor = requireStaff(input.actor, ROLES);
  const patient = await reachablePatient(ctx, actor, input.patientId);
  const db = ctx.database.db;
  await requestForTurnos(ctx, patient.id);
  const [rows, askable] = await Promise.all([requests.listRequestRows(db, patient.id), listAskable(db)]);
  await audit(ctx, actor, { action: 'questionnaire.list', patientId: patient.id });
  return { patient, requests: await requestViews(db, rows), askable };
}

/** Asks the patient a questionnaire; one not yet sent of the same questionnaire is enough (refused). */
export async function assignQuestionnaire(
  ctx: AppContext,
  input: { actor: Actor; patientId: number; questionnaireId: number },
) {
  const actor = requireStaff(input.actor, ROLES);
  const patient = await reachablePatient(ctx, actor, input.patientId);
  const { db, dialect } = ctx.database;
  return db.transaction().execute(async (trx) => {
    // Two desks asking at once must still leave one pending request.
    await lockKey(trx, dialect, `questionnaire-request:${patient.id}`);
    const questionnaire = await findQuestionnaire(trx, input.questionnaireId);
    if (!questionnaire) throw new AppError('NOT_FOUND', { what: `el cuestionario ${input.questionnaireId}` });
    const questions = await listQuestionRows(trx, questionnaire.id);
    if (questionnaire.active !== 1 || questions.length === 0) {
      throw new AppError('QUESTIONNAIRE_NOT_ASKABLE', { title: questionnaire.title });
    }
    if (await requests.findOpenRequest(trx, patient.id, questionnaire.id)) {
      throw new AppError('QUESTIONNAIRE_ALREADY_ASKED', { title: questionnaire.title });
    }
    const id = await requests.insertStaffRequest(trx, {
      questionnaireId: questionnaire.id,
      patientId: patient.id,
      requestedBy: actor.ref,
      nowIso: isoUtc(ctx.clock.now()),
    });
    await audit(
      ctx,
      actor,
      {
        action: 'questionnaire.assign',
        patientId: patient.id,
        target: `cuestionario:${questionnaire.id}`,
        detail: `solicitud:${id}`,
      },
      trx,
    );
    return id;
  });
}

/** One request of the patient with its answers as asked (audited: the answers are clinical data). */
export async function readAnswers(
  ctx: AppContext,
  input: { actor: Actor; patientId: number; requestId: number; as?: 'page' | 'pdf' },
) {
  const pdf = input.as === 'pdf';
  const actor = requireStaff(input.actor, ROLES);
  const patient = await reachablePatient(ctx, actor, input.patientId);
  const db = ctx.database.db;
  const row = await requests.findRequestRow(db, patient.id, input.requestId);
  // Only a sent questionnaire has answers to print.
  if (!row || (pdf && row.status !== 'submitted')) {
    throw new AppError('NOT_FOUND', { what: `el cuestionario ${input.requestId}` });
  }
  const [request] = await requestViews(db, [row]);
  await audit(ctx, actor, {
    action: 'questionnaire.read',
    patientId: patient.id,
    target: `solicitud:${row.id}`,
    detail: pdf ? 'pdf' : '',
  });
  return { patient, request: request as RequestView };
}

/** The sent answers as a PDF (audited as a read). */
export async function answersPdf(
  ctx: AppContext,
  input: { actor: Actor; patientId: number; requestId: number; lang: Lang },
) {
  requireStaff(input.actor, ROLES);
  const { patient, request } = await readAnswers(ctx, { ...input, as: 'pdf' });
  const center = await getCenter(ctx);
  const pdf = await renderAnswersPdf({ center, patient, request }, input.lang);
  return { pdf, fileName: `cuestionario-${request.id}.pdf` };
}
