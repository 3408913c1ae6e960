// The SQL of questionnaire definitions: the questionnaires and their ordered questions.
import type { Kysely } from 'kysely';
import type { DB, QuestionKind, QuestionnaireQuestion } from '../../platform/db/schema.js';
import type { QuestionDefinition, QuestionnaireDefinition, QuestionSpec } from './questionnaires.rules.js';

export async function listQuestionnaireRows(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('questionnaires as q')
    .leftJoin('specialties as s', 's.id', 'q.specialtyId')
    .leftJoin('studies as st', 'st.id', 'q.studyId')
    .select((eb) => [
      'q.id',
      'q.title',
      'q.active',
      'q.specialtyId',
      'q.studyId',
      's.name as specialtyName',
      'st.name as studyName',
      eb
        .selectFrom('questionnaireQuestions as qq')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('qq.questionnaireId', '=', 'q.id')
        .as('questionCount'),
      eb
        .selectFrom('questionnaireRequests as r')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('r.questionnaireId', '=', 'q.id')
        .where('r.status', '=', 'submitted')
        .as('submittedCount'),
    ])
    .orderBy('q.active', 'desc')
    .orderBy('q.title')
    .orderBy('q.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    questionCount: Number(r.questionCount ?? 0),
    submittedCount: Number(r.submittedCount ?? 0),
  }));
}

export type QuestionnaireListRow = Awaited<ReturnType<typeof listQuestionnaireRows>>[number];

export async function countSubmitted(db: Kysely<DB>, questionnaireId: number): Promise<number> {
  const row = await db
    .selectFrom('questionnaireRequests')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('questionnaireId', '=', questionnaireId)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function findQuestionnaire(db: Kysely<DB>, id: number) {
  return db.selectFrom('questionnaires').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertQuestionnaire(db: Kysely<DB>, d: QuestionnaireDefinition, nowIso: string) {
  const row = await db
    .insertInto('questionnaires')
    .values({ ...d, active: d.active ? 1 : 0, createdAt: nowIso, updatedAt: nowIso })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateQuestionnaire(db: Kysely<DB>, id: number, d: QuestionnaireDefinition, nowIso: string) {
  const result = await db
    .updateTable('questionnaires')
    .set({ ...d, active: d.active ? 1 : 0, updatedAt: nowIso })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function touchQuestionnaire(db: Kysely<DB>, id: number, nowIso: string) {
  return db.updateTable('questionnaires').set({ updatedAt: nowIso }).where('id', '=', id).execute();
}

export function listQuestionRows(db: Kysely<DB>, questionnaireId: number) {
  return db
    .selectFrom('questionnaireQuestions')
    .selectAll()
    .where('questionnaireId', '=', questionnaireId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export function findQuestion(db: Kysely<DB>, questionnaireId: number, id: number) {
  return db
    .selectFrom('questionnaireQuestions')
    .selectAll()
    .where('questionnaireId', '=', questionnaireId)
    .where('id', '=', id)
    .executeTakeFirst();
}

const columns = (q: QuestionDefinition) => ({
  kind: q.kind,
  label: q.label,
  help: q.help,
  required: q.required ? 1 : 0,
  choices: JSON.stringify(q.choices),
  scaleMin: q.scaleMin,
  scaleMax: q.scaleMax,
});

/** Adds the question last (call inside a transaction: the position is read and written together). */
export async function insertQuestion(db: Kysely<DB>, questionnaireId: number, q: QuestionDefinition) {
  const last = await db
    .selectFrom('questionnaireQuestions')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('questionnaireId', '=', questionnaireId)
    .executeTakeFirst();
  const row = await db
    .insertInto('questionnaireQuestions')
    .values({ questionnaireId, position: Number(last?.position ?? 0) + 1, ...columns(q) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateQuestion(db: Kysely<DB>, questionnaireId: number, id: number, q: QuestionDefinition) {
  const result = await db
    .updateTable('questionnaireQuestions')
    .set(columns(q))
    .where('questionnaireId', '=', questionnaireId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteQuestion(db: Kysely<DB>, questionnaireId: number, id: number) {
  const result = await db
    .deleteFrom('questionnaireQuestions')
    .where('questionnaireId', '=', questionnaireId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function setPosition(db: Kysely<DB>, id: number, position: number) {
  return db.updateTable('questionnaireQuestions').set({ position }).where('id', '=', id).execute();
}

/** Active questionnaires with at least one question: what staff may ask of a patient. */
export function listAskable(db: Kysely<DB>) {
  return db
    .selectFrom('questionnaires as q')
    .select(['q.id', 'q.title'])
    .where('q.active', '=', 1)
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('questionnaireQuestions as qq').select('qq.id').whereRef('qq.questionnaireId', '=', 'q.id')),
    )
    .orderBy('q.title')
    .orderBy('q.id')
    .execute();
}

function parseList(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

/** A question row as the rules see it. */
export function questionSpec(row: QuestionnaireQuestion): QuestionSpec {
  return {
    questionId: row.id,
    kind: row.kind as QuestionKind,
    label: row.label,
    help: row.help,
    required: row.required === 1,
    choices: parseList(row.choices),
    scaleMin: row.scaleMin,
    scaleMax: row.scaleMax,
  };
}
