import type { AppError } from '../../../errors.js';
import { Csrf, idleSpan, Layout } from '../../../views/layout.js';
import { layoutMessages } from '../../../views/layout.messages.js';
import type { Page } from '../../../views/page.js';
import { portalMessages } from '../../portal/portal.messages.js';
import { SECURITY_QUESTIONS, type SecurityQuestion } from '../../portal/security-answer.js';
import { fieldMessages } from '../accounts.fields.messages.js';
import { accountMessages } from '../accounts.messages.js';
import { Alert, ErrorSummary, Field, type FormState, MessagePage } from './form.js';

export interface LoginView {
  form: FormState;
  volver: string;
  /** The session ended by inactivity (the lock message, unless the layout already shows it). */
  inactive: boolean;
  /** A message about the whole form: wrong DNI or password, not activated, too many attempts. */
  alert?: string | undefined;
  /** The password was right but the account waits for its activation link: offer to send it again. */
  pendingDni?: string | undefined;
}

const ALERT_ID = 'login-alert';

export function LoginPage(props: { page: Page; view: LoginView }) {
  const { page, view } = props;
  const t = accountMessages(page.lang);
  const f = fieldMessages(page.lang);
  const credentialsAlert = view.alert && !view.pendingDni ? ALERT_ID : undefined;
  return (
    <Layout page={page} title={t('loginTitle')}>
      <h1>{t('loginTitle')}</h1>
      {view.inactive && !page.sessionExpired && (
        <p class="notice" role="alert">
          {layoutMessages(page.lang)('idleLocked', { span: idleSpan(page) })}
        </p>
      )}
      {view.alert && <Alert id={ALERT_ID}>{view.alert}</Alert>}
      {view.pendingDni && (
        <form method="post" action="/reenviar-activacion" class="card">
          <Csrf page={page} />
          <input type="hidden" name="dni" value={view.pendingDni} />
          <p>{t('pendingText')}</p>
          <button type="submit">{t('resendButton')}</button>
        </form>
      )}
      <ErrorSummary
        lang={page.lang}
        errors={view.form.errors}
        labels={{ dni: f('dniOrEmail'), password: f('password') }}
      />
      <form method="post" action="/ingresar" class="card" novalidate>
        <Csrf page={page} />
        <input type="hidden" name="volver" value={view.volver} />
        {/* No numeric keyboard: portal patients type their e-mail here. */}
        <Field
          name="dni"
          label={f('dniOrEmail')}
          hint={f('dniOrEmailHint')}
          form={view.form}
          autocomplete="username"
          alertId={credentialsAlert}
        />
        <Field
          name="password"
          label={f('password')}
          type="password"
          form={view.form}
          autocomplete="current-password"
          alertId={credentialsAlert}
        />
        <button type="submit">{t('loginButton')}</button>
      </form>
      <ul>
        <li>
          <a href="/olvide-mi-clave">{t('forgotLink')}</a>
        </li>
        <li>
          <a href="/registrarse">{t('registerLink')}</a>
        </li>
        <li>
          <a href="/reenviar-activacion">{t('resendLink')}</a>
        </li>
      </ul>
    </Layout>
  );
}

/** A form of just the DNI, for "olvidé mi contraseña" and "reenviar activación". */
export function DniFormPage(props: {
  page: Page;
  title: string;
  intro: string;
  action: string;
  button: string;
  form: FormState;
  alert?: string | undefined;
}) {
  const { page } = props;
  const f = fieldMessages(page.lang);
  return (
    <Layout page={page} title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.intro}</p>
      {props.alert && <Alert>{props.alert}</Alert>}
      <ErrorSummary lang={page.lang} errors={props.form.errors} labels={{ dni: f('dni') }} />
      <form method="post" action={props.action} class="card" novalidate>
        <Csrf page={page} />
        <Field
          name="dni"
          label={f('dni')}
          hint={f('dniHint')}
          form={props.form}
          inputMode="numeric"
          autocomplete="username"
        />
        <button type="submit">{props.button}</button>
      </form>
    </Layout>
  );
}

/** The security question's text: one of the portal's questions, or as stored if the list changed since. */
function questionText(page: Page, question: string): string {
  return (SECURITY_QUESTIONS as readonly string[]).includes(question)
    ? portalMessages(page.lang)(question as SecurityQuestion)
    : question || accountMessages(page.lang)('securityAnswer');
}

export function ResetPasswordPage(props: {
  page: Page;
  token: string;
  form: FormState;
  alert?: string | undefined;
  /** The account has a security answer (set in the portal): the form asks it too. */
  question?: string | null;
}) {
  const { page } = props;
  const t = accountMessages(page.lang);
  const f = fieldMessages(page.lang);
  const question = props.question ?? null;
  return (
    <Layout page={page} title={t('resetTitle')}>
      <h1>{t('resetTitle')}</h1>
      {props.alert && <Alert>{props.alert}</Alert>}
      <ErrorSummary
        lang={page.lang}
        errors={props.form.errors}
        labels={{
          password: f('password'),
          passwordRepeat: f('passwordRepeat'),
          ...(question === null ? {} : { securityAnswer: questionText(page, question) }),
        }}
      />
      <form method="post" action="/restablecer" class="card" novalidate>
        <Csrf page={page} />
        <input type="hidden" name="token" value={props.token} />
        {question !== null && (
          <Field
            name="securityAnswer"
            label={questionText(page, question)}
            hint={t('securityAnswerHint')}
            form={props.form}
            autocomplete="off"
          />
        )}
        <Field
          name="password"
          label={t('newPassword')}
          hint={f('passwordRules')}
          type="password"
          form={props.form}
          autocomplete="new-password"
        />
        <Field
          name="passwordRepeat"
          label={f('passwordRepeat')}
          type="password"
          form={props.form}
          autocomplete="new-password"
        />
        <button type="submit">{t('resetButton')}</button>
      </form>
    </Layout>
  );
}

/** A mailed link that was used, expired or replaced: the ways forward. */
export function LinkInvalidPage(props: { page: Page; error: AppError }) {
  const { page } = props;
  const t = accountMessages(page.lang);
  return (
    <MessagePage
      page={page}
      title={t('linkInvalidTitle')}
      tone="notice"
      paragraphs={[props.error.messageIn(page.lang), t('linkInvalidHelp')]}
      links={[
        { href: '/ingresar', label: t('loginLink') },
        { href: '/reenviar-activacion', label: t('resendLink') },
        { href: '/olvide-mi-clave', label: t('forgotLink') },
      ]}
    />
  );
}
