// Generar token: the patient's current and next code, the PDF of the current one, and the mail of it to the
// professional of one of their teleconsultation turnos. Portal patients only; the secret never leaves here.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Patient } from '../../platform/db/schema.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { totp } from '../../platform/otp/otp.js';
import { enqueueMail } from '../../platform/outbox/outbox.js';
import { isoUtc, startOfDayUtc, todayIn } from '../../platform/time/zone.js';
import { getSettings } from '../center/center.repo.js';
import { type CenterView, centerView } from '../center/center.service.js';
import { requirePortalPatient } from '../portal/portal-actor.js';
import type { Actor } from '../staff/actor.js';
import { tokenMail } from './token.mail.js';
import { renderTokenPdf } from './token.pdf.js';
import * as repo from './token.repo.js';
import { stepWindow } from './token.rules.js';
import { tokenOptions } from './token-options.js';
import { patientTokenSecret } from './token-secret.js';

export interface TokenNow {
  patient: Pick<Patient, 'id' | 'firstName' | 'lastName' | 'dni'>;
  center: CenterView;
  code: string;
  nextCode: string;
  /** When the code was made (the server's clock). */
  atMs: number;
  /** How long the code stays on screen before the next one replaces it. */
  expiresInMs: number;
  /** The code still verifies until then (one step of drift is accepted). */
  validUntilMs: number;
  stepSeconds: number;
  digits: number;
}

async function tokenFor(ctx: AppContext, patient: Patient): Promise<TokenNow> {
  const settings = await getSettings(ctx.database.db);
  const options = tokenOptions(settings);
  const secret = await patientTokenSecret(ctx, patient.id);
  const now = ctx.clock.now();
  const step = stepWindow(now, options.stepSeconds);
  return {
    patient: { id: patient.id, firstName: patient.firstName, lastName: patient.lastName, dni: patient.dni },
    center: centerView(settings),
    code: totp(secret, now, options),
    nextCode: totp(secret, step.nextAtMs, options),
    atMs: now,
    expiresInMs: step.nextAtMs - now,
    validUntilMs: step.validUntilMs,
    stepSeconds: options.stepSeconds,
    digits: options.digits,
  };
}

/** The code of this moment and the one after it, so a page can swap to it without computing anything. */
export async function myToken(ctx: AppContext, input: { actor: Actor }): Promise<TokenNow> {
  const patient = await requirePortalPatient(ctx, input.actor);
  return tokenFor(ctx, patient);
}

/** "Imprimir / Guardar PDF": the current code with who it belongs to, when it was made and until when it works. */
export async function myTokenPdf(ctx: AppContext, input: { actor: Actor; lang: Lang }) {
  const token = await myToken(ctx, input);
  return { bytes: await renderTokenPdf(token, input.lang), fileName: 'token.pdf' };
}

export interface MailableTurno {
  id: number;
  startsAtMs: number;
  professional: string;
  what: string;
  /** The professional has an e-mail: the code can be sent. */
  mailable: boolean;
}

/** The patient's teleconsultation turnos of today and later, still reserved: where a code may be mailed. */
export async function myTeleconsultTurnos(ctx: AppContext, input: { actor: Actor }): Promise<MailableTurno[]> {
  const patient = await requirePortalPatient(ctx, input.actor);
  return turnosOf(ctx, patient);
}

async function turnosOf(ctx: AppContext, patient: Patient): Promise<MailableTurno[]> {
  const db = ctx.database.db;
  const { timeZone } = await getSettings(db);
  const from = startOfDayUtc(timeZone, todayIn(timeZone, ctx.clock.now()));
  const rows = await repo.teleconsultTurnos(db, patient.id, isoUtc(from));
  return rows.map((r) => ({
    id: r.id,
    startsAtMs: Date.parse(r.startsAt),
    professional: `${r.lastName} ${r.firstName}`.trim(),
    what: r.specialtyName ?? r.studyName ?? '',
    mailable: r.email.trim() !== '',
  }));
}

/**
 * "Enviar por e-mail al profesional": the current code to the professional of one of the patient's own
 * teleconsultation turnos (today or later, reserved), through the outbox. Another patient's turno, a past or
 * in-person one reads as not found.
 */
export async function mailTokenToProfessional(
  ctx: AppContext,
  input: { actor: Actor; appointmentId: number; lang: Lang },
): Promise<{ to: string; professional: string }> {
  const patient = await requirePortalPatient(ctx, input.actor);
  const db = ctx.database.db;
  const { timeZone } = await getSettings(db);
  const from = startOfDayUtc(timeZone, todayIn(timeZone, ctx.clock.now()));
  const turno = (await repo.teleconsultTurnos(db, patient.id, isoUtc(from))).find((r) => r.id === input.appointmentId);
  if (!turno) throw new AppError('TOKEN_MAIL_NO_TURNO');
  const professional = `${turno.lastName} ${turno.firstName}`.trim();
  const to = turno.email.trim();
  if (!to) throw new AppError('TOKEN_MAIL_NO_EMAIL', { professional });
  const token = await tokenFor(ctx, patient);
  const mail = tokenMail(input.lang, token, {
    professional,
    startsAtMs: Date.parse(turno.startsAt),
    what: turno.specialtyName ?? turno.studyName ?? '',
  });
  await db.transaction().execute(async (trx) => {
    await enqueueMail(
      trx,
      {
        kind: 'teleconsult_token',
        to,
        ...mail,
        patientId: patient.id,
        appointmentId: turno.id,
        sentBy: 'web',
        // A code that arrives after it stops working is only confusing: the send log says it went too late.
        deadlineMs: token.validUntilMs,
      },
      token.atMs,
    );
  });
  return { to, professional };
}
