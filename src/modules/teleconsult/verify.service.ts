// Verifying a patient's token: the code proves the patient's consent to a consultation in place of their
// signature. One code, one patient, one turno, once — held by a row lock, guarded updates and unique indexes.
import type { AppContext } from '../../context.js';
import { AppError, type ErrorCode } from '../../errors.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import type { Appointment, CenterSettings, Patient, TokenCodeKind } from '../../platform/db/schema.js';
import { hitRateLimit, refundRateLimit } from '../../platform/http/rate-limit.js';
import { matchTotp } from '../../platform/otp/otp.js';
import { isoUtc, minutesToTime, todayIn, utcToCivil } from '../../platform/time/zone.js';
import { getSettings } from '../center/center.repo.js';
import { findByDni } from '../patients/patients.repo.js';
import { normalizeDni } from '../patients/patients.rules.js';
import { requireStaffReach } from '../portal/staff-reach.js';
import * as appointments from '../scheduling/appointments.repo.js';
import { type Actor, canSeeProfessional, requireStaff, type StaffActor } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import { ACTOR_RULE, isLocked, minutesLeft } from './lockout.rules.js';
import { PRINTED_CODE_DIGITS, tokenOptions } from './token-options.js';
import { patientTokenSecret, printedCodeHash } from './token-secret.js';
import * as repo from './verify.repo.js';
import { recordFailure, recordFailureIn } from './verify-failures.js';

export type VerifyVia = 'staff' | 'api';

export interface VerifyInput {
  actor: Actor;
  dni: string;
  code: string;
  appointmentId?: number | null | undefined;
  via: VerifyVia;
}

export interface Verified {
  conformityId: number;
  patientId: number;
  patientName: string;
  appointmentId: number | null;
  codeKind: TokenCodeKind;
  verifiedAt: string;
}

/** A refusal that is counted: recorded (and maybe locking) after the attempt's transaction rolled back. */
class CountedFailure extends Error {
  constructor(
    readonly reason: string,
    readonly error: AppError,
  ) {
    super(reason);
  }
}

const STATUS_ES: Record<string, string> = { cancelled: 'cancelado', absent: 'ausente' };

const hhmm = (zone: string, iso: string) => minutesToTime(utcToCivil(zone, Date.parse(iso)).minutes);

/** The turno the conformity is for: the patient's, in the actor's reach, of today and still open. */
function checkTurno(
  a: Appointment | undefined,
  input: { id: number; staff: StaffActor; patient: Patient; zone: string; nowMs: number },
): Appointment {
  if (!a || !canSeeProfessional(input.staff, a.professionalId)) {
    throw new AppError('NOT_FOUND', { what: `el turno ${input.id}` });
  }
  if (a.patientId !== input.patient.id) throw new AppError('TOKEN_TURNO_OTHER_PATIENT', { id: a.id });
  if (a.status !== 'reserved' && a.status !== 'present') {
    throw new AppError('TOKEN_TURNO_STATUS', { status: STATUS_ES[a.status] ?? a.status });
  }
  const date = utcToCivil(input.zone, Date.parse(a.startsAt)).date;
  const today = todayIn(input.zone, input.nowMs);
  if (date !== today) throw new AppError('TOKEN_TURNO_NOT_TODAY', { date, today });
  return a;
}

function failure(reason: string, code: ErrorCode, params: Record<string, string | number> = {}) {
  return new CountedFailure(reason, new AppError(code, params));
}

/**
 * Staff of any role (a professional only on their own turnos) and API tokens. A wrong, expired, used or revoked
 * code is refused and counted; five in a quarter hour lock the patient's verification and alert the center.
 */
export async function verifyToken(ctx: AppContext, input: VerifyInput): Promise<Verified> {
  const staff = requireStaff(input.actor);
  const db = ctx.database.db;
  const settings = await getSettings(db);
  const step = settings.tokenStepSeconds;
  const nowMs = ctx.clock.now();
  const now = isoUtc(nowMs);
  const limitKey = `token-verify:${staff.ref}`;
  const verdict = await hitRateLimit(db, limitKey, ACTOR_RULE, nowMs);
  if (!verdict.allowed) {
    const seconds = verdict.retryAfterSeconds;
    throw new AppError('TOO_MANY_ATTEMPTS', { seconds, minutes: Math.ceil(seconds / 60) });
  }
  const code = input.code.replace(/[\s.-]/g, '');
  const dni = normalizeDni(input.dni);
  const appointmentId = input.appointmentId ?? null;
  const patient = dni ? await findByDni(db, dni) : undefined;
  const attempt = { dni: dni ?? input.dni.trim().slice(0, 20), appointmentId, staff, nowMs };
  if (!patient) {
    // Exactly the wrong code's answer: whether a DNI is a patient here is not for anyone to learn by trying.
    await recordFailure(ctx, { ...attempt, patientId: null, reason: 'unknown_dni', settings });
    throw new AppError('TOKEN_INVALID', { step });
  }
  if (appointmentId === null) await requireStaffReach(ctx, staff, patient.id);
  // Made outside the transaction: the key and a first secret are read through the pool.
  const secret = await patientTokenSecret(ctx, patient.id);
  const printedHash = code.length === PRINTED_CODE_DIGITS ? await printedCodeHash(ctx, patient.id, code) : null;
  try {
    const outcome = await db.transaction().execute(async (trx) => {
      const row = await repo.lockTokenRow(trx, ctx.database.dialect, patient.id);
      if (!row) throw new Error(`token row of patient ${patient.id} missing`);
      try {
        return { conformity: await attemptIn(trx, row) };
      } catch (e) {
        // Counted refusals throw before anything is written: the failure is kept in this transaction, under
        // the row lock, so the next attempt already sees it (and the lock it may set).
        if (!(e instanceof CountedFailure)) throw e;
        if (e.reason !== 'conformity_exists') {
          await recordFailureIn(ctx, trx, { ...attempt, patientId: patient.id, reason: e.reason, settings }, patient);
        }
        return { refused: e };
      }
    });
    if (outcome.refused) throw outcome.refused.error;
    const conformity = outcome.conformity;
    if (!conformity) throw new Error('unreachable: neither a conformity nor a refusal');
    await refundRateLimit(db, limitKey);
    return {
      conformityId: conformity.id,
      patientId: patient.id,
      patientName: `${patient.lastName}, ${patient.firstName}`,
      appointmentId: conformity.appointmentId,
      codeKind: conformity.codeKind,
      verifiedAt: conformity.verifiedAt,
    };
  } catch (e) {
    const counted = isUniqueViolation(e) ? await raceLoser(ctx, settings, appointmentId) : null;
    if (!counted) throw e;
    if (counted.reason === 'conformity_exists') throw counted.error;
    await recordFailure(ctx, { ...attempt, patientId: patient.id, reason: counted.reason, settings });
    throw counted.error;
  }

  async function attemptIn(trx: Parameters<typeof repo.lockTokenRow>[0], row: { lockedUntil: string | null }) {
    if (!patient) throw new Error('unreachable: the patient was found above');
    if (isLocked(row.lockedUntil, nowMs)) {
      const until = row.lockedUntil as string;
      throw failure('locked', 'TOKEN_LOCKED', {
        until: hhmm(settings.timeZone, until),
        minutes: minutesLeft(until, nowMs),
      });
    }
    // The turno is judged before the code, so a code offered for the wrong turno is not spent.
    const turno =
      appointmentId === null
        ? null
        : checkTurno(await appointments.getAppointment(trx, appointmentId), {
            id: appointmentId,
            staff,
            patient,
            zone: settings.timeZone,
            nowMs,
          });
    if (turno) {
      const existing = await repo.conformityOfTurno(trx, turno.id);
      if (existing) throw conformityExists(settings, existing.verifiedAt);
    }
    const used = await consumeCode(trx, { code, printedHash, secret, settings, patientId: patient.id, nowMs });
    const inserted = await repo.insertConformity(trx, {
      patientId: patient.id,
      appointmentId: turno?.id ?? null,
      codeKind: used.kind,
      totpCounter: used.counter,
      seriesCodeId: used.seriesCodeId,
      verifiedAt: now,
      verifiedByRef: staff.ref,
      verifiedByName: staff.name,
      via: input.via,
    });
    if (turno) {
      const attended = await appointments.updateAppointment(trx, turno.id, { status: 'present', updatedAt: now }, [
        'reserved',
        'present',
      ]);
      if (!attended) throw new AppError('TOKEN_TURNO_STATUS', { status: 'cancelado' });
    }
    await audit(
      ctx,
      staff,
      {
        action: 'token.verify',
        patientId: patient.id,
        ...(turno ? { target: `turno:${turno.id}` } : {}),
        detail: used.kind,
      },
      trx,
    );
    return inserted;
  }
}

function conformityExists(settings: CenterSettings, verifiedAt: string) {
  return failure('conformity_exists', 'TOKEN_CONFORMITY_EXISTS', { at: hhmm(settings.timeZone, verifiedAt) });
}

/** A unique index refused the insert: another verification of the same turno, or of the same code, won. */
async function raceLoser(ctx: AppContext, settings: CenterSettings, appointmentId: number | null) {
  const existing = appointmentId === null ? undefined : await repo.conformityOfTurno(ctx.database.db, appointmentId);
  if (existing) return conformityExists(settings, existing.verifiedAt);
  return failure('reused', 'TOKEN_REUSED', { step: settings.tokenStepSeconds });
}

/** Spends the code: a dynamic one moves the patient's last used step forward, a printed one is marked used. */
async function consumeCode(
  trx: Parameters<typeof repo.advanceCounter>[0],
  input: {
    code: string;
    printedHash: string | null;
    secret: Buffer;
    settings: CenterSettings;
    patientId: number;
    nowMs: number;
  },
): Promise<{ kind: TokenCodeKind; counter: number | null; seriesCodeId: number | null }> {
  const { settings } = input;
  const step = settings.tokenStepSeconds;
  if (input.printedHash !== null) {
    const printed = await repo.findPrintedCode(trx, input.patientId, input.printedHash);
    if (!printed) throw failure('invalid', 'TOKEN_INVALID', { step });
    if (printed.revokedAt !== null) throw failure('revoked', 'TOKEN_REVOKED');
    if (printed.validUntil < todayIn(settings.timeZone, input.nowMs)) {
      const [y, m, d] = printed.validUntil.split('-');
      throw failure('expired', 'TOKEN_EXPIRED', { until: `${d}/${m}/${y}` });
    }
    if (printed.usedAt !== null || !(await repo.markPrintedUsed(trx, printed.id, isoUtc(input.nowMs)))) {
      throw failure('reused', 'TOKEN_REUSED', { step });
    }
    return { kind: 'printed', counter: null, seriesCodeId: printed.id };
  }
  const counter = matchTotp(input.secret, input.code, input.nowMs, tokenOptions(settings), 1);
  if (counter === null) throw failure('invalid', 'TOKEN_INVALID', { step });
  if (!(await repo.advanceCounter(trx, input.patientId, counter))) throw failure('reused', 'TOKEN_REUSED', { step });
  return { kind: 'dynamic', counter, seriesCodeId: null };
}
