// The fields of each channel on Configurar envíos, and of the test beside them. A saved password or token is
// never put back in its field: the field says one is saved, and a checkbox erases it.
import type { MessageChannel } from '../../../platform/db/schema.js';
import type { Lang } from '../../../platform/i18n/lang.js';
import { CheckField } from '../../catalog/views/admin-fields.js';
import { Field, type FormState, SelectField } from '../../patients/views/form.js';
import { smsField } from '../channels.form.js';
import { channelsMessages } from '../channels.messages.js';
import { SMS_PROVIDERS, SMTP_SECURITY, type SmsProviderName } from '../channels.rules.js';

type T = ReturnType<typeof channelsMessages>;

/** Labels by field name: the error summary names each field with them. */
export function fieldLabels(channel: MessageChannel, lang: Lang): Record<string, string> {
  const t = channelsMessages(lang);
  const test = { testTo: channel === 'mail' ? t('testTo') : t('testMobile'), testTemplate: t('testTemplate') };
  if (channel === 'mail') {
    return {
      host: t('host'),
      port: t('port'),
      security: t('security'),
      user: t('user'),
      secret: t('password'),
      fromName: t('fromName'),
      fromAddress: t('fromAddress'),
      replyTo: t('replyTo'),
      ...test,
    };
  }
  if (channel === 'whatsapp') {
    return {
      phoneNumberId: t('phoneNumberId'),
      secret: t('accessToken'),
      apiVersion: t('apiVersion'),
      baseUrl: t('baseUrl'),
      ...test,
      testLanguage: t('testLanguage'),
    };
  }
  const own: Record<SmsProviderName, Record<string, string>> = {
    smsmasivos: { user: t('user'), secret: t('clave'), baseUrl: t('baseUrl') },
    twilio: {
      accountSid: t('accountSid'),
      secret: t('authToken'),
      from: t('twilioFrom'),
      messagingServiceSid: t('messagingServiceSid'),
      baseUrl: t('baseUrl'),
    },
    webhook: { url: t('webhookUrl'), secret: t('bearerToken') },
  };
  const labels: Record<string, string> = { provider: t('provider'), ...test };
  for (const provider of SMS_PROVIDERS) {
    for (const [key, label] of Object.entries(own[provider]))
      labels[smsField(provider, key)] = `${label} (${t(`provider_${provider}`)})`;
  }
  return labels;
}

/** A password or token field: empty on every page; says when one is saved and offers to erase it. */
function SecretField(props: { name: string; label: string; saved: boolean; token?: boolean; form: FormState; t: T }) {
  const { t } = props;
  return (
    <>
      <Field
        name={props.name}
        label={props.label}
        type="password"
        hint={props.saved ? t(props.token ? 'tokenKept' : 'secretKept') : undefined}
        form={props.form}
        required={false}
        // The admin's own login must not be offered for the provider's password.
        autocomplete="new-password"
      />
      {props.saved && (
        <CheckField name="eraseSecret" label={t(props.token ? 'eraseToken' : 'eraseSecret')} form={props.form} />
      )}
    </>
  );
}

interface TextOptions {
  hint?: string;
  required?: boolean;
  type?: string;
  inputMode?: 'numeric' | 'tel';
}

/** A setting's field: optional unless said, and never filled by the browser with the admin's own data. */
const text = (form: FormState, name: string, label: string, options: TextOptions = {}) => (
  <Field name={name} label={label} form={form} required={false} autocomplete="off" {...options} />
);

export function MailFields(props: { form: FormState; lang: Lang; saved: boolean }) {
  const { form, lang } = props;
  const t = channelsMessages(lang);
  const security = SMTP_SECURITY.map((value) => ({ value, label: t(`security_${value}`) }));
  return (
    <>
      {text(form, 'host', t('host'), { hint: t('hostHint'), required: true })}
      {text(form, 'port', t('port'), { hint: t('portHint'), required: true, inputMode: 'numeric' })}
      <SelectField name="security" label={t('security')} options={security} form={form} lang={lang} />
      {text(form, 'user', t('user'), { hint: t('mailUserHint') })}
      <SecretField name="secret" label={t('password')} saved={props.saved} form={form} t={t} />
      {text(form, 'fromName', t('fromName'), { hint: t('fromNameHint') })}
      {text(form, 'fromAddress', t('fromAddress'), { hint: t('fromAddressHint'), type: 'email' })}
      {text(form, 'replyTo', t('replyTo'), { hint: t('replyToHint'), type: 'email' })}
    </>
  );
}

/** Every company's fields, each in its group: without JavaScript the page cannot hide the others. */
export function SmsFields(props: { form: FormState; lang: Lang; savedProvider: SmsProviderName | null }) {
  const { form, lang } = props;
  const t = channelsMessages(lang);
  const providers = SMS_PROVIDERS.map((value) => ({ value, label: t(`provider_${value}`) }));
  const f = (provider: SmsProviderName, key: string, label: string, hint?: string) =>
    text(form, smsField(provider, key), label, { hint });
  const secret = (provider: SmsProviderName, label: string, token: boolean) => (
    <SecretField
      name={smsField(provider, 'secret')}
      label={label}
      saved={props.savedProvider === provider}
      token={token}
      form={form}
      t={t}
    />
  );
  const baseUrl = (provider: SmsProviderName) => f(provider, 'baseUrl', t('baseUrl'), t('baseUrlHint'));
  return (
    <>
      <SelectField
        name="provider"
        label={t('provider')}
        hint={t('providerHint')}
        options={providers}
        form={form}
        lang={lang}
      />
      <fieldset id="g-smsmasivos">
        <legend>{t('smsmasivosLegend')}</legend>
        {f('smsmasivos', 'user', t('user'))}
        {secret('smsmasivos', t('clave'), false)}
        {baseUrl('smsmasivos')}
      </fieldset>
      <fieldset id="g-twilio">
        <legend>{t('twilioLegend')}</legend>
        {f('twilio', 'accountSid', t('accountSid'), t('accountSidHint'))}
        {secret('twilio', t('authToken'), true)}
        {f('twilio', 'from', t('twilioFrom'), t('twilioFromHint'))}
        {f('twilio', 'messagingServiceSid', t('messagingServiceSid'))}
        {baseUrl('twilio')}
      </fieldset>
      <fieldset id="g-webhook">
        <legend>{t('webhookLegend')}</legend>
        {f('webhook', 'url', t('webhookUrl'), t('webhookUrlHint'))}
        {secret('webhook', t('bearerToken'), true)}
      </fieldset>
    </>
  );
}

export function WhatsAppFields(props: { form: FormState; lang: Lang; saved: boolean }) {
  const { form } = props;
  const t = channelsMessages(props.lang);
  return (
    <>
      {text(form, 'phoneNumberId', t('phoneNumberId'), {
        hint: t('phoneNumberIdHint'),
        required: true,
        inputMode: 'numeric',
      })}
      <SecretField name="secret" label={t('accessToken')} saved={props.saved} token form={form} t={t} />
      {text(form, 'apiVersion', t('apiVersion'), { hint: t('apiVersionHint') })}
      {text(form, 'baseUrl', t('baseUrl'), { hint: t('baseUrlHint') })}
    </>
  );
}

/** The test's own fields: where to send it and, for WhatsApp, which approved template. */
export function TestFields(props: { channel: MessageChannel; form: FormState; lang: Lang }) {
  const { channel, form } = props;
  const t = channelsMessages(props.lang);
  if (channel === 'mail') {
    return <Field name="testTo" label={t('testTo')} type="email" form={form} required={false} autocomplete="email" />;
  }
  return (
    <>
      {text(form, 'testTo', t('testMobile'), { hint: t('testMobileHint'), type: 'tel', inputMode: 'tel' })}
      {channel === 'sms' && (
        <CheckField name="testVerifyOnly" label={t('testVerifyOnly')} hint={t('testVerifyOnlyHint')} form={form} />
      )}
      {channel === 'whatsapp' && (
        <>
          {text(form, 'testTemplate', t('testTemplate'), { hint: t('testTemplateHint') })}
          {text(form, 'testLanguage', t('testLanguage'), { hint: t('testLanguageHint') })}
        </>
      )}
    </>
  );
}
