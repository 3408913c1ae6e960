// Staff define questionnaires (admins): their data, what they are attached to, and their ordered questions.
// A question can change or go after patients answered it: the answers keep each question as it was asked.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { isoUtc } from '../../platform/time/zone.js';
import { getSpecialty, getStudy } from '../catalog/catalog.repo.js';
import { listSpecialties, listStudies } from '../catalog/catalog.service.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import * as repo from './questionnaires.repo.js';
import {
  type DefinitionProblem,
  type QuestionFields,
  type QuestionnaireFields,
  questionDefinition,
  questionnaireDefinition,
  swapTarget,
} from './questionnaires.rules.js';

const ADMIN = ['admin'] as const;

/** A definition form refused field by field: the page shows each problem next to its field. */
export class DefinitionRefused extends AppError {
  constructor(readonly problems: Record<string, DefinitionProblem>) {
    super('VALIDATION_ERROR', { detail: `revisá ${Object.keys(problems).join(', ')}` });
  }
}

const missing = (id: number) => new AppError('NOT_FOUND', { what: `el cuestionario ${id}` });

export async function listQuestionnaires(ctx: AppContext, input: { actor: Actor }) {
  requireStaff(input.actor, ADMIN);
  return repo.listQuestionnaireRows(ctx.database.db);
}

/** The specialties and studies a questionnaire may be attached to. */
export async function attachChoices(ctx: AppContext, input: { actor: Actor }) {
  requireStaff(input.actor, ADMIN);
  const [specialties, studies] = await Promise.all([listSpecialties(ctx, input), listStudies(ctx, input)]);
  return { specialties, studies };
}

export async function getQuestionnaire(ctx: AppContext, input: { actor: Actor; id: number }) {
  requireStaff(input.actor, ADMIN);
  const db = ctx.database.db;
  const [questionnaire, rows, submittedCount] = await Promise.all([
    repo.findQuestionnaire(db, input.id),
    repo.listQuestionRows(db, input.id),
    repo.countSubmitted(db, input.id),
  ]);
  if (!questionnaire) throw missing(input.id);
  return { questionnaire, questions: rows.map(repo.questionSpec), submittedCount };
}

async function checkedDefinition(ctx: AppContext, fields: QuestionnaireFields) {
  const outcome = questionnaireDefinition(fields);
  if ('problems' in outcome) throw new DefinitionRefused(outcome.problems);
  const d = outcome.value;
  const db = ctx.database.db;
  const exists =
    (d.specialtyId === null || (await getSpecialty(db, d.specialtyId))) &&
    (d.studyId === null || (await getStudy(db, d.studyId)));
  if (!exists) throw new DefinitionRefused({ attach: { code: 'attach' } });
  return d;
}

export async function createQuestionnaire(ctx: AppContext, input: { actor: Actor; fields: QuestionnaireFields }) {
  requireStaff(input.actor, ADMIN);
  const d = await checkedDefinition(ctx, input.fields);
  return repo.insertQuestionnaire(ctx.database.db, d, isoUtc(ctx.clock.now()));
}

export async function updateQuestionnaire(
  ctx: AppContext,
  input: { actor: Actor; id: number; fields: QuestionnaireFields },
) {
  requireStaff(input.actor, ADMIN);
  const d = await checkedDefinition(ctx, input.fields);
  if (!(await repo.updateQuestionnaire(ctx.database.db, input.id, d, isoUtc(ctx.clock.now())))) throw missing(input.id);
}

function checkedQuestion(fields: QuestionFields) {
  const outcome = questionDefinition(fields);
  if ('problems' in outcome) throw new DefinitionRefused(outcome.problems);
  return outcome.value;
}

export async function addQuestion(
  ctx: AppContext,
  input: { actor: Actor; questionnaireId: number; fields: QuestionFields },
) {
  requireStaff(input.actor, ADMIN);
  const q = checkedQuestion(input.fields);
  return ctx.database.db.transaction().execute(async (trx) => {
    if (!(await repo.findQuestionnaire(trx, input.questionnaireId))) throw missing(input.questionnaireId);
    const id = await repo.insertQuestion(trx, input.questionnaireId, q);
    await repo.touchQuestionnaire(trx, input.questionnaireId, isoUtc(ctx.clock.now()));
    return id;
  });
}

export async function getQuestion(
  ctx: AppContext,
  input: { actor: Actor; questionnaireId: number; questionId: number },
) {
  requireStaff(input.actor, ADMIN);
  const row = await repo.findQuestion(ctx.database.db, input.questionnaireId, input.questionId);
  if (!row) throw new AppError('NOT_FOUND', { what: `la pregunta ${input.questionId}` });
  return repo.questionSpec(row);
}

const questionMissing = (id: number) => new AppError('NOT_FOUND', { what: `la pregunta ${id}` });

export async function updateQuestion(
  ctx: AppContext,
  input: { actor: Actor; questionnaireId: number; questionId: number; fields: QuestionFields },
) {
  requireStaff(input.actor, ADMIN);
  const q = checkedQuestion(input.fields);
  const db = ctx.database.db;
  if (!(await repo.updateQuestion(db, input.questionnaireId, input.questionId, q))) {
    throw questionMissing(input.questionId);
  }
  await repo.touchQuestionnaire(db, input.questionnaireId, isoUtc(ctx.clock.now()));
}

/** Swaps the question with its neighbour; at either end nothing changes. */
export async function moveQuestion(
  ctx: AppContext,
  input: { actor: Actor; questionnaireId: number; questionId: number; direction: 'up' | 'down' },
) {
  requireStaff(input.actor, ADMIN);
  await ctx.database.db.transaction().execute(async (trx) => {
    const rows = await repo.listQuestionRows(trx, input.questionnaireId);
    const self = rows.find((r) => r.id === input.questionId);
    if (!self) throw questionMissing(input.questionId);
    const other = swapTarget(rows, input.questionId, input.direction);
    if (!other) return;
    // Renumbered 1..n in the new order, so positions stay distinct whatever they were.
    const order = rows.map((r) => (r.id === self.id ? other : r.id === other.id ? self : r));
    for (const [i, row] of order.entries()) {
      if (row.position !== i + 1) await repo.setPosition(trx, row.id, i + 1);
    }
  });
}

/** Answers already sent keep the question as it was asked, so removing it loses nothing sent. */
export async function removeQuestion(
  ctx: AppContext,
  input: { actor: Actor; questionnaireId: number; questionId: number },
) {
  requireStaff(input.actor, ADMIN);
  const db = ctx.database.db;
  if (!(await repo.deleteQuestion(db, input.questionnaireId, input.questionId)))
    throw questionMissing(input.questionId);
  await repo.touchQuestionnaire(db, input.questionnaireId, isoUtc(ctx.clock.now()));
}
