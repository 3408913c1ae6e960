// /staff/agendas: one professional's weekly working hours and exceptions, the center's exceptions, holidays.
import type { Agenda, ScheduleException } from '../../../platform/db/schema.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { Flash } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Alert, ErrorSummary, Field, type FormState } from '../../patients/views/form.js';
import { agendasMessages } from '../agendas.messages.js';
import {
  BlockFields,
  blockLabels,
  dateText,
  ExceptionFields,
  exceptionDates,
  type Named,
  type OrphanConfirmation,
  OrphanList,
  type ProfessionalChoice,
} from './agendas-parts.js';

/** A form's state on the page: what was typed, its problems, a message about the whole form. */
export interface FormBox {
  form: FormState;
  alert?: string | undefined;
  confirm?: OrphanConfirmation | undefined;
}

export interface AgendasPageProps {
  page: StaffPage;
  professionals: Named[];
  professional: ProfessionalChoice | null;
  blocks: Agenda[];
  exceptions: ScheduleException[];
  /** "especialidad-3" / "estudio-5" → name, for every block's service. */
  serviceNames: Map<string, string>;
  blockForm: FormBox;
  exceptionForm: FormBox;
  holidaysForm: FormBox;
  flash?: string[] | undefined;
}

function FormProblems(props: { page: StaffPage; box: FormBox; labels: Record<string, string> }) {
  return (
    <>
      <ErrorSummary lang={props.page.lang} errors={props.box.form.errors} labels={props.labels} />
      {props.box.alert && <Alert>{props.box.alert}</Alert>}
      {props.box.confirm && <OrphanList page={props.page} confirm={props.box.confirm} />}
    </>
  );
}

function BlocksTable(props: AgendasPageProps & { professional: ProfessionalChoice }) {
  const { page, blocks } = props;
  const t = agendasMessages(page.lang);
  if (blocks.length === 0) return <p class="muted">{t('noHours')}</p>;
  return (
    <div class="table-wrap">
      <table class="dense">
        <caption class="sr-only">{t('hoursOf', { name: props.professional.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('weekday')}</th>
            <th scope="col">{t('hours')}</th>
            <th scope="col">{t('slotMinutesShort')}</th>
            <th scope="col">{t('service')}</th>
            <th scope="col">{t('validity')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {blocks.map((b) => {
            const day = t(`day_${b.weekday}` as 'day_1');
            const hours = t('timeRange', { from: b.startTime, to: b.endTime });
            const service =
              b.specialtyId !== null
                ? props.serviceNames.get(`especialidad-${b.specialtyId}`)
                : b.studyId !== null
                  ? props.serviceNames.get(`estudio-${b.studyId}`)
                  : t('anything');
            const from = dateText(page.lang, b.validFrom);
            return (
              <tr key={b.id}>
                <th scope="row">{day}</th>
                <td>{hours}</td>
                <td>{t('minutes', { n: b.slotMinutes })}</td>
                <td>{service ?? t('none')}</td>
                <td>
                  {b.validTo ? t('between', { from, to: dateText(page.lang, b.validTo) }) : t('since', { date: from })}
                </td>
                <td>
                  <div class="actions">
                    <a href={`/staff/agendas/horarios/${b.id}`}>
                      {t('edit')}
                      <span class="sr-only">
                        {' '}
                        {day} {hours}
                      </span>
                    </a>
                    <form method="post" action={`/staff/agendas/horarios/${b.id}/borrar`} class="inline">
                      <Csrf page={page} />
                      <button type="submit" class="link">
                        {t('delete')}
                        <span class="sr-only">
                          {' '}
                          {day} {hours}
                        </span>
                      </button>
                    </form>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ExceptionsTable(props: AgendasPageProps) {
  const { page, exceptions, professional } = props;
  const t = agendasMessages(page.lang);
  if (exceptions.length === 0) return <p class="muted">{t('noExceptions')}</p>;
  return (
    <div class="table-wrap">
      <table class="dense">
        <caption class="sr-only">{professional ? t('exceptions') : t('centerExceptions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dates')}</th>
            <th scope="col">{t('hours')}</th>
            <th scope="col">{t('kind')}</th>
            <th scope="col">{t('scope')}</th>
            <th scope="col">{t('reason')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {exceptions.map((e) => {
            const dates = exceptionDates(page.lang, e);
            return (
              <tr key={e.id}>
                <th scope="row">{dates}</th>
                <td>{e.fromTime && e.toTime ? t('timeRange', { from: e.fromTime, to: e.toTime }) : t('wholeDay')}</td>
                <td>{t(`kind_${e.kind}`)}</td>
                <td>{e.professionalId === null ? t('scopeCenter') : (professional?.name ?? t('none'))}</td>
                <td>{e.reason || t('none')}</td>
                <td>
                  <form method="post" action={`/staff/agendas/excepciones/${e.id}/borrar`} class="inline">
                    <Csrf page={page} />
                    {professional && <input type="hidden" name="profesional" value={String(professional.id)} />}
                    <button type="submit" class="link">
                      {t('removeException')}
                      <span class="sr-only"> {dates}</span>
                    </button>
                  </form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function AgendasPage(props: AgendasPageProps) {
  const { page, professional } = props;
  const t = agendasMessages(page.lang);
  const exceptionLabels = {
    kind: t('kind'),
    fromDate: t('fromDate'),
    toDate: t('toDate'),
    fromTime: t('fromTime'),
    toTime: t('toTime'),
    reason: t('reason'),
  };
  const title = professional ? `${professional.name} · ${t('title')}` : t('title');
  return (
    <StaffLayout page={page} title={title}>
      <h1>{t('title')}</h1>
      <p class="muted">{t('intro')}</p>
      {props.flash?.map((text) => (
        <Flash key={text} text={text} />
      ))}
      <form method="get" action="/staff/agendas" class="filters">
        <label for="f-profesional">
          {t('professional')}
          <select id="f-profesional" name="profesional">
            <option value="">{t('pickFirst')}</option>
            {props.professionals.map((p) => (
              <option key={p.id} value={String(p.id)} selected={p.id === professional?.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('show')}</button>
      </form>

      {professional ? (
        <>
          <h2>{t('hoursOf', { name: professional.name })}</h2>
          <BlocksTable {...props} professional={professional} />
          <h2 id="agregar-horario">{t('addHours')}</h2>
          <FormProblems page={page} box={props.blockForm} labels={blockLabels(page.lang)} />
          <form method="post" action="/staff/agendas/horarios#agregar-horario" class="card narrow" novalidate>
            <Csrf page={page} />
            <input type="hidden" name="profesional" value={String(professional.id)} />
            <BlockFields page={page} form={props.blockForm.form} professional={professional} />
            <button type="submit">{t('addHours')}</button>
          </form>
        </>
      ) : (
        <p class="info">{t('pickFirst')}</p>
      )}

      <h2 id="excepciones">{professional ? t('exceptions') : t('centerExceptions')}</h2>
      <p class="muted">{t('exceptionsIntro')}</p>
      <ExceptionsTable {...props} />
      <h3 id="agregar-excepcion">{t('addException')}</h3>
      <FormProblems page={page} box={props.exceptionForm} labels={exceptionLabels} />
      <form method="post" action="/staff/agendas/excepciones#agregar-excepcion" class="card narrow" novalidate>
        <Csrf page={page} />
        {professional && <input type="hidden" name="profesional" value={String(professional.id)} />}
        <ExceptionFields page={page} form={props.exceptionForm.form} professional={professional} />
        <button type="submit">{t('addException')}</button>
      </form>

      <h2 id="feriados">{t('holidays')}</h2>
      <p class="muted">{t('holidaysIntro')}</p>
      <FormProblems page={page} box={props.holidaysForm} labels={{ year: t('year') }} />
      <form method="post" action="/staff/agendas/feriados#feriados" class="card narrow" novalidate>
        <Csrf page={page} />
        {professional && <input type="hidden" name="profesional" value={String(professional.id)} />}
        <Field name="year" label={t('year')} type="number" inputMode="numeric" form={props.holidaysForm.form} />
        <button type="submit">{t('loadHolidays')}</button>
      </form>
    </StaffLayout>
  );
}
