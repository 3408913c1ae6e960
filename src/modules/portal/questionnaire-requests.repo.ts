// The SQL of questionnaires asked of patients: by staff, or because of a turno's specialty or study.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/** Who asked when the request came from a turno's specialty or study, not from a staff member. */
export const BY_TURNO = 'turno';

/**
 * Requests of active questionnaires (with questions) still owed for the patient's future reserved turnos of
 * their specialty or study. Only pairs without a request yet: the insert below is what makes them once.
 */
export function owedTurnoRequests(db: Kysely<DB>, patientId: number, nowIso: string) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('questionnaires as q', (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([eb('q.specialtyId', 'is not', null), eb('q.specialtyId', '=', eb.ref('a.specialtyId'))]),
          eb.and([eb('q.studyId', 'is not', null), eb('q.studyId', '=', eb.ref('a.studyId'))]),
        ]),
      ),
    )
    .select(['a.id as appointmentId', 'q.id as questionnaireId'])
    .where('a.patientId', '=', patientId)
    .where('a.status', '=', 'reserved')
    .where('a.startsAt', '>', nowIso)
    .where('q.active', '=', 1)
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('questionnaireQuestions as qq').select('qq.id').whereRef('qq.questionnaireId', '=', 'q.id')),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('questionnaireRequests as r')
            .select('r.id')
            .whereRef('r.questionnaireId', '=', 'q.id')
            .whereRef('r.appointmentId', '=', 'a.id'),
        ),
      ),
    )
    .execute();
}

/**
 * One request per questionnaire and turno: a row another reader inserted first is skipped by the unique
 * index, not by a check in code, so two lists read at once still give one request.
 */
export async function insertTurnoRequests(
  db: Kysely<DB>,
  patientId: number,
  pairs: readonly { appointmentId: number; questionnaireId: number }[],
  nowIso: string,
) {
  if (pairs.length === 0) return;
  await db
    .insertInto('questionnaireRequests')
    .values(
      pairs.map((p) => ({
        questionnaireId: p.questionnaireId,
        patientId,
        appointmentId: p.appointmentId,
        status: 'pending' as const,
        requestedBy: BY_TURNO,
        requestedAt: nowIso,
      })),
    )
    .onConflict((oc) => oc.columns(['questionnaireId', 'appointmentId']).doNothing())
    .execute();
}

function requestQuery(db: Kysely<DB>) {
  return (
    db
      .selectFrom('questionnaireRequests as r')
      .innerJoin('questionnaires as q', 'q.id', 'r.questionnaireId')
      .leftJoin('appointments as a', 'a.id', 'r.appointmentId')
      .leftJoin('specialties as s', 's.id', 'a.specialtyId')
      .leftJoin('studies as st', 'st.id', 'a.studyId')
      .select([
        'r.id',
        'r.questionnaireId',
        'r.patientId',
        'r.appointmentId',
        'r.status',
        'r.answers',
        'r.requestedBy',
        'r.requestedAt',
        'r.savedAt',
        'r.submittedAt',
        'q.title',
        'q.intro',
        'a.startsAt as turnoStartsAt',
        'a.status as turnoStatus',
        sql<
          string | null
        >`coalesce(nullif(${sql.ref('s.webName')}, ''), ${sql.ref('s.name')}, ${sql.ref('st.name')})`.as('turnoWhat'),
      ])
      // A request of a turno that was cancelled (or deleted) before the patient started it is no longer asked.
      .where((eb) =>
        eb.or([
          eb('r.status', '!=', 'pending'),
          eb.and([eb('r.appointmentId', 'is', null), eb('r.requestedBy', '!=', BY_TURNO)]),
          eb.and([eb('a.id', 'is not', null), eb('a.status', '!=', 'cancelled')]),
        ]),
      )
  );
}

export type RequestRow = Awaited<ReturnType<typeof listRequestRows>>[number];

export function listRequestRows(db: Kysely<DB>, patientId: number) {
  return requestQuery(db)
    .where('r.patientId', '=', patientId)
    .orderBy('r.requestedAt', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

/** The patient's request, or undefined for another patient's id as for a missing one. */
export function findRequestRow(db: Kysely<DB>, patientId: number, id: number) {
  return requestQuery(db).where('r.patientId', '=', patientId).where('r.id', '=', id).executeTakeFirst();
}

/** The patient's request of that questionnaire that is not sent yet, if any. */
export function findOpenRequest(db: Kysely<DB>, patientId: number, questionnaireId: number) {
  return db
    .selectFrom('questionnaireRequests')
    .select(['id', 'status'])
    .where('patientId', '=', patientId)
    .where('questionnaireId', '=', questionnaireId)
    .where('status', 'in', ['pending', 'draft'])
    .executeTakeFirst();
}

export async function insertStaffRequest(
  db: Kysely<DB>,
  r: { questionnaireId: number; patientId: number; requestedBy: string; nowIso: string },
) {
  const row = await db
    .insertInto('questionnaireRequests')
    .values({
      questionnaireId: r.questionnaireId,
      patientId: r.patientId,
      appointmentId: null,
      status: 'pending',
      requestedBy: r.requestedBy,
      requestedAt: r.nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Writes the answers while the request is not sent: a guarded update, so a send from another tab that
 * landed first is never overwritten. False when nothing was written.
 */
export async function writeAnswers(
  db: Kysely<DB>,
  r: { id: number; patientId: number; answers: string; nowIso: string; submit: boolean },
) {
  const result = await db
    .updateTable('questionnaireRequests')
    .set(
      r.submit
        ? { answers: r.answers, status: 'submitted', savedAt: r.nowIso, submittedAt: r.nowIso }
        : { answers: r.answers, status: 'draft', savedAt: r.nowIso },
    )
    .where('id', '=', r.id)
    .where('patientId', '=', r.patientId)
    .where('status', 'in', ['pending', 'draft'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
