// One web account's page, the manual's "Modificar activación/contraseña": DNI, e-mail, password, ACTIVADO?,
// DESHABILITAR? with the note the patient reads at login, and the account mails.
import { formatStamp } from '../../../platform/calendar/format.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { Flash } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { CheckField } from '../../catalog/views/admin-fields.js';
import { DRAFT_FIELD } from '../web-accounts.staff.form.js';
import { webAccountsMessages } from '../web-accounts.staff.messages.js';
import { DISABLED_NOTE_MAX, type WebAccountView } from '../web-accounts.staff.service.js';
import { Alert, ErrorSummary, Field, type FormState } from './form.js';
import { fullName, Help, StateText } from './web-accounts.js';

/** The note the patient reads at login: a text box no longer than the service accepts. */
function NoteField(props: { name: string; label: string; form: FormState; hint: string }) {
  const id = `f-${props.name}`;
  const error = props.form.errors[props.name];
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <span class="hint" id={`${id}-hint`}>
        {props.hint}
      </span>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <textarea
        id={id}
        name={props.name}
        rows={3}
        maxLength={DISABLED_NOTE_MAX}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      >
        {props.form.values[props.name] ?? ''}
      </textarea>
    </div>
  );
}

/** At the top of a form filled from the address: what is in it was not typed on this page. */
export function DraftNotice(props: { text: string }) {
  return (
    <p class="notice" role="alert" id="draft-restored">
      <strong>{props.text}</strong>
    </p>
  );
}

export const EDIT_LABEL_KEYS = {
  dni: 'dni',
  email: 'email',
  password: 'password',
  activated: 'activated',
  disabled: 'disabled',
  disabledNote: 'disabledNote',
} as const;

export function WebAccountPage(props: {
  page: StaffPage;
  account: WebAccountView;
  form: FormState;
  flash?: string | undefined;
  alert?: string | undefined;
  /** The signed mark the form carries (see DRAFT_FIELD). */
  draftMark: string;
  /** The form was filled from the address, after the session ended: say so before anything is saved. */
  restored?: boolean | undefined;
}) {
  const { page, account, form } = props;
  const t = webAccountsMessages(page.lang);
  const zone = page.center.timeZone;
  const name = fullName(account);
  const stamp = (iso: string) => formatStamp(page.lang, zone, Date.parse(iso));
  const labels = Object.fromEntries(Object.entries(EDIT_LABEL_KEYS).map(([k, key]) => [k, t(key)]));
  const action = `/staff/web/pacientes/${account.patientId}`;
  return (
    <StaffLayout page={page} title={`${t('editTitle')}: ${name}`}>
      <p>
        <a href="/staff/web/pacientes">{t('back')}</a>
      </p>
      <h1>
        {t('editTitle')}: {name}
      </h1>
      <Flash text={props.flash} />
      <dl class="details">
        <dt>{t('state')}</dt>
        <dd>
          <StateText t={t} state={account.state} /> {t(`state_long_${account.state}`)}
        </dd>
        {account.disabled && account.disabledNote && (
          <>
            <dt>{t('note')}</dt>
            <dd>{account.disabledNote}</dd>
          </>
        )}
        <dt>{t('mobile')}</dt>
        <dd>{account.mobile ?? '—'}</dd>
        <dt>{t('insurer')}</dt>
        <dd>{account.insurerName ?? t('selfPay')}</dd>
        <dt>{t('createdAt')}</dt>
        <dd>{stamp(account.createdAt)}</dd>
        <dt>{t('activatedAt')}</dt>
        <dd>{account.activatedAt ? stamp(account.activatedAt) : t('notActivated')}</dd>
      </dl>
      <p>
        <a href={`/staff/pacientes/${account.patientId}`}>{t('openRecord')}</a>
      </p>
      {props.alert && <Alert>{props.alert}</Alert>}
      <ErrorSummary lang={page.lang} errors={form.errors} labels={labels} />
      <div class="web-account-grid">
        <form method="post" action={action} class="card web-account-form" novalidate>
          <Csrf page={page} />
          <input type="hidden" name={DRAFT_FIELD} value={props.draftMark} />
          {props.restored && <DraftNotice text={t('draftRestored')} />}
          <Field name="dni" label={t('dni')} hint={t('dniHint')} form={form} inputMode="numeric" autocomplete="off" />
          <Field name="email" label={t('email')} hint={t('emailHint')} form={form} type="email" autocomplete="off" />
          <Field
            name="password"
            label={t('password')}
            hint={t('passwordHint')}
            form={form}
            type="password"
            autocomplete="new-password"
            required={false}
          />
          <CheckField name="activated" label={t('activated')} hint={t('activatedHint')} form={form} />
          <CheckField name="disabled" label={t('disabled')} hint={t('disabledHint')} form={form} />
          <NoteField
            name="disabledNote"
            label={t('disabledNote')}
            hint={t('disabledNoteHint', { max: DISABLED_NOTE_MAX })}
            form={form}
          />
          <button type="submit">{t('save')}</button>
        </form>
        <div>
          <section class="card web-account-form" aria-labelledby="mails-title">
            <h2 id="mails-title" class="box-title">
              {t('mailsTitle')}
            </h2>
            {account.email === null ? (
              <p class="muted">{t('noEmail')}</p>
            ) : (
              <>
                {account.activatedAt === null ? (
                  <form method="post" action={`${action}/mail-activacion`}>
                    <Csrf page={page} />
                    <p class="hint">{t('resendActivationHint', { email: account.email })}</p>
                    <button type="submit" class="secondary">
                      {t('resendActivation')}
                    </button>
                  </form>
                ) : (
                  <p class="muted">{t('alreadyActive')}</p>
                )}
                <form method="post" action={`${action}/mail-clave`}>
                  <Csrf page={page} />
                  <p class="hint">{t('sendResetHint', { email: account.email })}</p>
                  <button type="submit" class="secondary">
                    {t('sendReset')}
                  </button>
                </form>
              </>
            )}
          </section>
          <Help t={t} />
        </div>
      </div>
    </StaffLayout>
  );
}
