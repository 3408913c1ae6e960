// TURNOS WEB → Configuración básica: one form, grouped as the manual groups it, each option explained.
import type { ComponentChildren } from 'preact';
import type { StaffPage } from '../../../views/page.js';
import { CheckField, describedBy, FormPage, Hint, Problem, TextAreaField } from '../../catalog/views/admin-fields.js';
import { Field, type FormState } from '../../patients/views/form.js';
import type { CenterView } from '../center.service.js';
import { configMessages } from '../config.messages.js';

export const CONFIG = '/staff/web/configuracion';

export const configValues = (c: CenterView): Record<string, string> => ({
  webBookingEnabled: c.webBookingEnabled ? '1' : '',
  name: c.name,
  welcomePhrase: c.welcomePhrase,
  webAddress: c.webAddress,
  contactEmail: c.contactEmail,
  phones: c.phones,
  address: c.address,
  contactHours: c.contactHours,
  webUserLabel: c.webUserLabel,
  webAppointmentType: c.webAppointmentType,
  selectionMode: c.selectionMode,
  maxPerDayProfessional: String(c.limits.maxPerDayProfessional),
  maxFuturePerIp: String(c.limits.maxFuturePerIp),
  maxFuturePerPatient: String(c.limits.maxFuturePerPatient),
  reasonRequired: c.reasonRequired ? '1' : '',
  mailPhrase: c.mailPhrase,
  timeZone: c.timeZone,
  portalIdentityCheck: c.portalIdentityCheck,
  tokenDigits: String(c.tokenDigits),
  tokenStepSeconds: String(c.tokenStepSeconds),
  tokenAlgorithm: c.tokenAlgorithm,
  profileCheckEnabled: c.profileCheckEnabled ? '1' : '',
});

/** A group of the manual's screen; its explanation, when it has one, is read with the group's name. */
function Group(props: { id: string; legend: string; hint?: string; children: ComponentChildren }) {
  const hintId = `${props.id}-hint`;
  return (
    <fieldset id={props.id} aria-describedby={props.hint ? hintId : undefined}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.children}
    </fieldset>
  );
}

/** One of a few options, each explained beside it; the first carries the field's id for the error summary. */
function RadioChoice(props: {
  form: FormState;
  name: string;
  options: { value: string; label: string; hint: string }[];
}) {
  const { name } = props;
  const chosen = props.form.values[name];
  const error = props.form.errors[name];
  return (
    <div class="field radios">
      <Problem name={name} error={error} />
      {props.options.map((o, i) => {
        const id = i === 0 ? `f-${name}` : `f-${name}-${o.value}`;
        return (
          <div class="field check" key={o.value}>
            <input
              type="radio"
              id={id}
              name={name}
              value={o.value}
              checked={chosen === o.value}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={[`f-${name}-${o.value}-hint`, error ? `f-${name}-error` : ''].filter(Boolean).join(' ')}
            />
            <label for={id}>{o.label}</label>
            <span class="hint" id={`f-${name}-${o.value}-hint`}>
              {o.hint}
            </span>
          </div>
        );
      })}
    </div>
  );
}

function SelectionMode(props: { page: StaffPage; form: FormState }) {
  const t = configMessages(props.page.lang);
  const options = [
    { value: 'BY_SPECIALTY', label: t('bySpecialty'), hint: t('bySpecialtyHint') },
    { value: 'BY_STUDY', label: t('byStudy'), hint: t('byStudyHint') },
  ];
  return <RadioChoice form={props.form} name="selectionMode" options={options} />;
}

/** What the portal's first access asks besides the DNI (the patient portal's "Validación primer acceso"). */
function PortalIdentity(props: { page: StaffPage; form: FormState }) {
  const t = configMessages(props.page.lang);
  const options = [
    { value: 'dni_tramite', label: t('identityTramite'), hint: t('identityTramiteHint') },
    { value: 'birth_date', label: t('identityBirthDate'), hint: t('identityBirthDateHint') },
  ];
  return <RadioChoice form={props.form} name="portalIdentityCheck" options={options} />;
}

/** The patients' token and the portal's "Actualizá tus datos" (turning it on asks every portal patient). */
function Teleconsult(props: { page: StaffPage; form: FormState; since?: string | null | undefined }) {
  const t = configMessages(props.page.lang);
  const { form } = props;
  const digits = ['6', '7', '8'].map((d) => ({ value: d, label: t('digits', { n: d }), hint: '' }));
  const steps = [
    { value: '30', label: t('step30'), hint: t('step30Hint') },
    { value: '60', label: t('step60'), hint: t('step60Hint') },
  ];
  const algorithms = (['sha1', 'sha256', 'sha512'] as const).map((a) => ({
    value: a,
    label: t(a),
    hint: t(`${a}Hint`),
  }));
  return (
    <>
      <fieldset>
        <legend>{t('tokenDigits')}</legend>
        <p class="hint">{t('tokenDigitsHint')}</p>
        <RadioChoice form={form} name="tokenDigits" options={digits} />
      </fieldset>
      <fieldset>
        <legend>{t('tokenStepSeconds')}</legend>
        <RadioChoice form={form} name="tokenStepSeconds" options={steps} />
      </fieldset>
      <fieldset>
        <legend>{t('tokenAlgorithm')}</legend>
        <RadioChoice form={form} name="tokenAlgorithm" options={algorithms} />
      </fieldset>
      <CheckField
        name="profileCheckEnabled"
        label={t('profileCheckEnabled')}
        hint={t('profileCheckEnabledHint')}
        form={form}
      />
      {props.since && form.values.profileCheckEnabled === '1' && (
        <p class="hint">{t('profileCheckSince', { date: props.since })}</p>
      )}
    </>
  );
}

/** Argentina's zones first: almost every center is there; any other IANA zone is still possible. */
function zoneGroups(current: string) {
  const all = Intl.supportedValuesOf('timeZone');
  const argentina = all.filter((z) => z.startsWith('America/Argentina/'));
  const others = all.filter((z) => !z.startsWith('America/Argentina/'));
  // A valid zone the list spells differently (an alias such as "UTC") must still show as chosen.
  if (current && !all.includes(current)) others.unshift(current);
  return { argentina, others };
}

function TimeZoneField(props: { page: StaffPage; form: FormState }) {
  const t = configMessages(props.page.lang);
  const current = props.form.values.timeZone ?? '';
  const error = props.form.errors.timeZone;
  const { argentina, others } = zoneGroups(current);
  const option = (z: string) => (
    <option key={z} value={z} selected={z === current}>
      {z.replace(/_/g, ' ')}
    </option>
  );
  return (
    <div class="field">
      <label for="f-timeZone">{t('timeZone')}</label>
      <Hint name="timeZone" hint={t('timeZoneHint')} />
      <Problem name="timeZone" error={error} />
      <select
        id="f-timeZone"
        name="timeZone"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy('timeZone', true, error)}
      >
        <optgroup label={t('argentina')}>{argentina.map(option)}</optgroup>
        <optgroup label={t('otherZones')}>{others.map(option)}</optgroup>
      </select>
    </div>
  );
}

export function ConfigPage(props: {
  page: StaffPage;
  form: FormState;
  flash?: string | undefined;
  alert?: string | undefined;
  /** When the profile check was last turned on, as the center reads it. */
  profileCheckSince?: string | null | undefined;
}) {
  const { page, form } = props;
  const t = configMessages(page.lang);
  const labels: Record<string, string> = {
    webBookingEnabled: t('webBookingEnabled'),
    name: t('name'),
    welcomePhrase: t('welcomePhrase'),
    webAddress: t('webAddress'),
    contactEmail: t('contactEmail'),
    phones: t('phones'),
    address: t('address'),
    contactHours: t('contactHours'),
    webUserLabel: t('webUserLabel'),
    webAppointmentType: t('webAppointmentType'),
    selectionMode: t('selection'),
    maxPerDayProfessional: t('maxPerDayProfessional'),
    maxFuturePerIp: t('maxFuturePerIp'),
    maxFuturePerPatient: t('maxFuturePerPatient'),
    reasonRequired: t('reasonRequired'),
    mailPhrase: t('mailPhrase'),
    timeZone: t('timeZone'),
    portalIdentityCheck: t('portalIdentityCheck'),
    tokenDigits: t('tokenDigits'),
    tokenStepSeconds: t('tokenStepSeconds'),
    tokenAlgorithm: t('tokenAlgorithm'),
    profileCheckEnabled: t('profileCheckEnabled'),
  };
  const limit = (name: string) => (
    <Field
      name={name}
      label={labels[name] as string}
      hint={t(`${name}Hint` as 'maxPerDayProfessionalHint')}
      type="number"
      inputMode="numeric"
      form={form}
      autocomplete="off"
    />
  );
  return (
    <FormPage
      page={page}
      title={t('title')}
      intro={t('intro')}
      action={CONFIG}
      form={form}
      labels={labels}
      alert={props.alert}
      flash={props.flash}
      submit={t('save')}
      wide
    >
      <Group id="g-activation" legend={t('activation')}>
        <CheckField
          name="webBookingEnabled"
          label={labels.webBookingEnabled as string}
          hint={t('webBookingEnabledHint')}
          form={form}
        />
      </Group>
      <Group id="g-basic" legend={t('basic')}>
        <Field name="name" label={t('name')} hint={t('nameHint')} form={form} autocomplete="organization" />
        <TextAreaField name="welcomePhrase" label={t('welcomePhrase')} hint={t('welcomePhraseHint')} form={form} />
        <Field
          name="webAddress"
          label={t('webAddress')}
          hint={t('webAddressHint')}
          type="url"
          form={form}
          required={false}
          autocomplete="url"
        />
      </Group>
      <Group id="g-contact" legend={t('contact')} hint={t('contactHint')}>
        <Field
          name="contactEmail"
          label={t('contactEmail')}
          type="email"
          form={form}
          required={false}
          autocomplete="email"
        />
        <Field name="phones" label={t('phones')} form={form} required={false} autocomplete="tel" />
        <Field
          name="address"
          label={t('address')}
          hint={t('addressHint')}
          form={form}
          required={false}
          autocomplete="street-address"
        />
        <Field
          name="contactHours"
          label={t('contactHours')}
          hint={t('contactHoursHint')}
          form={form}
          required={false}
          autocomplete="off"
        />
      </Group>
      <Group id="g-web-user" legend={t('webUser')} hint={t('webUserHint')}>
        <Field
          name="webUserLabel"
          label={t('webUserLabel')}
          hint={t('webUserLabelHint')}
          form={form}
          autocomplete="off"
        />
        <Field
          name="webAppointmentType"
          label={t('webAppointmentType')}
          hint={t('webAppointmentTypeHint')}
          form={form}
          autocomplete="off"
        />
      </Group>
      <Group id="g-selection" legend={t('selection')}>
        <SelectionMode page={page} form={form} />
      </Group>
      <Group id="g-limits" legend={t('limits')}>
        {limit('maxPerDayProfessional')}
        {limit('maxFuturePerIp')}
        {limit('maxFuturePerPatient')}
      </Group>
      <Group id="g-booking" legend={t('onBooking')}>
        <CheckField name="reasonRequired" label={t('reasonRequired')} hint={t('reasonRequiredHint')} form={form} />
        <TextAreaField name="mailPhrase" label={t('mailPhrase')} hint={t('mailPhraseHint')} form={form} />
      </Group>
      <Group id="g-zone" legend={t('zone')}>
        <TimeZoneField page={page} form={form} />
      </Group>
      <Group id="g-portal" legend={t('portal')} hint={t('portalHint')}>
        <PortalIdentity page={page} form={form} />
      </Group>
      <Group id="g-teleconsult" legend={t('teleconsult')} hint={t('teleconsultHint')}>
        <Teleconsult page={page} form={form} since={props.profileCheckSince} />
      </Group>
    </FormPage>
  );
}
