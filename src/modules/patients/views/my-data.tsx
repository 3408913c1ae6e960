import { Csrf, Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { fieldMessages } from '../accounts.fields.messages.js';
import { profileMessages } from '../accounts.profile.messages.js';
import { Alert, ErrorSummary, Field, type FormState, SelectField, sexOptions } from './form.js';
import type { InsurerOption } from './register.js';

export type MyDataFlash = 'data' | 'mailSent' | 'mailChanged' | 'password';

export interface MyDataView {
  dni: string;
  email: string | null;
  disabledNote: string | null;
  insurers: InsurerOption[];
  data: FormState;
  mail: FormState;
  password: FormState;
  flash?: MyDataFlash | undefined;
  /** A message about one form that is not about a field (too many attempts). */
  alert?: { form: 'data' | 'mail' | 'password'; text: string } | undefined;
}

export function MyDataPage(props: { page: Page; view: MyDataView }) {
  const { page, view } = props;
  const t = profileMessages(page.lang);
  const f = fieldMessages(page.lang);
  const flash: Record<MyDataFlash, string> = {
    data: t('savedData'),
    mailSent: t('mailSent'),
    mailChanged: t('mailChanged'),
    password: t('savedPassword'),
  };
  const alertFor = (form: 'data' | 'mail' | 'password') =>
    view.alert?.form === form ? <Alert>{view.alert.text}</Alert> : null;
  return (
    <Layout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      {view.disabledNote !== null && (
        <div class="notice" role="alert">
          <p>{t('disabled')}</p>
          {view.disabledNote && <p>{view.disabledNote}</p>}
        </div>
      )}
      {view.flash && (
        <p class="ok" role="status">
          {flash[view.flash]}
        </p>
      )}

      <section class="card" aria-labelledby="data-title">
        <h2 id="data-title">{t('dataTitle')}</h2>
        <dl class="details">
          <dt>{f('dni')}</dt>
          <dd>{view.dni}</dd>
        </dl>
        <p class="hint">{t('dniHint')}</p>
        {alertFor('data')}
        <ErrorSummary
          lang={page.lang}
          errors={view.data.errors}
          labels={{
            lastName: f('lastName'),
            firstName: f('firstName'),
            sex: f('sex'),
            birthDate: f('birthDate'),
            mobile: f('mobile'),
            address: f('address'),
            insurerId: f('insurerId'),
            memberNumber: f('memberNumber'),
          }}
        />
        <form method="post" action="/mis-datos" novalidate>
          <Csrf page={page} />
          <Field name="lastName" label={f('lastName')} form={view.data} autocomplete="family-name" />
          <Field name="firstName" label={f('firstName')} form={view.data} autocomplete="given-name" />
          <SelectField name="sex" label={f('sex')} form={view.data} options={sexOptions(page.lang)} lang={page.lang} />
          <Field
            name="birthDate"
            label={f('birthDate')}
            hint={f('birthDateHint')}
            form={view.data}
            autocomplete="bday"
          />
          <Field
            name="mobile"
            label={f('mobile')}
            hint={f('mobileHint')}
            type="tel"
            form={view.data}
            autocomplete="tel"
          />
          <Field name="address" label={f('address')} form={view.data} autocomplete="street-address" required={false} />
          <SelectField
            name="insurerId"
            label={f('insurerId')}
            hint={f('insurerHint')}
            form={view.data}
            options={view.insurers}
            lang={page.lang}
          />
          <Field name="memberNumber" label={f('memberNumber')} form={view.data} required={false} />
          <button type="submit">{t('saveData')}</button>
        </form>
      </section>

      <section class="card" aria-labelledby="mail-title">
        <h2 id="mail-title">{t('mailTitle')}</h2>
        <p>{view.email ? t('currentMail', { email: view.email }) : t('noMail')}</p>
        <p class="hint">{t('mailHint')}</p>
        {alertFor('mail')}
        <ErrorSummary
          lang={page.lang}
          errors={view.mail.errors}
          labels={{ email: t('newMail'), mailPassword: t('currentPassword') }}
        />
        <form method="post" action="/mis-datos/mail" novalidate>
          <Csrf page={page} />
          <Field name="email" label={t('newMail')} type="email" form={view.mail} autocomplete="email" />
          <Field
            name="mailPassword"
            label={t('currentPassword')}
            type="password"
            form={view.mail}
            autocomplete="current-password"
          />
          <button type="submit">{t('changeMail')}</button>
        </form>
      </section>

      <section class="card" aria-labelledby="password-title">
        <h2 id="password-title">{t('passwordTitle')}</h2>
        <p class="hint">{t('passwordHint')}</p>
        {alertFor('password')}
        <ErrorSummary
          lang={page.lang}
          errors={view.password.errors}
          labels={{
            currentPassword: t('currentPassword'),
            newPassword: t('newPassword'),
            newPasswordRepeat: f('passwordRepeat'),
          }}
        />
        <form method="post" action="/mis-datos/clave" novalidate>
          <Csrf page={page} />
          <Field
            name="currentPassword"
            label={t('currentPassword')}
            type="password"
            form={view.password}
            autocomplete="current-password"
          />
          <Field
            name="newPassword"
            label={t('newPassword')}
            hint={f('passwordRules')}
            type="password"
            form={view.password}
            autocomplete="new-password"
          />
          <Field
            name="newPasswordRepeat"
            label={f('passwordRepeat')}
            type="password"
            form={view.password}
            autocomplete="new-password"
          />
          <button type="submit">{t('changePassword')}</button>
        </form>
      </section>
    </Layout>
  );
}
