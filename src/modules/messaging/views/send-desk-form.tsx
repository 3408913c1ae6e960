// "Enviar mails/SMS": the manual's six choices as one form (each choice a numbered group, as the manual
// numbers them), then the recent lists so a send in progress is found again.
import { formatStamp } from '../../../platform/calendar/format.js';
import type { MessageChannel } from '../../../platform/db/schema.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Alert } from '../../patients/views/form.js';
import type { DeskChoices, recentBatches } from '../batches.desk.service.js';
import { MAX_RANGE_DAYS, SENT_FILTERS } from '../batches.rules.js';
import { AUDIENCE_PARAM, type DeskField, type DeskForm, type DeskValues, SENT_PARAM } from '../send-desk.form.js';
import { type SendDeskT, sendDeskMessages } from '../send-desk.messages.js';

export const DESK_PATH = '/staff/mensajes/enviar';
const CHANNELS: MessageChannel[] = ['mail', 'sms', 'whatsapp'];

type Recent = Awaited<ReturnType<typeof recentBatches>>;

function FieldError(props: { t: SendDeskT; form: DeskForm; name: DeskField }) {
  const problem = props.form.errors[props.name];
  if (!problem) return null;
  const t = props.t;
  const message = {
    choice: props.name === 'plantilla' ? t('badTemplate') : t('badChoice'),
    date: t('badDate'),
    order: t('badOrder'),
    range: t('badRange', { max: MAX_RANGE_DAYS }),
  }[problem];
  return (
    <span class="field-error" id={`f-${props.name}-error`}>
      {message}
    </span>
  );
}

function invalid(form: DeskForm, name: DeskField) {
  const bad = form.errors[name] !== undefined;
  return {
    'aria-invalid': bad ? ('true' as const) : undefined,
    'aria-describedby': bad ? `f-${name}-error` : undefined,
  };
}

function Checklist(props: {
  name: keyof Pick<DeskValues, 'obraSocial' | 'especialidad' | 'estudio' | 'profesional'>;
  items: { id: number; name: string }[];
  checked: string[];
}) {
  if (props.items.length === 0) return null;
  return (
    <ul class="checklist send-desk-checks">
      {props.items.map((item) => {
        const id = `f-${props.name}-${item.id}`;
        return (
          <li key={item.id}>
            <input
              type="checkbox"
              id={id}
              name={props.name}
              value={String(item.id)}
              checked={props.checked.includes(String(item.id))}
            />
            <label for={id}>{item.name}</label>
          </li>
        );
      })}
    </ul>
  );
}

function Radio(props: { name: string; value: string; chosen: string; label: string }) {
  const id = `f-${props.name}-${props.value}`;
  return (
    <div class="field check">
      <input type="radio" id={id} name={props.name} value={props.value} checked={props.chosen === props.value} />
      <label for={id}>{props.label}</label>
    </div>
  );
}

function DeskFormCard(props: { page: StaffPage; form: DeskForm; choices: DeskChoices }) {
  const { page, form, choices } = props;
  const t = sendDeskMessages(page.lang);
  const v = form.values;
  return (
    <form method="post" action={DESK_PATH} class="card admin-form send-desk" novalidate>
      <Csrf page={page} />
      <fieldset>
        <legend>{t('templateLegend')}</legend>
        {choices.templates.length === 0 ? (
          <p class="notice">
            {t('noTemplates')}{' '}
            {page.staff?.role === 'admin' && <a href="/staff/mensajes/plantillas">{t('templatesLink')}</a>}
          </p>
        ) : null}
        <label for="f-plantilla">{t('template')}</label>
        <select id="f-plantilla" name="plantilla" required {...invalid(form, 'plantilla')}>
          <option value="">{t('chooseTemplate')}</option>
          {CHANNELS.map((channel) => {
            const list = choices.templates.filter((x) => x.channel === channel);
            return list.length === 0 ? null : (
              <optgroup key={channel} label={t(`channel_${channel}`)}>
                {list.map((x) => (
                  <option key={x.id} value={String(x.id)} selected={v.plantilla === String(x.id)}>
                    {x.title}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
        <FieldError t={t} form={form} name="plantilla" />
      </fieldset>
      <fieldset {...invalid(form, 'destino')}>
        <legend>{t('audienceLegend')}</legend>
        <Radio
          name="destino"
          value={AUDIENCE_PARAM.appointments}
          chosen={v.destino}
          label={t('audience_appointments')}
        />
        <Radio name="destino" value={AUDIENCE_PARAM.patients} chosen={v.destino} label={t('audience_patients')} />
        <FieldError t={t} form={form} name="destino" />
      </fieldset>
      <fieldset>
        <legend>{t('datesLegend')}</legend>
        <p class="hint">{t('datesHint')}</p>
        <div class="send-desk-dates">
          {(['desde', 'hasta'] as const).map((name) => (
            <div key={name}>
              <label for={`f-${name}`}>{t(name === 'desde' ? 'from' : 'to')}</label>
              <input type="date" id={`f-${name}`} name={name} value={v[name]} {...invalid(form, name)} />
              <FieldError t={t} form={form} name={name} />
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('sentLegend')}</legend>
        <p class="hint">{t('sentHint')}</p>
        {SENT_FILTERS.map((sent) => (
          <Radio key={sent} name="quienes" value={SENT_PARAM[sent]} chosen={v.quienes} label={t(`sent_${sent}`)} />
        ))}
        <FieldError t={t} form={form} name="quienes" />
      </fieldset>
      <fieldset>
        <legend>{t('insurersLegend')}</legend>
        <p class="hint">{t('insurersHint')}</p>
        <Checklist name="obraSocial" items={choices.insurers} checked={v.obraSocial} />
        <FieldError t={t} form={form} name="obraSocial" />
      </fieldset>
      <fieldset>
        <legend>{t('servicesLegend')}</legend>
        <p class="hint">{t('servicesHint')}</p>
        {(
          [
            ['especialidad', 'specialties', choices.specialties],
            ['estudio', 'studies', choices.studies],
            ['profesional', 'professionals', choices.professionals],
          ] as const
        ).map(([name, title, items]) =>
          items.length === 0 ? null : (
            <div key={name}>
              <h3 class="box-title">{t(title)}</h3>
              <Checklist name={name} items={items} checked={v[name]} />
              <FieldError t={t} form={form} name={name} />
            </div>
          ),
        )}
      </fieldset>
      <div class="actions">
        <button type="submit">{t('generate')}</button>
      </div>
    </form>
  );
}

function RecentList(props: { page: StaffPage; recent: Recent }) {
  const { page } = props;
  const t = sendDeskMessages(page.lang);
  const zone = page.center.timeZone;
  return (
    <section aria-labelledby="recent-title">
      <h2 id="recent-title">{t('recent')}</h2>
      {props.recent.length === 0 ? (
        <p class="muted">{t('recentNone')}</p>
      ) : (
        <div class="table-wrap">
          <table class="dense">
            <thead>
              <tr>
                <th scope="col">{t('number')}</th>
                <th scope="col">{t('template')}</th>
                <th scope="col">{t('channel')}</th>
                <th scope="col">{t('createdAt')}</th>
                <th scope="col">{t('rows')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">
                  <span class="sr-only">{t('rowActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.recent.map((b) => (
                <tr key={b.id}>
                  <td class="number">{b.id}</td>
                  <td>{b.templateTitle}</td>
                  <td>{t(`channel_${b.channel}`)}</td>
                  <td>
                    {t('generatedBy', { name: b.createdBy, at: formatStamp(page.lang, zone, Date.parse(b.createdAt)) })}
                  </td>
                  <td class="number">{b.kept}</td>
                  <td>{t(`status_${b.status}`)}</td>
                  <td>
                    <a href={`${DESK_PATH}/${b.id}`}>
                      {t('view')}
                      <span class="sr-only"> {t('viewBatch', { id: b.id })}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function DeskPage(props: {
  page: StaffPage;
  form: DeskForm;
  choices: DeskChoices;
  recent: Recent;
  alert?: string | undefined;
}) {
  const { page, form } = props;
  const t = sendDeskMessages(page.lang);
  const invalidForm = Object.keys(form.errors).length > 0;
  return (
    <StaffLayout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {props.alert && <Alert>{props.alert}</Alert>}
      {invalidForm && <Alert>{t('fixForm')}</Alert>}
      <DeskFormCard page={page} form={form} choices={props.choices} />
      <RecentList page={page} recent={props.recent} />
    </StaffLayout>
  );
}
