// Questionnaires asked of a patient: the patient's side (list, fill, save a draft, send once) and the view of
// a request both sides share. Requests owed for future turnos are created whenever the list is read.
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { AppointmentStatus, DB, QuestionnaireRequestStatus } from '../../platform/db/schema.js';
import { isoUtc } from '../../platform/time/zone.js';
import type { Actor } from '../staff/actor.js';
import { requirePortalPatient } from './portal-actor.js';
import * as requests from './questionnaire-requests.repo.js';
import { listQuestionRows, questionSpec } from './questionnaires.repo.js';
import {
  type AnswerItem,
  type AnswerProblem,
  checkAnswers,
  parseStoredAnswers,
  storedAnswers,
  valuesById,
} from './questionnaires.rules.js';

export interface RequestView {
  id: number;
  questionnaireId: number;
  title: string;
  intro: string;
  status: QuestionnaireRequestStatus;
  /** The turno it is asked before, when it came from the turno's specialty or study. */
  turno: { id: number; startsAt: string; status: AppointmentStatus; what: string | null } | null;
  requestedAt: string;
  savedAt: string | null;
  submittedAt: string | null;
  /** Sent: the questions as they were asked. Otherwise today's questions with what the draft holds. */
  questions: AnswerItem[];
}

/** The answers refused on sending (or too long even for a draft), question by question. */
export class AnswersRefused extends AppError {
  constructor(readonly problems: ReadonlyMap<number, AnswerProblem>) {
    super('QUESTIONNAIRE_INCOMPLETE', { count: problems.size });
  }
}

const missing = (id: number) => new AppError('NOT_FOUND', { what: `el cuestionario ${id}` });

/** Asks the patient every questionnaire attached to the specialty or study of their future reserved turnos. */
export async function requestForTurnos(ctx: AppContext, patientId: number, db: Kysely<DB> = ctx.database.db) {
  const nowIso = isoUtc(ctx.clock.now());
  const owed = await requests.owedTurnoRequests(db, patientId, nowIso);
  await requests.insertTurnoRequests(db, patientId, owed, nowIso);
}

/** Rows as views; the questions of unsent ones are read once per questionnaire. */
export async function requestViews(db: Kysely<DB>, rows: requests.RequestRow[]): Promise<RequestView[]> {
  const open = [...new Set(rows.filter((r) => r.status !== 'submitted').map((r) => r.questionnaireId))];
  const questions = new Map(
    await Promise.all(open.map(async (id) => [id, (await listQuestionRows(db, id)).map(questionSpec)] as const)),
  );
  return rows.map((r) => {
    const stored = parseStoredAnswers(r.answers);
    const values = valuesById(stored);
    const items =
      r.status === 'submitted'
        ? stored
        : (questions.get(r.questionnaireId) ?? []).map((q) => ({ ...q, value: values.get(q.questionId) ?? '' }));
    return {
      id: r.id,
      questionnaireId: r.questionnaireId,
      title: r.title,
      intro: r.intro,
      status: r.status,
      turno:
        r.appointmentId !== null && r.turnoStartsAt !== null && r.turnoStatus !== null
          ? { id: r.appointmentId, startsAt: r.turnoStartsAt, status: r.turnoStatus, what: r.turnoWhat }
          : null,
      requestedAt: r.requestedAt,
      savedAt: r.savedAt,
      submittedAt: r.submittedAt,
      questions: items,
    };
  });
}

export async function myQuestionnaires(ctx: AppContext, input: { actor: Actor }): Promise<RequestView[]> {
  const patient = await requirePortalPatient(ctx, input.actor);
  const db = ctx.database.db;
  await requestForTurnos(ctx, patient.id);
  return requestViews(db, await requests.listRequestRows(db, patient.id));
}

/** One of the patient's own requests; another patient's id answers as a missing one. */
export async function getMyQuestionnaire(ctx: AppContext, input: { actor: Actor; id: number }) {
  const patient = await requirePortalPatient(ctx, input.actor);
  const db = ctx.database.db;
  const row = await requests.findRequestRow(db, patient.id, input.id);
  if (!row) throw missing(input.id);
  const [view] = await requestViews(db, [row]);
  return view as RequestView;
}

/**
 * Keeps the answers as a draft (saveDraft) or sends them (submit, after checking them). A request already
 * sent is refused either way, also when another tab sent it a moment ago: the update is guarded.
 */
async function writeMine(
  ctx: AppContext,
  input: { actor: Actor; id: number; answers: ReadonlyMap<number, string> },
  submit: boolean,
) {
  const patient = await requirePortalPatient(ctx, input.actor);
  const db = ctx.database.db;
  const row = await requests.findRequestRow(db, patient.id, input.id);
  if (!row) throw missing(input.id);
  if (row.status === 'submitted') throw new AppError('QUESTIONNAIRE_ALREADY_SENT');
  const questions = (await listQuestionRows(db, row.questionnaireId)).map(questionSpec);
  const checked = checkAnswers(questions, input.answers, submit);
  if (checked.problems.size > 0) throw new AnswersRefused(checked.problems);
  const written = await requests.writeAnswers(db, {
    id: row.id,
    patientId: patient.id,
    answers: storedAnswers(checked.items),
    nowIso: isoUtc(ctx.clock.now()),
    submit,
  });
  if (!written) throw new AppError('QUESTIONNAIRE_ALREADY_SENT');
  return getMyQuestionnaire(ctx, { actor: input.actor, id: input.id });
}

export function saveMyDraft(
  ctx: AppContext,
  input: { actor: Actor; id: number; answers: ReadonlyMap<number, string> },
) {
  return writeMine(ctx, input, false);
}

export function submitMine(ctx: AppContext, input: { actor: Actor; id: number; answers: ReadonlyMap<number, string> }) {
  return writeMine(ctx, input, true);
}

/** How many the patient still has to send (for the portal's home), counting those owed for their turnos. */
export async function openQuestionnaireCount(ctx: AppContext, input: { actor: Actor }): Promise<number> {
  return (await myQuestionnaires(ctx, input)).filter((r) => r.status !== 'submitted').length;
}
