import { Csrf, idleSpan } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { staffLayoutMessages } from '../../../views/staff-layout.messages.js';
import { Alert, ErrorSummary, Field, type FormState } from '../../patients/views/form.js';
import { staffMessages } from '../staff.messages.js';

const ALERT_ID = 'staff-login-alert';

export function StaffLoginPage(props: {
  page: StaffPage;
  form: FormState;
  volver: string;
  alert?: string;
  /** Sent here because the session ended by inactivity. */
  inactive?: boolean;
}) {
  const { page, form } = props;
  const t = staffMessages(page.lang);
  return (
    <StaffLayout page={page} title={t('loginTitle')}>
      <h1>{t('loginTitle')}</h1>
      {props.inactive && !page.sessionExpired && (
        <p class="notice" role="alert">
          {staffLayoutMessages(page.lang)('idleLocked', { span: idleSpan(page) })}
        </p>
      )}
      {props.alert && <Alert id={ALERT_ID}>{props.alert}</Alert>}
      <ErrorSummary lang={page.lang} errors={form.errors} labels={{ login: t('login'), password: t('password') }} />
      <form method="post" action="/staff/ingresar" class="card narrow" novalidate>
        <Csrf page={page} />
        <input type="hidden" name="volver" value={props.volver} />
        <Field
          name="login"
          label={t('login')}
          form={form}
          autocomplete="username"
          alertId={props.alert ? ALERT_ID : undefined}
        />
        <Field name="password" label={t('password')} type="password" form={form} autocomplete="current-password" />
        <button type="submit">{t('enter')}</button>
      </form>
    </StaffLayout>
  );
}

export function FirstRunPage(props: { page: StaffPage; form: FormState; alert?: string }) {
  const { page, form } = props;
  const t = staffMessages(page.lang);
  const labels = { username: t('username'), name: t('name'), email: t('email'), password: t('password') };
  return (
    <StaffLayout page={page} title={t('firstRunTitle')}>
      <h1>{t('firstRunTitle')}</h1>
      <p>{t('firstRunText')}</p>
      {props.alert && <Alert>{props.alert}</Alert>}
      <ErrorSummary lang={page.lang} errors={form.errors} labels={labels} />
      <form method="post" action="/staff/primer-uso" class="card narrow" novalidate>
        <Csrf page={page} />
        <Field name="username" label={labels.username} hint={t('usernameHint')} form={form} autocomplete="username" />
        <Field name="name" label={labels.name} form={form} autocomplete="name" />
        <Field name="email" label={labels.email} type="email" form={form} required={false} autocomplete="email" />
        <Field
          name="password"
          label={labels.password}
          hint={t('passwordHint')}
          type="password"
          form={form}
          autocomplete="new-password"
        />
        <button type="submit">{t('create')}</button>
      </form>
    </StaffLayout>
  );
}
