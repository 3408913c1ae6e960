// "Validación primer acceso": the form behind the mailed link, and what a dead link says.
import type { ComponentChildren } from 'preact';
import type { AppError } from '../../../errors.js';
import { Csrf, Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { fieldMessages } from '../../patients/accounts.fields.messages.js';
import { Alert, ErrorSummary, Field, type FormState, MessagePage, SelectField } from '../../patients/views/form.js';
import { firstAccessMessages } from '../first-access.messages.js';
import type { FirstAccessForm } from '../first-access.service.js';
import { portalMessages } from '../portal.messages.js';
import { SECURITY_QUESTIONS } from '../security-answer.js';

export const FIRST_ACCESS = '/portal/primer-acceso';

/** The proof field the center's identity check asks for. */
export const proofField = (check: FirstAccessForm['check']) => (check === 'dni_tramite' ? 'dniTramite' : 'birthDate');

function Group(props: { id: string; legend: string; hint?: string; children: ComponentChildren }) {
  return (
    <fieldset id={props.id} aria-describedby={props.hint ? `${props.id}-hint` : undefined}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children}
    </fieldset>
  );
}

export function FirstAccessPage(props: {
  page: Page;
  token: string;
  view: FirstAccessForm;
  form: FormState;
  /** A message about the whole form: the proof did not match, too many attempts. */
  alert?: string | undefined;
}) {
  const { page, view, form } = props;
  const t = firstAccessMessages(page.lang);
  const f = fieldMessages(page.lang);
  const q = portalMessages(page.lang);
  const proof = proofField(view.check);
  const labels: Record<string, string> = {
    dni: f('dni'),
    dniTramite: t('dniTramite'),
    birthDate: f('birthDate'),
    password: f('password'),
    passwordRepeat: f('passwordRepeat'),
    mobile: f('mobile'),
    securityQuestion: t('securityQuestion'),
    securityAnswer: t('securityAnswer'),
  };
  // A wrong proof concerns the identity fields: they are marked and read with the alert.
  const proofAlert = props.alert ? 'first-access-alert' : undefined;
  return (
    <Layout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <div class="info">
        <p>{t('hello', { name: view.firstName })}</p>
        <p>{t('intro')}</p>
        <p>
          <strong>{t('userName', { email: view.userName })}</strong>
        </p>
        {view.hasAccount && <p>{t('hasAccount')}</p>}
      </div>
      {props.alert && <Alert id="first-access-alert">{props.alert}</Alert>}
      <ErrorSummary lang={page.lang} errors={form.errors} labels={labels} />
      <form method="post" action={FIRST_ACCESS} class="card" novalidate>
        <Csrf page={page} />
        <input type="hidden" name="token" value={props.token} />
        <Group id="g-identity" legend={t('identityLegend')} hint={t('identityHint')}>
          <Field
            name="dni"
            label={f('dni')}
            hint={f('dniHint')}
            form={form}
            inputMode="numeric"
            autocomplete="off"
            alertId={proofAlert}
          />
          {proof === 'dniTramite' ? (
            <Field
              name="dniTramite"
              label={t('dniTramite')}
              hint={t('dniTramiteHint')}
              form={form}
              inputMode="numeric"
              autocomplete="off"
              alertId={proofAlert}
            />
          ) : (
            <Field
              name="birthDate"
              label={f('birthDate')}
              hint={f('birthDateHint')}
              form={form}
              autocomplete="bday"
              alertId={proofAlert}
            />
          )}
        </Group>
        <Group id="g-password" legend={t('accessLegend')}>
          <input type="hidden" name="username" value={view.userName} autoComplete="username" />
          <Field
            name="password"
            label={f('password')}
            hint={f('passwordRules')}
            type="password"
            form={form}
            autocomplete="new-password"
          />
          <Field
            name="passwordRepeat"
            label={f('passwordRepeat')}
            type="password"
            form={form}
            autocomplete="new-password"
          />
        </Group>
        <Group
          id="g-mobile"
          legend={t('mobileLegend')}
          hint={view.mobileEnding ? t('mobileOnRecord', { ending: view.mobileEnding }) : undefined}
        >
          <Field name="mobile" label={f('mobile')} hint={f('mobileHint')} type="tel" form={form} autocomplete="tel" />
        </Group>
        <Group id="g-security" legend={t('securityLegend')} hint={t('securityHint')}>
          <SelectField
            name="securityQuestion"
            label={t('securityQuestion')}
            form={form}
            lang={page.lang}
            options={SECURITY_QUESTIONS.map((key) => ({ value: key, label: q(key) }))}
          />
          <Field name="securityAnswer" label={t('securityAnswer')} form={form} autocomplete="off" />
        </Group>
        <button type="submit">{t('register')}</button>
      </form>
    </Layout>
  );
}

/** A link used, expired, replaced or killed by wrong proofs: what happened and what to do. */
export function FirstAccessRefusedPage(props: { page: Page; error: AppError }) {
  const { page, error } = props;
  const t = firstAccessMessages(page.lang);
  const help =
    error.code === 'FIRST_ACCESS_LOCKED'
      ? t('lockedHelp')
      : error.code === 'FIRST_ACCESS_DATA_MISSING'
        ? null
        : t('linkInvalidHelp');
  return (
    <MessagePage
      page={page}
      title={error.code === 'FIRST_ACCESS_DATA_MISSING' ? t('dataMissingTitle') : t('linkInvalidTitle')}
      tone="notice"
      paragraphs={[error.messageIn(page.lang), ...(help ? [help] : [])]}
      links={[
        { href: '/ingresar', label: t('loginLink') },
        { href: '/', label: t('home') },
      ]}
    />
  );
}
