// The first access form at the edge: what was typed, normalized as everywhere else, one problem per field.
import { z } from 'zod';
import type { PortalIdentityCheck } from '../../platform/db/schema.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { birthDateField, fields, parseForm } from '../patients/accounts.schemas.js';
import { normalizeDniTramite } from '../patients/patients.schemas.js';
import { type FormState, problemTexts } from '../patients/views/form.js';
import { firstAccessMessages } from './first-access.messages.js';
import type { FirstAccessData } from './first-access.service.js';
import { SECURITY_ANSWER_MAX, SECURITY_QUESTIONS } from './security-answer.js';

const asText = (v: unknown) => (typeof v === 'string' ? v : '');

const tramite = z.preprocess(
  asText,
  z.string().transform((v, ctx) => {
    const value = normalizeDniTramite(v);
    if (value === null) {
      // The page words this one itself (the shared problem texts have none for it).
      ctx.addIssue({ code: 'custom', message: 'required' });
      return z.NEVER;
    }
    return value;
  }),
);

function schemaFor(check: PortalIdentityCheck, today: string) {
  return z.object({
    dni: fields.dni,
    proof: check === 'dni_tramite' ? tramite : birthDateField(today),
    password: fields.password,
    mobile: fields.mobile,
    securityQuestion: z.preprocess(asText, z.enum(SECURITY_QUESTIONS, { error: 'required' })),
    securityAnswer: z.preprocess(asText, z.string().trim().min(1, 'required').max(SECURITY_ANSWER_MAX, 'tooLong')),
  });
}

/**
 * The posted form as the service takes it, or the form to show again (typed values, never the passwords).
 * The proof arrives as `dniTramite` or `birthDate`, the names the page gives it.
 */
export function parseFirstAccess(
  body: Record<string, unknown>,
  check: PortalIdentityCheck,
  today: string,
  lang: Lang,
): { form: FormState; data: FirstAccessData | null } {
  const proofName = check === 'dni_tramite' ? 'dniTramite' : 'birthDate';
  const parsed = parseForm(
    schemaFor(check, today),
    { ...body, proof: body[proofName] },
    {
      confirm: ['password', 'passwordRepeat'],
    },
  );
  const { proof: proofProblem, ...problems } = parsed.problems;
  const errors = problemTexts(lang, { ...problems, [proofName]: proofProblem });
  const typedProof = asText(body[proofName]).trim();
  if (proofProblem && check === 'dni_tramite' && typedProof !== '') {
    errors.dniTramite = firstAccessMessages(lang)('dniTramiteProblem');
  }
  const { proof: _proof, ...values } = parsed.values;
  const form: FormState = { values, errors };
  if (!parsed.data) return { form, data: null };
  const d = parsed.data;
  return {
    form,
    data: {
      dni: d.dni,
      proof: d.proof,
      password: d.password,
      mobile: d.mobile,
      question: d.securityQuestion,
      answer: d.securityAnswer,
    },
  };
}
