// What the demo patient finds in the portal, read through the portal's own patient-side services: the two
// questionnaires (one asked by hand, one asked once a Cardiología turno is booked), two invoices with consecutive
// numbers, and the electrocardiogram report, whose bytes come back from the file store.
import assert from 'node:assert/strict';
import type { AppContext } from '../context.js';
import { getCenter } from '../modules/center/center.service.js';
import { listMyDocuments, myDocumentContent } from '../modules/portal/documents.service.js';
import { myInvoices } from '../modules/portal/invoices.mine.service.js';
import { pdfText } from '../modules/portal/invoices.test-helpers.js';
import { myQuestionnaires } from '../modules/portal/questionnaire-requests.service.js';
import { QUESTION_KINDS } from '../modules/portal/questionnaires.rules.js';
import { addDays, todayIn } from '../platform/time/zone.js';
import { DEMO_QUESTIONNAIRES, DEMO_REPORT } from './demo-portal.js';

async function assertQuestionnaires(ctx: AppContext, patientId: number, nowMs: number) {
  const db = ctx.database.db;
  const actor = { kind: 'patient', patientId } as const;
  const cardiology = await db
    .selectFrom('specialties')
    .select('id')
    .where('name', '=', 'CARDIOLOGIA')
    .executeTakeFirstOrThrow();
  const defined = await db.selectFrom('questionnaires').selectAll().orderBy('id').execute();
  assert.deepEqual(
    defined.map((q) => [q.title, q.active, q.specialtyId, q.studyId]),
    [
      [DEMO_QUESTIONNAIRES.cardiology, 1, cardiology.id, null],
      [DEMO_QUESTIONNAIRES.general, 1, null, null],
    ],
  );
  for (const q of defined) {
    const questions = await db
      .selectFrom('questionnaireQuestions')
      .selectAll()
      .where('questionnaireId', '=', q.id)
      .orderBy('position')
      .execute();
    assert.deepEqual(new Set(questions.map((x) => x.kind)), new Set(QUESTION_KINDS), `${q.title}: one of each kind`);
    assert.ok(questions.some((x) => x.required === 1) && questions.some((x) => x.required === 0), q.title);
    const scale = questions.find((x) => x.kind === 'scale');
    assert.deepEqual([scale?.scaleMin, scale?.scaleMax], [0, 10]);
  }

  // Asked by hand: waiting for the patient, on no turno; and the cardiology one for the demo's turno by video
  // with a cardiologist, asked because that turno is ahead.
  const video = await db
    .selectFrom('appointments')
    .select(['id', 'specialtyId', 'startsAt'])
    .where('patientId', '=', patientId)
    .where('teleconsult', '=', 1)
    .executeTakeFirstOrThrow();
  assert.equal(video.specialtyId, cardiology.id);
  assert.ok(Date.parse(video.startsAt) > nowMs);
  const asked = await myQuestionnaires(ctx, { actor });
  assert.deepEqual(asked.map((r) => [r.title, r.status, r.turno?.id ?? null]).sort(), [
    [DEMO_QUESTIONNAIRES.cardiology, 'pending', video.id],
    [DEMO_QUESTIONNAIRES.general, 'pending', null],
  ]);
  assert.equal(asked.find((r) => r.title === DEMO_QUESTIONNAIRES.general)?.questions.length, 5);
}

async function assertInvoices(ctx: AppContext, patientId: number, nowMs: number) {
  const db = ctx.database.db;
  const actor = { kind: 'patient', patientId } as const;
  const { items, total } = await myInvoices(ctx, { actor, page: 1 });
  assert.equal(total, 2);
  const [paid, due] = [...items].sort((a, b) => a.number - b.number);
  assert.ok(paid && due);
  assert.equal(due.number, paid.number + 1, 'consecutive numbers from the counter');
  const counter = await db
    .selectFrom('counters')
    .select('value')
    .where('name', '=', 'invoice_number')
    .executeTakeFirstOrThrow();
  assert.equal(Number(counter.value), due.number, 'the counter stands at the last number given');

  // Paid: the invoice of a past attended turno, the insurer paying its share and the patient the rest.
  assert.equal(paid.status, 'paid');
  assert.equal(paid.paidOn, paid.issuedOn);
  assert.ok(paid.appointmentId !== null);
  assert.ok(paid.insurerCents > 0 && paid.patientCents > 0, 'insurer share and patient share');
  assert.equal(paid.insurerCents + paid.patientCents, paid.totalCents);
  assert.notEqual(paid.insurerName, '');
  const turno = await db
    .selectFrom('appointments')
    .selectAll()
    .where('id', '=', paid.appointmentId)
    .executeTakeFirstOrThrow();
  assert.equal(turno.patientId, patientId);
  assert.equal(turno.status, 'present');
  assert.ok(Date.parse(turno.endsAt) <= nowMs);

  // Due: issued today by hand, nothing for an insurer.
  const zone = (await getCenter(ctx)).timeZone;
  assert.equal(due.status, 'due');
  assert.equal(due.appointmentId, null);
  assert.equal(due.issuedOn, todayIn(zone, nowMs));
  assert.ok(paid.issuedOn < due.issuedOn && paid.issuedOn >= addDays(due.issuedOn, -21));
  assert.deepEqual(
    [due.insurerCents, due.patientCents, due.totalCents],
    [0, due.totalCents, due.lines.reduce((sum, l) => sum + l.amountCents, 0)],
  );

  // Issued by the demo's reception user, as the back office issues them.
  const desk = await db
    .selectFrom('staffUsers')
    .select('id')
    .where('username', '=', 'recepcion')
    .executeTakeFirstOrThrow();
  const created = await db.selectFrom('auditLog').selectAll().where('action', '=', 'invoice.create').execute();
  assert.deepEqual(
    created.map((a) => [a.actorRef, a.patientId, a.target]),
    [
      [`usuario:${desk.id}`, patientId, `factura:${paid.number}`],
      [`usuario:${desk.id}`, patientId, `factura:${due.number}`],
    ],
  );
  return paid;
}

/** The demo patient's portal, as they see it; `dni` is the demo's web patient. */
export async function assertDemoPortal(ctx: AppContext, dni: string, nowMs: number) {
  const db = ctx.database.db;
  const patient = await db.selectFrom('patients').selectAll().where('dni', '=', dni).executeTakeFirstOrThrow();
  const actor = { kind: 'patient', patientId: patient.id } as const;

  const paid = await assertInvoices(ctx, patient.id, nowMs);

  const { items } = await listMyDocuments(ctx, { actor, page: 1 });
  assert.equal(items.length, 1);
  const report = items[0];
  assert.ok(report);
  assert.deepEqual(
    [report.source, report.category, report.description, report.fileName, report.mediaType],
    ['center', 'report', DEMO_REPORT.description, DEMO_REPORT.fileName, 'application/pdf'],
  );
  assert.equal(report.appointment?.id, paid.appointmentId, 'the report belongs to the invoiced turno');
  const { bytes } = await myDocumentContent(ctx, { actor, id: report.id });
  assert.equal(bytes.length, report.sizeBytes);
  const text = await pdfText(bytes);
  assert.match(text, /Informe de electrocardiograma/);
  assert.match(text, new RegExp(`${patient.firstName} ${patient.lastName}`));
  assert.match(text, new RegExp(patient.dni));
  const [y, m, d] = paid.issuedOn.split('-');
  assert.match(text, new RegExp(`Fecha del estudio ${d}/${m}/${y}`));

  await assertQuestionnaires(ctx, patient.id, nowMs);
}
