// A saved template as the patient of a real turno would get it. Shown only when asked for (it reads a
// patient's data, and every such read is audited).
import { formatDay, formatTime } from '../../../platform/calendar/format.js';
import type { StaffPage } from '../../../views/page.js';
import { Alert, emptyForm, Field } from '../../patients/views/form.js';
import { templatesMessages } from '../templates.messages.js';
import type { TemplatePreview, TemplateView } from '../templates.service.js';

export function PreviewSection(props: {
  page: StaffPage;
  template: TemplateView;
  preview?: { turno: string; result?: TemplatePreview; error?: string } | undefined;
}) {
  const { page, template, preview } = props;
  const t = templatesMessages(page.lang);
  const result = preview?.result;
  const zone = page.center.timeZone;
  const turno = result?.appointment;
  return (
    <section class="card" aria-labelledby="vista-previa">
      <h2 id="vista-previa">{t('previewTitle')}</h2>
      <p class="hint">{t('previewIntro')}</p>
      <form method="get" action={`/staff/mensajes/plantillas/${template.id}#vista-previa`}>
        <Field
          name="turno"
          label={t('previewTurno')}
          hint={t('previewTurnoHint')}
          form={emptyForm({ turno: preview?.turno ?? '' })}
          inputMode="numeric"
          autocomplete="off"
          required={false}
        />
        <button type="submit" class="secondary">
          {t('previewButton')}
        </button>
      </form>
      {preview?.error && <Alert>{preview.error}</Alert>}
      {result && (
        <>
          <p role="status">
            {turno
              ? t('previewFor', {
                  number: turno.id,
                  patient: turno.patientName,
                  day: formatDay(page.lang, zone, Date.parse(turno.startsAt)),
                  time: formatTime(page.lang, zone, Date.parse(turno.startsAt)),
                })
              : t('previewSample')}
          </p>
          <dl class="details">
            {template.channel === 'mail' && (
              <>
                <dt>{t('previewSubject')}</dt>
                <dd>{result.subject}</dd>
              </>
            )}
            <dt>{t('previewText')}</dt>
            <dd>
              <pre class="message-text">{result.text}</pre>
            </dd>
            {result.sms && (
              <>
                <dt>{t('previewSms')}</dt>
                <dd>
                  {t('countLine', {
                    chars: result.sms.characters,
                    segments: result.sms.segments,
                    encoding: result.sms.encoding,
                  })}
                </dd>
              </>
            )}
            {result.whatsapp && (
              <>
                <dt>WhatsApp</dt>
                <dd>
                  {t('previewWhatsApp', { name: result.whatsapp.name, language: result.whatsapp.language })}
                  <ol>
                    {result.whatsapp.bodyParameters.map((value, i) => (
                      <li key={i}>{value}</li>
                    ))}
                  </ol>
                </dd>
              </>
            )}
          </dl>
        </>
      )}
    </section>
  );
}
