// The staff's "Pacientes web": every patient with a web account, "Alta en web", fixing DNI, e-mail or
// password, activating or disabling by hand. The account mails: web-accounts.staff-mails.service.ts.
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import type { Patient, PatientUpdate } from '../../platform/db/schema.js';
import { destroySubjectSessions } from '../../platform/http/sessions.js';
import { enqueueMail } from '../../platform/outbox/outbox.js';
import { isoUtc } from '../../platform/time/zone.js';
import { getInsurer } from '../catalog/catalog.repo.js';
import { getCenter } from '../center/center.service.js';
import { type Actor, requireStaff } from '../staff/actor.js';
import { audit } from '../staff/audit.service.js';
import { changedBy } from '../teleconsult/data-history.js';
import { recordDataChanges } from '../teleconsult/data-history.repo.js';
import { forgetAttempts } from './accounts.limits.js';
import { loginDniKey } from './accounts.login.service.js';
import { emailChangedNotice, passwordChangedNotice } from './accounts.mails.js';
import { hashPassword } from './accounts.passwords.js';
import { sendActivation } from './accounts.register.service.js';
import * as accounts from './accounts.repo.js';
import { maskEmail, requireStrongPassword } from './accounts.rules.js';
import * as patients from './patients.repo.js';
import { normalizeDni, normalizeEmail } from './patients.rules.js';
import type { PatientInput } from './patients.schemas.js';
import { findPatients, getPatient } from './patients.service.js';
import * as repo from './web-accounts.staff.repo.js';

export type AccountState = repo.AccountState;

const ROLES = ['admin', 'reception'] as const;
export const WEB_ACCOUNTS_PAGE_SIZE = 50;
/** The most the disabled note may say. */
export const DISABLED_NOTE_MAX = 500;

/** What staff type, in the one spelling the database keeps (pages may pass it as typed). */
function clean<T extends { dni?: string | undefined; email?: string | undefined }>(input: T): T {
  const dni = input.dni === undefined ? undefined : normalizeDni(input.dni);
  if (dni === null) throw new AppError('VALIDATION_ERROR', { detail: 'dni: debe tener 7 u 8 números' });
  const email = input.email === undefined ? undefined : normalizeEmail(input.email);
  if (email === null) throw new AppError('VALIDATION_ERROR', { detail: 'email: no es un e-mail válido' });
  return { ...input, dni, email };
}

export function webAccountView(r: repo.AccountRow) {
  const state: AccountState = r.disabled === 1 ? 'disabled' : r.activatedAt !== null ? 'activated' : 'pending';
  return {
    patientId: r.patientId,
    dni: r.dni,
    lastName: r.lastName,
    firstName: r.firstName,
    email: r.email,
    mobile: r.mobile,
    insurerId: r.insurerId,
    insurerName: r.insurerName,
    state,
    activatedAt: r.activatedAt,
    disabled: r.disabled === 1,
    disabledNote: r.disabledNote,
    createdAt: r.createdAt,
  };
}

export type WebAccountView = ReturnType<typeof webAccountView>;

export const notFound = (patientId: number) =>
  new AppError('NOT_FOUND', { what: `el usuario web del paciente ${patientId}` });

async function viewOf(ctx: AppContext, patientId: number): Promise<WebAccountView> {
  const row = await repo.accountRow(ctx.database.db, patientId);
  if (!row) throw notFound(patientId);
  return webAccountView(row);
}

/** The list, newest accounts first; `text` searches DNI, names and e-mail. One audit row per page read. */
export async function listWebAccounts(
  ctx: AppContext,
  input: {
    actor: Actor;
    text?: string | undefined;
    state?: AccountState | 'all' | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
  },
) {
  const actor = requireStaff(input.actor, ROLES);
  const page = Math.max(1, input.page ?? 1);
  const pageSize = input.pageSize ?? WEB_ACCOUNTS_PAGE_SIZE;
  const search = { text: input.text?.trim(), state: input.state === 'all' ? undefined : input.state };
  const db = ctx.database.db;
  const [rows, total] = await Promise.all([
    repo.searchAccounts(db, { ...search, limit: pageSize, offset: (page - 1) * pageSize }),
    repo.countAccounts(db, search),
  ]);
  const filter = [search.text ? `texto "${search.text}"` : '', `estado ${input.state ?? 'all'}`, `página ${page}`];
  await audit(ctx, actor, { action: 'web_account.list', detail: filter.filter(Boolean).join(', ') });
  return { items: rows.map(webAccountView), total, page, pageSize };
}

export async function getWebAccount(ctx: AppContext, input: { actor: Actor; patientId: number }) {
  const actor = requireStaff(input.actor, ROLES);
  const view = await viewOf(ctx, input.patientId);
  await audit(ctx, actor, { action: 'web_account.read', patientId: input.patientId });
  return view;
}

/** "Alta en web", step 1: patients of the register found by DNI or last name, and who already has an account. */
export async function altaCandidates(
  ctx: AppContext,
  input: { actor: Actor; search: { dni: string } | { lastName: string } },
) {
  const found = await findPatients(ctx, { actor: input.actor, ...input.search, limit: 50, offset: 0 });
  const ids = found.map((p) => p.id);
  const withAccount = await repo.withAccounts(ctx.database.db, ids);
  return found.map((patient) => ({ patient, hasAccount: withAccount.has(patient.id) }));
}

/** The patient chosen for an alta, and whether it already has an account. */
export async function altaCandidate(ctx: AppContext, input: { actor: Actor; patientId: number }) {
  const patient = await getPatient(ctx, { actor: input.actor, id: input.patientId });
  const withAccount = await repo.withAccounts(ctx.database.db, [patient.id]);
  return { patient, hasAccount: withAccount.has(patient.id) };
}

export interface NewWebAccount {
  actor: Actor;
  /** An existing patient… */
  patientId?: number | undefined;
  /** …or a new one (exactly one of the two). */
  patient?: PatientInput | undefined;
  /** Replace the patient's DNI or e-mail on the way (they are what the patient logs in and is mailed with). */
  dni?: string | undefined;
  email?: string | undefined;
  password: string;
  /** true: works at once; false: the patient gets the activation mail, as after registering. */
  activated: boolean;
  /** Where links in mails start. */
  baseUrl: string;
}

async function loadExisting(ctx: AppContext, patientId: number | undefined) {
  if (patientId === undefined) return undefined;
  const patient = await patients.getPatient(ctx.database.db, patientId);
  if (!patient) throw new AppError('NOT_FOUND', { what: `el paciente ${patientId}` });
  return patient;
}

/** "Alta en web". A patient who already has an account answers ACCOUNT_EXISTS. */
export async function createWebAccount(ctx: AppContext, input: NewWebAccount): Promise<WebAccountView> {
  const actor = requireStaff(input.actor, ROLES);
  if ((input.patientId === undefined) === (input.patient === undefined)) {
    throw new AppError('VALIDATION_ERROR', {
      detail: 'indicá un paciente existente (patientId) o uno nuevo (patient)',
    });
  }
  const existing = await loadExisting(ctx, input.patientId);
  const typed = clean({ dni: input.dni, email: input.email });
  const dni = typed.dni ?? existing?.dni ?? (input.patient as PatientInput).dni;
  const email = typed.email ?? existing?.email ?? input.patient?.email ?? null;
  if (email === null) throw new AppError('VALIDATION_ERROR', { detail: 'falta el e-mail' });
  requireStrongPassword(input.password, dni);
  const insurerId = input.patient?.insurerId ?? null;
  if (insurerId !== null && !(await getInsurer(ctx.database.db, insurerId))) {
    throw new AppError('NOT_FOUND', { what: `la obra social ${insurerId}` });
  }
  const passwordHash = await hashPassword(input.password);
  const center = await getCenter(ctx);
  const now = ctx.clock.now();
  const stamp = isoUtc(now);
  let patientId = existing?.id;
  try {
    patientId = await ctx.database.db.transaction().execute(async (trx) => {
      let patient: Patient;
      if (existing) {
        if (await accounts.getAccount(trx, existing.id)) throw new AppError('ACCOUNT_EXISTS');
        const changes = { ...(dni !== existing.dni ? { dni } : {}), ...(email !== existing.email ? { email } : {}) };
        patient = Object.keys(changes).length
          ? ((await patients.updatePatient(trx, existing.id, { ...changes, updatedAt: stamp })) as Patient)
          : existing;
        const by = changedBy(actor, patient);
        if (patient !== existing) await recordDataChanges(trx, { before: existing, after: patient, by, at: stamp });
        // The record changed too: the log says which fields (not their values), as any other record edit.
        if (Object.keys(changes).length) {
          const detail = `${Object.keys(changes).join(', ')} (alta en web)`;
          await audit(ctx, actor, { action: 'patient.update', patientId: existing.id, detail }, trx);
        }
      } else {
        const data = input.patient as PatientInput;
        patient = await patients.insertPatient(trx, { ...data, dni, email, createdAt: stamp, updatedAt: stamp });
        await audit(ctx, actor, { action: 'patient.create', patientId: patient.id, detail: 'alta en web' }, trx);
      }
      await accounts.insertAccount(trx, patient.id, passwordHash, now);
      if (input.activated) await accounts.activate(trx, patient.id, now);
      else await sendActivation({ trx, center, baseUrl: input.baseUrl, now }, patient, email);
      const detail = input.activated ? 'activado por el centro' : 'mail de activación enviado';
      await audit(ctx, actor, { action: 'web_account.create', patientId: patient.id, detail }, trx);
      return patient.id;
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // Either the DNI belongs to someone else, or the account was made a moment ago by another request.
    if (patientId !== undefined && (await accounts.getAccount(ctx.database.db, patientId))) {
      throw new AppError('ACCOUNT_EXISTS');
    }
    throw new AppError('DNI_TAKEN', { dni });
  }
  return viewOf(ctx, patientId);
}

/** What "Modificar activación/contraseña" may change; absent fields stay as they are. */
export interface WebAccountChanges {
  dni?: string | undefined;
  email?: string | undefined;
  password?: string | undefined;
  /** Ticked: works without the mail. Unticked: pending again until a new activation link is opened. */
  activated?: boolean | undefined;
  /** Ticked: may log in and read the note, but not book on the web. */
  disabled?: boolean | undefined;
  disabledNote?: string | undefined;
}

function patientChanges(current: Patient, c: WebAccountChanges): PatientUpdate {
  const changes: PatientUpdate = {};
  if (c.dni !== undefined && c.dni !== current.dni) changes.dni = c.dni;
  if (c.email !== undefined && c.email !== current.email) changes.email = c.email;
  if (c.disabled !== undefined) changes.disabled = c.disabled ? 1 : 0;
  // Enabling again forgets the old reason unless a new note is given.
  if (c.disabledNote !== undefined) changes.disabledNote = c.disabledNote.trim();
  else if (c.disabled === false) changes.disabledNote = '';
  return changes;
}

function describe(c: WebAccountChanges, changes: PatientUpdate): string {
  const said: string[] = [];
  if (changes.dni !== undefined) said.push('dni');
  if (changes.email !== undefined) said.push('e-mail');
  if (c.password !== undefined) said.push('contraseña');
  if (c.activated !== undefined) said.push(c.activated ? 'activado' : 'desactivado');
  if (c.disabled !== undefined) said.push(c.disabled ? 'deshabilitado' : 'habilitado');
  else if (c.disabledNote !== undefined) said.push('observación');
  return said.join(', ');
}

export async function updateWebAccount(
  ctx: AppContext,
  input: { actor: Actor; patientId: number; changes: WebAccountChanges },
): Promise<WebAccountView> {
  const actor = requireStaff(input.actor, ROLES);
  const db = ctx.database.db;
  const id = input.patientId;
  const current = await patients.getPatient(db, id);
  if (!current || !(await accounts.getAccount(db, id))) throw notFound(id);
  const c = clean(input.changes);
  if ((c.disabledNote?.trim().length ?? 0) > DISABLED_NOTE_MAX) {
    throw new AppError('VALIDATION_ERROR', { detail: `la observación admite hasta ${DISABLED_NOTE_MAX} caracteres` });
  }
  const changes = patientChanges(current, c);
  const dni = changes.dni ?? current.dni;
  if (c.password !== undefined) requireStrongPassword(c.password, dni);
  const passwordHash = c.password === undefined ? undefined : await hashPassword(c.password);
  const center = await getCenter(ctx);
  const now = ctx.clock.now();
  const email = (changes.email as string | undefined) ?? current.email;
  try {
    await db.transaction().execute(async (trx) => {
      if (Object.keys(changes).length) {
        const after = await patients.updatePatient(trx, id, { ...changes, updatedAt: isoUtc(now) });
        if (after)
          await recordDataChanges(trx, { before: current, after, by: changedBy(actor, after), at: isoUtc(now) });
      }
      if (passwordHash !== undefined || c.activated !== undefined) {
        await repo.updateAccount(trx, id, { passwordHash, activated: c.activated }, now);
      }
      if (c.activated) await accounts.deleteTokens(trx, id, 'activation');
      if (changes.email !== undefined) {
        // A change the patient asked for earlier must not undo the center's when its link is opened.
        await accounts.deleteTokens(trx, id, 'email_change');
        if (current.email) {
          const mail = emailChangedNotice(center, { name: current.firstName, maskedAddress: maskEmail(email ?? '') });
          await enqueueMail(trx, { kind: 'email_changed', to: current.email, ...mail, patientId: id }, now);
        }
      }
      if (passwordHash !== undefined) {
        await accounts.deleteTokens(trx, id, 'password_reset');
        await destroySubjectSessions(trx, { kind: 'patient', id });
        if (email) {
          const mail = passwordChangedNotice(center, { name: current.firstName });
          await enqueueMail(trx, { kind: 'password_changed', to: email, ...mail, patientId: id }, now);
        }
      }
      await audit(ctx, actor, { action: 'web_account.update', patientId: id, detail: describe(c, changes) }, trx);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('DNI_TAKEN', { dni });
    throw e;
  }
  // The patient who called because of a lockout can try the new password at once.
  if (passwordHash !== undefined) await forgetAttempts(ctx, loginDniKey(dni));
  return viewOf(ctx, id);
}
