// The template editor: TÍTULO, the message, the manual's "Ayuda" box of placeholders, the SMS count on the
// worst-case rendering and, for a saved template, its preview for a real turno. template-editor.js only
// enhances: clicking a placeholder inserts it, and the count follows the typing.
import type { MessageChannel } from '../../../platform/db/schema.js';
import type { Lang } from '../../../platform/i18n/lang.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { Flash } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Alert, Field, type FormState } from '../../patients/views/form.js';
import { GSM_BASIC, GSM_EXTENSION } from '../sms.rules.js';
import { BODY_MAX } from '../template-input.rules.js';
import type { SmsEstimate } from '../template-values.rules.js';
import { templatesMessages } from '../templates.messages.js';
import { PLACEHOLDERS, placeholderToken, usedPlaceholders } from '../templates.rules.js';
import type { TemplatePreview, TemplateView } from '../templates.service.js';
import { PreviewSection } from './template-preview.js';

export const TEMPLATES = '/staff/mensajes/plantillas';

type T = ReturnType<typeof templatesMessages>;

export const forcedList = (chars: string[]) => chars.map((c) => `«${c}»`).join(', ');

function BodyField(props: { form: FormState; channel: MessageChannel; t: T }) {
  const { form, t } = props;
  const error = form.errors.body;
  const describedBy = ['f-body-hint', error ? 'f-body-error' : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for="f-body">{t('fieldBody')}</label>
      <span class="hint" id="f-body-hint">
        {t('bodyHint', { max: BODY_MAX[props.channel] })}
      </span>
      {error && (
        <p class="field-error" id="f-body-error">
          {error}
        </p>
      )}
      <textarea
        id="f-body"
        name="body"
        rows={props.channel === 'mail' ? 12 : 6}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {form.values.body ?? ''}
      </textarea>
    </div>
  );
}

/** The count as text; the same sentences the script writes, so both read alike. */
function SmsCount(props: { count: SmsEstimate; values: Record<string, string>; t: T }) {
  const { count, t } = props;
  // What the script needs to count as the server does: the worst-case values, the GSM alphabet, the texts.
  const config = {
    values: props.values,
    basic: GSM_BASIC,
    extension: GSM_EXTENSION,
    line: t('countLine', { chars: '{chars}', segments: '{segments}', encoding: '{encoding}' }),
    multi: t('warnMulti', { segments: '{segments}' }),
    ucs2: t('warnUcs2', { chars: '{chars}' }),
  };
  return (
    <section class="info" aria-labelledby="sms-count-title" data-sms-count={JSON.stringify(config)}>
      <h2 class="box-title" id="sms-count-title">
        {t('countTitle')}
      </h2>
      <p>
        <strong data-count-line aria-live="polite">
          {t('countLine', { chars: count.units, segments: count.segments, encoding: count.encoding })}
        </strong>
      </p>
      <p class="notice" data-warn-multi hidden={count.segments <= 1}>
        {t('warnMulti', { segments: count.segments })}
      </p>
      <p class="notice" data-warn-ucs2 hidden={count.encoding !== 'UCS-2'}>
        {t('warnUcs2', { chars: forcedList(count.forcedBy) })}
      </p>
      <p class="hint">{t('countHint')}</p>
      <details>
        <summary>{t('counted')}</summary>
        <pre class="message-text" data-counted>
          {count.rendered}
        </pre>
      </details>
    </section>
  );
}

function HelpBox(props: { lang: Lang; channel: MessageChannel; body: string; t: T }) {
  const { t } = props;
  const used = usedPlaceholders(props.body);
  return (
    <aside class="card help" aria-labelledby="ayuda">
      <h2 class="box-title" id="ayuda">
        {t('helpTitle')}
      </h2>
      <p class="hint">{t('helpIntro')}</p>
      <ul class="placeholder-list" data-insert-label={t('insert')}>
        {PLACEHOLDERS.map((p) => (
          <li key={p.name}>
            <code data-placeholder={placeholderToken(p.name)}>{placeholderToken(p.name)}</code>{' '}
            {props.lang === 'es' ? p.es : p.en}
          </li>
        ))}
      </ul>
      {props.channel === 'whatsapp' && (
        <>
          <p>{t('waExplain')}</p>
          {used.length === 0 ? (
            <p class="hint">{t('waNone')}</p>
          ) : (
            <>
              <p class="hint">{t('waMapping')}</p>
              <ul>
                {used.map((name, i) => (
                  <li key={name}>
                    <code>{`{{${i + 1}}}`}</code> = <code>{placeholderToken(name)}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </aside>
  );
}

export interface EditorProps {
  page: StaffPage;
  channel: MessageChannel;
  /** null: a new template. */
  template: TemplateView | null;
  form: FormState;
  alert?: string | undefined;
  flash?: string | undefined;
  /** SMS: the worst-case count and the values it used. */
  sms?: { count: SmsEstimate; values: Record<string, string> } | undefined;
  /** Asked for with ?turno=: the rendering, or why there is none. */
  preview?: { turno: string; result?: TemplatePreview; error?: string } | undefined;
}

export function TemplateEditorPage(props: EditorProps) {
  const { page, form, channel, template } = props;
  const t = templatesMessages(page.lang);
  const title = template
    ? t('editTitle', { title: template.title })
    : t('newTitle', { channel: t(`channel_${channel}`) });
  return (
    <StaffLayout page={page} title={title}>
      <h1>{title}</h1>
      <Flash text={props.flash} />
      {props.alert && <Alert>{props.alert}</Alert>}
      <div class="template-grid">
        <div>
          <form
            method="post"
            action={template ? `${TEMPLATES}/${template.id}` : TEMPLATES}
            class="card admin-form"
            novalidate
            data-template-editor
          >
            <Csrf page={page} />
            {!template && <input type="hidden" name="canal" value={channel} />}
            <Field
              name="title"
              label={t('fieldTitle')}
              hint={channel === 'mail' ? t('titleHintMail') : t('titleHintOther')}
              form={form}
              autocomplete="off"
            />
            <BodyField form={form} channel={channel} t={t} />
            {channel === 'whatsapp' && (
              <>
                <Field
                  name="waTemplate"
                  label={t('fieldWaTemplate')}
                  hint={t('waTemplateHint')}
                  form={form}
                  autocomplete="off"
                />
                <Field
                  name="waLanguage"
                  label={t('fieldWaLanguage')}
                  hint={t('waLanguageHint')}
                  form={form}
                  autocomplete="off"
                />
              </>
            )}
            {props.sms && <SmsCount count={props.sms.count} values={props.sms.values} t={t} />}
            <p class="actions">
              <button type="submit" name="accion" value="guardar">
                {template ? t('save') : t('create')}
              </button>
              {channel === 'sms' && (
                <button type="submit" name="accion" value="contar" class="secondary">
                  {t('count')}
                </button>
              )}
            </p>
          </form>
        </div>
        <HelpBox lang={page.lang} channel={channel} body={form.values.body ?? ''} t={t} />
      </div>
      {template && <PreviewSection page={page} template={template} preview={props.preview} />}
      <p class="actions">
        {template && (
          <a class="button secondary" href={`${TEMPLATES}/${template.id}/borrar`}>
            {t('delete')}
          </a>
        )}
        <a href={TEMPLATES}>{t('back')}</a>
      </p>
      <script src={page.assets['template-editor.js']} defer />
    </StaffLayout>
  );
}
