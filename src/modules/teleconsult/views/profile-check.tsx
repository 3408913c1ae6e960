// "Actualizá tus datos" (who you are, with the DNI's trámite number) and "Datos de contacto": two plain forms
// that work without JavaScript; the second carries the first's answers, which the server proves again.
import { Csrf, Layout } from '../../../views/layout.js';
import type { Page } from '../../../views/page.js';
import { Alert, ErrorSummary, Field, type FormState, SelectField, sexOptions } from '../../patients/views/form.js';
import { profileCheckMessages } from '../profile-check.messages.js';
import { PROFILE_CHECK_PAGE } from '../profile-check.rules.js';

export const IDENTITY_FIELDS = ['lastName', 'firstName', 'sex', 'birthDate', 'dni', 'dniTramite'] as const;
export const CONTACT_FIELDS = ['mobile', 'email', 'address'] as const;

/** The front of a DNI card, drawn, with the trámite number highlighted. */
function DniSketch(props: { page: Page }) {
  const t = profileCheckMessages(props.page.lang);
  return (
    <figure class="dni-sketch">
      <svg viewBox="0 0 340 214" width="340" height="214" role="img" aria-labelledby="dni-sketch-title">
        <title id="dni-sketch-title">{t('tramiteAlt')}</title>
        <rect x="1" y="1" width="338" height="212" rx="14" fill="#eef4fb" stroke="#4a6785" stroke-width="2" />
        <text x="16" y="26" font-size="12" font-family="sans-serif" fill="#24364a">
          REPÚBLICA ARGENTINA · DOCUMENTO NACIONAL DE IDENTIDAD
        </text>
        <rect x="16" y="40" width="78" height="96" rx="4" fill="#c7d3e0" />
        <circle cx="55" cy="76" r="18" fill="#9fb2c6" />
        <rect x="33" y="100" width="44" height="30" rx="10" fill="#9fb2c6" />
        {['Apellido', 'Nombre', 'Sexo', 'Fecha de nacimiento', 'Documento'].map((label, i) => (
          <g key={label}>
            <text x="110" y={52 + i * 20} font-size="9" font-family="sans-serif" fill="#4a6785">
              {label}
            </text>
            <rect x="110" y={55 + i * 20} width={i === 4 ? 90 : 150} height="7" rx="2" fill="#9fb2c6" />
          </g>
        ))}
        <rect x="12" y="150" width="150" height="44" rx="6" fill="#fff3b0" stroke="#c0392b" stroke-width="3" />
        <text x="20" y="166" font-size="10" font-family="sans-serif" fill="#24364a">
          Trámite N.º
        </text>
        <text x="20" y="185" font-size="15" font-family="monospace" font-weight="bold" fill="#c0392b">
          00123456789
        </text>
      </svg>
      <figcaption>{t('tramiteFigure')}</figcaption>
    </figure>
  );
}

/** The first step's answers, carried along the second form. */
function CarriedIdentity(props: { values: Record<string, string> }) {
  return (
    <>
      {IDENTITY_FIELDS.map((name) => (
        <input key={name} type="hidden" name={name} value={props.values[name] ?? ''} />
      ))}
    </>
  );
}

export function IdentityStepPage(props: { page: Page; form: FormState; alert?: string | undefined }) {
  const { page, form } = props;
  const t = profileCheckMessages(page.lang);
  const labels: Record<string, string> = {
    lastName: t('lastName'),
    firstName: t('firstName'),
    sex: t('sex'),
    birthDate: t('birthDate'),
    dni: t('dni'),
    dniTramite: t('dniTramite'),
  };
  return (
    <Layout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <p class="hint">{t('step', { n: 1 })}</p>
      <p>{t('intro')}</p>
      {props.alert && <Alert>{props.alert}</Alert>}
      <ErrorSummary lang={page.lang} errors={form.errors} labels={labels} />
      <form method="post" action={PROFILE_CHECK_PAGE} novalidate class="card">
        <Csrf page={page} />
        <Field name="lastName" label={t('lastName')} form={form} autocomplete="family-name" />
        <Field name="firstName" label={t('firstName')} form={form} autocomplete="given-name" />
        <SelectField name="sex" label={t('sex')} form={form} options={sexOptions(page.lang)} lang={page.lang} />
        <Field name="birthDate" label={t('birthDate')} hint={t('birthDateHint')} form={form} autocomplete="bday" />
        <Field name="dni" label={t('dni')} hint={t('dniHint')} form={form} inputMode="numeric" autocomplete="off" />
        <Field
          name="dniTramite"
          label={t('dniTramite')}
          hint={t('dniTramiteHint')}
          form={form}
          inputMode="numeric"
          autocomplete="off"
        />
        <DniSketch page={page} />
        <button type="submit">{t('next')}</button>
      </form>
    </Layout>
  );
}

export function ContactStepPage(props: {
  page: Page;
  identity: Record<string, string>;
  form: FormState;
  alert?: string | undefined;
}) {
  const { page, form } = props;
  const t = profileCheckMessages(page.lang);
  const labels = { mobile: t('mobile'), email: t('email'), address: t('address') };
  return (
    <Layout page={page} title={t('contactTitle')}>
      <h1>{t('contactTitle')}</h1>
      <p class="hint">{t('step', { n: 2 })}</p>
      <p>{t('contactIntro')}</p>
      {props.alert && <Alert>{props.alert}</Alert>}
      <ErrorSummary lang={page.lang} errors={form.errors} labels={labels} />
      <form method="post" action={`${PROFILE_CHECK_PAGE}/contacto`} novalidate class="card">
        <Csrf page={page} />
        <CarriedIdentity values={props.identity} />
        <Field name="mobile" label={t('mobile')} hint={t('mobileHint')} type="tel" form={form} autocomplete="tel" />
        <Field name="email" label={t('email')} hint={t('emailHint')} type="email" form={form} autocomplete="email" />
        <Field name="address" label={t('address')} hint={t('addressHint')} form={form} autocomplete="street-address" />
        <button type="submit">{t('save')}</button>
      </form>
      <p>
        <a href={PROFILE_CHECK_PAGE}>{t('back')}</a>
      </p>
    </Layout>
  );
}

export function ProfileCheckDonePage(props: { page: Page }) {
  const t = profileCheckMessages(props.page.lang);
  return (
    <Layout page={props.page} title={t('doneTitle')}>
      <h1>{t('doneTitle')}</h1>
      <p class="ok" role="status">
        {t('done')}
      </p>
      <p>
        <a class="button" href="/portal">
          {t('toPortal')}
        </a>
      </p>
    </Layout>
  );
}
