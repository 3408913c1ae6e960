// Registration of a patient's web account, its activation link, and sending that link again.
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import type { DB, Patient, Sex } from '../../platform/db/schema.js';
import { enqueueMail } from '../../platform/outbox/outbox.js';
import { loadSecret } from '../../platform/secrets.js';
import { isoUtc } from '../../platform/time/zone.js';
import { getInsurer } from '../catalog/catalog.repo.js';
import { type CenterView, getCenter } from '../center/center.service.js';
import type { Actor } from '../staff/actor.js';
import { enforceLimits, RULES } from './accounts.limits.js';
import { issueLink, useLink } from './accounts.links.js';
import { accountExistsMail, activationMail } from './accounts.mails.js';
import { hashPassword } from './accounts.passwords.js';
import * as repo from './accounts.repo.js';
import {
  ACTIVATION_TTL_MS,
  challengeAnswered,
  type FillableField,
  makeChallenge,
  maskEmail,
  maskName,
  missingFields,
  mobileEnding,
  RESET_TTL_MS,
  registrationTicket,
  requireStrongPassword,
  ticketValid,
} from './accounts.rules.js';
import * as patients from './patients.repo.js';

/** What the center has of a known DNI, masked: a stranger may have typed someone else's DNI. */
export interface OnFileSummary {
  name: string;
  email: string | null;
  mobileEnding: string | null;
  address: boolean;
  insurer: boolean;
}

export type RegistrationForm =
  | { dni: string; ticket: string; kind: 'new' }
  | {
      dni: string;
      ticket: string;
      kind: 'known';
      onFile: OnFileSummary;
      /** Fields to complete; the birth date is always asked (to confirm it, or to fill it). */
      missing: FillableField[];
      birthDateOnFile: boolean;
    };

export interface RegistrationData {
  lastName?: string | undefined;
  firstName?: string | undefined;
  sex?: Sex | undefined;
  birthDate: string;
  email?: string | undefined;
  mobile?: string | undefined;
  address?: string | undefined;
  insurerId?: number | undefined;
  memberNumber?: string | undefined;
  password: string;
}

const formSecret = (ctx: AppContext) => loadSecret(ctx.database.db, 'forms');

/** A fresh sum for the first step (public: it only shows a question). */
export async function newChallenge(ctx: AppContext, _input: { actor: Actor }) {
  return makeChallenge(await formSecret(ctx), ctx.clock.now(), randomInt(1, 10), randomInt(1, 10));
}

function formFor(patient: Patient | undefined, dni: string, ticket: string): RegistrationForm {
  if (!patient) return { dni, ticket, kind: 'new' };
  return {
    dni,
    ticket,
    kind: 'known',
    onFile: {
      name: maskName(`${patient.lastName} ${patient.firstName}`),
      email: patient.email === null ? null : maskEmail(patient.email),
      mobileEnding: patient.mobile === null ? null : mobileEnding(patient.mobile),
      address: patient.address !== '',
      insurer: patient.insurerId !== null,
    },
    missing: missingFields(patient).filter((f) => f !== 'birthDate'),
    birthDateOnFile: patient.birthDate !== null,
  };
}

/**
 * Step 1: the DNI and the sum. Public, so the sum and the per-IP limit keep robots from reading which
 * DNIs are patients. The answer carries a signed ticket the second step needs.
 */
export async function startRegistration(
  ctx: AppContext,
  input: { actor: Actor; dni: string; challenge: string; answer: string; ip: string },
): Promise<RegistrationForm> {
  await enforceLimits(ctx, [[`registro:ip:${input.ip}`, RULES.registerIp]]);
  const secret = await formSecret(ctx);
  const now = ctx.clock.now();
  if (!challengeAnswered(secret, input.challenge, input.answer, now)) throw new AppError('WRONG_ANSWER');
  const patient = await patients.findByDni(ctx.database.db, input.dni);
  return formFor(patient, input.dni, registrationTicket(secret, input.dni, now));
}

/** The second step's form again (after a mistake), for a DNI that passed the first step. */
export async function registrationForm(ctx: AppContext, input: { actor: Actor; dni: string; ticket: string }) {
  if (!ticketValid(await formSecret(ctx), input.dni, input.ticket, ctx.clock.now())) {
    throw new AppError('FORM_EXPIRED');
  }
  return formFor(await patients.findByDni(ctx.database.db, input.dni), input.dni, input.ticket);
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new AppError('VALIDATION_ERROR', { detail: `falta ${field}` });
  return value;
}

async function checkWebInsurer(db: Kysely<DB>, insurerId: number | undefined) {
  if (insurerId === undefined) return;
  const insurer = await getInsurer(db, insurerId);
  if (insurer?.webEnabled !== 1) throw new AppError('VALIDATION_ERROR', { detail: 'obra social' });
}

/** What a mail written inside a transaction needs. */
export interface Outgoing {
  trx: Kysely<DB>;
  center: CenterView;
  baseUrl: string;
  now: number;
}

interface Registration extends Outgoing {
  dni: string;
  data: RegistrationData;
  passwordHash: string;
}

/** The activation mail with a new link (older ones stop working); staff's "Alta en web" sends the same. */
export async function sendActivation(r: Outgoing, patient: { id: number; firstName: string }, to: string) {
  const link = await issueLink(
    r.trx,
    { purpose: 'activation', patientId: patient.id, ttlMs: ACTIVATION_TTL_MS, baseUrl: r.baseUrl },
    r.now,
  );
  const mail = activationMail(r.center, { name: patient.firstName, link, ttlMs: ACTIVATION_TTL_MS });
  await enqueueMail(r.trx, { kind: 'activation', to, ...mail, patientId: patient.id }, r.now);
}

async function registerNewPatient(r: Registration) {
  const { data } = r;
  const now = isoUtc(r.now);
  const email = required(data.email, 'el e-mail');
  const patient = await patients.insertPatient(r.trx, {
    dni: r.dni,
    lastName: required(data.lastName, 'el apellido'),
    firstName: required(data.firstName, 'el nombre'),
    sex: required(data.sex, 'el sexo'),
    birthDate: data.birthDate,
    email,
    mobile: required(data.mobile, 'el celular'),
    address: data.address ?? '',
    insurerId: required(data.insurerId, 'la obra social'),
    memberNumber: data.memberNumber ?? '',
    createdAt: now,
    updatedAt: now,
  });
  await repo.insertAccount(r.trx, patient.id, r.passwordHash, r.now);
  await sendActivation(r, patient, email);
}

async function registerKnownPatient(r: Registration, patient: Patient) {
  const { data } = r;
  const to = patient.email ?? required(data.email, 'el e-mail');
  await repo.fillEmptyFields(
    r.trx,
    patient.id,
    {
      sex: data.sex,
      birthDate: data.birthDate,
      email: data.email,
      mobile: data.mobile,
      address: data.address,
      insurerId: data.insurerId,
      memberNumber: data.memberNumber,
    },
    r.now,
  );
  await repo.insertAccount(r.trx, patient.id, r.passwordHash, r.now);
  await sendActivation(r, patient, to);
}

/** The page answers as for a new account; only the owner's mailbox learns that one exists. */
async function remindExistingAccount(r: Registration, patient: Patient, active: boolean) {
  if (patient.email === null) return;
  const link = await issueLink(
    r.trx,
    { purpose: 'password_reset', patientId: patient.id, ttlMs: RESET_TTL_MS, baseUrl: r.baseUrl },
    r.now,
  );
  const mail = accountExistsMail(r.center, { name: patient.firstName, link, ttlMs: RESET_TTL_MS, active });
  await enqueueMail(r.trx, { kind: 'account_exists', to: patient.email, ...mail, patientId: patient.id }, r.now);
}

/**
 * Step 2: creates the account (pending until its link is opened) and the mail, in one transaction.
 * A known patient's record only gets its empty fields filled; the center's data is never replaced.
 */
export async function completeRegistration(
  ctx: AppContext,
  input: { actor: Actor; dni: string; ticket: string; data: RegistrationData; ip: string; baseUrl: string },
): Promise<void> {
  const now = ctx.clock.now();
  if (!ticketValid(await formSecret(ctx), input.dni, input.ticket, now)) throw new AppError('FORM_EXPIRED');
  await enforceLimits(ctx, [[`registro:dni:${input.dni}`, RULES.registerDni]]);
  requireStrongPassword(input.data.password, input.dni);
  await checkWebInsurer(ctx.database.db, input.data.insurerId);
  const passwordHash = await hashPassword(input.data.password);
  const center = await getCenter(ctx);
  try {
    await ctx.database.db.transaction().execute(async (trx) => {
      const r: Registration = {
        trx,
        center,
        baseUrl: input.baseUrl,
        now,
        dni: input.dni,
        data: input.data,
        passwordHash,
      };
      const patient = await patients.findByDni(trx, input.dni);
      if (!patient) return registerNewPatient(r);
      // Checked before looking for an account, so a wrong date answers the same whether there is one or not.
      if (patient.birthDate !== null && patient.birthDate !== input.data.birthDate) {
        throw new AppError('BIRTH_DATE_MISMATCH');
      }
      const account = await repo.getAccount(trx, patient.id);
      if (account) return remindExistingAccount(r, patient, account.activatedAt !== null);
      return registerKnownPatient(r, patient);
    });
  } catch (e) {
    // The same DNI registered at the same moment elsewhere: that registration sends its own mail.
    if (isUniqueViolation(e)) return;
    throw e;
  }
}

/** Opening the link: the account works from now on. The link serves once. */
export async function activateAccount(ctx: AppContext, input: { actor: Actor; token: string }): Promise<void> {
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    const link = await useLink(trx, input.token, 'activation', now);
    if (!link || !(await repo.getAccount(trx, link.patientId))) throw new AppError('LINK_INVALID');
    await repo.activate(trx, link.patientId, now);
  });
}

/** A new activation link to the address on file; the page says the same whatever the DNI. */
export async function resendActivation(
  ctx: AppContext,
  input: { actor: Actor; dni: string; ip: string; baseUrl: string },
): Promise<void> {
  await enforceLimits(ctx, [
    [`activacion:ip:${input.ip}`, RULES.mailIp],
    [`activacion:dni:${input.dni}`, RULES.mailDni],
  ]);
  const center = await getCenter(ctx);
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    const patient = await patients.findByDni(trx, input.dni);
    if (!patient?.email) return;
    const account = await repo.getAccount(trx, patient.id);
    if (!account || account.activatedAt !== null) return;
    await sendActivation({ trx, center, baseUrl: input.baseUrl, now }, patient, patient.email);
  });
}
