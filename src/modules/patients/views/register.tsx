import { Csrf, Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { fieldMessages } from '../accounts.fields.messages.js';
import { accountMessages } from '../accounts.messages.js';
import type { OnFileSummary, RegistrationForm } from '../accounts.register.service.js';
import type { Challenge } from '../accounts.rules.js';
import { Alert, ErrorSummary, Field, type FormState, SelectField, sexOptions } from './form.js';

export function RegisterStartPage(props: {
  page: Page;
  form: FormState;
  challenge: Challenge;
  alert?: string | undefined;
}) {
  const { page, form, challenge } = props;
  const t = accountMessages(page.lang);
  const f = fieldMessages(page.lang);
  const question = t('sumQuestion', { a: challenge.a, b: challenge.b });
  return (
    <Layout page={page} title={t('registerTitle')}>
      <h1>{t('registerTitle')}</h1>
      <p>{t('registerIntro')}</p>
      {props.alert && <Alert>{props.alert}</Alert>}
      <ErrorSummary lang={page.lang} errors={form.errors} labels={{ dni: f('dni'), answer: question }} />
      <form method="post" action="/registrarse" class="card" novalidate>
        <Csrf page={page} />
        <input type="hidden" name="challenge" value={challenge.token} />
        <Field
          name="dni"
          label={t('registerDni')}
          hint={f('dniHint')}
          form={form}
          inputMode="numeric"
          autocomplete="off"
        />
        <div class="challenge">
          <Field
            name="answer"
            label={question}
            hint={t('sumHint')}
            form={{ values: {}, errors: form.errors }}
            inputMode="numeric"
            autocomplete="off"
          />
        </div>
        <button type="submit">{t('continue')}</button>
      </form>
      <p>
        <a href="/ingresar">{t('haveAccount')}</a>
      </p>
    </Layout>
  );
}

function OnFile(props: { page: Page; onFile: OnFileSummary }) {
  const { page, onFile } = props;
  const t = accountMessages(page.lang);
  const f = fieldMessages(page.lang);
  const loaded = (has: boolean) => (has ? t('onFileLoaded') : t('onFileMissing'));
  return (
    <section class="card info" aria-labelledby="on-file-title">
      <h2 id="on-file-title">{t('onFileTitle')}</h2>
      <p>{t('onFileIntro')}</p>
      <dl class="details">
        <dt>{t('onFileName')}</dt>
        <dd>{onFile.name}</dd>
        <dt>{f('email')}</dt>
        <dd>{onFile.email ?? t('onFileMissing')}</dd>
        <dt>{f('mobile')}</dt>
        <dd>{onFile.mobileEnding ? t('mobileEnding', { digits: onFile.mobileEnding }) : t('onFileMissing')}</dd>
        <dt>{t('onFileAddress')}</dt>
        <dd>{loaded(onFile.address)}</dd>
        <dt>{f('insurerId')}</dt>
        <dd>{loaded(onFile.insurer)}</dd>
      </dl>
      {onFile.email && <p>{t('onFileMailTo', { email: onFile.email })}</p>}
      <p>{t('onFileFix')}</p>
    </section>
  );
}

export interface InsurerOption {
  value: string;
  label: string;
}

export function RegisterDetailsPage(props: {
  page: Page;
  registration: RegistrationForm;
  form: FormState;
  insurers: InsurerOption[];
  alert?: string | undefined;
}) {
  const { page, registration, form } = props;
  const t = accountMessages(page.lang);
  const f = fieldMessages(page.lang);
  const known = registration.kind === 'known';
  const asks = (field: string) => !known || registration.missing.includes(field as never);
  const birthLabel = known && registration.birthDateOnFile ? f('birthDateConfirm') : f('birthDate');
  const labels: Record<string, string> = {
    lastName: f('lastName'),
    firstName: f('firstName'),
    sex: f('sex'),
    birthDate: birthLabel,
    email: f('email'),
    mobile: f('mobile'),
    address: f('address'),
    insurerId: f('insurerId'),
    memberNumber: f('memberNumber'),
    password: f('password'),
    passwordRepeat: f('passwordRepeat'),
  };
  return (
    <Layout page={page} title={t('registerTitle')}>
      <h1>{t('registerTitle')}</h1>
      <p>{t('registerFor', { dni: registration.dni })}</p>
      {props.alert && <Alert>{props.alert}</Alert>}
      {known && <OnFile page={page} onFile={registration.onFile} />}
      <ErrorSummary lang={page.lang} errors={form.errors} labels={labels} />
      <form method="post" action="/registrarse/datos" class="card" novalidate>
        <Csrf page={page} />
        <input type="hidden" name="dni" value={registration.dni} />
        <input type="hidden" name="ticket" value={registration.ticket} />
        <h2>{known ? t('completeTitle') : t('yourDataTitle')}</h2>
        {!known && <Field name="lastName" label={labels.lastName as string} form={form} autocomplete="family-name" />}
        {!known && <Field name="firstName" label={labels.firstName as string} form={form} autocomplete="given-name" />}
        {asks('sex') && (
          <SelectField name="sex" label={f('sex')} form={form} options={sexOptions(page.lang)} lang={page.lang} />
        )}
        <Field name="birthDate" label={birthLabel} hint={f('birthDateHint')} form={form} autocomplete="bday" />
        {asks('email') && <Field name="email" label={f('email')} type="email" form={form} autocomplete="email" />}
        {asks('mobile') && (
          <Field name="mobile" label={f('mobile')} hint={f('mobileHint')} type="tel" form={form} autocomplete="tel" />
        )}
        {asks('address') && (
          <Field name="address" label={f('address')} form={form} autocomplete="street-address" required={false} />
        )}
        {asks('insurerId') && (
          <SelectField
            name="insurerId"
            label={f('insurerId')}
            hint={f('insurerHint')}
            form={form}
            options={props.insurers}
            lang={page.lang}
          />
        )}
        {asks('memberNumber') && <Field name="memberNumber" label={f('memberNumber')} form={form} required={false} />}
        <h2>{t('passwordTitle')}</h2>
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
        <button type="submit">{t('createButton')}</button>
      </form>
    </Layout>
  );
}
