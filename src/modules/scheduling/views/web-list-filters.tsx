// The filters of "Turnos dados por web" as a GET form: each control shows what was typed and, beside it, what is
// wrong with it, so a bad date is corrected where it was written.
import type { StaffPage } from '../../../views/page.js';
import { webListMessages } from '../web-list.messages.js';
import { type FilterKey, type ParsedFilters, STATUS_PARAM } from '../web-list.params.js';

type T = ReturnType<typeof webListMessages>;
export interface Named {
  id: number;
  name: string;
}
export interface Choices {
  specialties: Named[];
  studies: Named[];
  professionals: Named[];
  insurers: Named[];
}

function FilterError(props: { t: T; name: FilterKey; filters: ParsedFilters }) {
  const problem = props.filters.errors[props.name];
  if (!problem) return null;
  return (
    <span class="field-error filter-error" id={`f-${props.name}-error`}>
      {props.t(problem === 'date' ? 'badDate' : 'badChoice')}
    </span>
  );
}

/** The control's own attributes: its id, the value typed, and its error when it has one. */
function control(filters: ParsedFilters, name: FilterKey) {
  const bad = filters.errors[name] !== undefined;
  return {
    id: `f-${name}`,
    name,
    'aria-invalid': bad ? ('true' as const) : undefined,
    'aria-describedby': bad ? `f-${name}-error` : undefined,
  };
}

function DateRange(props: { t: T; legend: string; fromKey: FilterKey; toKey: FilterKey; filters: ParsedFilters }) {
  const { t, filters } = props;
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {[
        [props.fromKey, t('from')],
        [props.toKey, t('to')],
      ].map(([key, label]) => (
        <label key={key}>
          {label}
          <input type="date" value={filters.values[key as FilterKey]} {...control(filters, key as FilterKey)} />
          <FilterError t={t} name={key as FilterKey} filters={filters} />
        </label>
      ))}
    </fieldset>
  );
}

function Select(props: {
  t: T;
  label: string;
  name: FilterKey;
  filters: ParsedFilters;
  all: string;
  options: { value: string; label: string }[];
  groups?: { label: string; options: { value: string; label: string }[] }[];
}) {
  const { filters } = props;
  const chosen = filters.values[props.name] ?? '';
  const option = (o: { value: string; label: string }) => (
    <option key={o.value} value={o.value} selected={o.value === chosen}>
      {o.label}
    </option>
  );
  return (
    <label>
      {props.label}
      <select {...control(filters, props.name)}>
        <option value="">{props.all}</option>
        {props.options.map(option)}
        {props.groups?.map((g) =>
          g.options.length > 0 ? (
            <optgroup key={g.label} label={g.label}>
              {g.options.map(option)}
            </optgroup>
          ) : null,
        )}
      </select>
      <FilterError t={props.t} name={props.name} filters={filters} />
    </label>
  );
}

export function Filters(props: { page: StaffPage; filters: ParsedFilters; choices: Choices }) {
  const { filters, choices } = props;
  const t = webListMessages(props.page.lang);
  const named = (prefix: string) => (n: Named) => ({ value: `${prefix}${n.id}`, label: n.name });
  return (
    <form method="get" action="/staff/web/turnos" class="filters web-filters" aria-label={t('filters')}>
      <DateRange t={t} legend={t('booked')} fromKey="otorgadoDesde" toKey="otorgadoHasta" filters={filters} />
      <DateRange t={t} legend={t('turnoDate')} fromKey="desde" toKey="hasta" filters={filters} />
      <Select
        t={t}
        label={t('service')}
        name="servicio"
        filters={filters}
        all={t('allFem')}
        options={[]}
        groups={[
          { label: t('specialties'), options: choices.specialties.map(named('especialidad-')) },
          { label: t('studies'), options: choices.studies.map(named('estudio-')) },
        ]}
      />
      <Select
        t={t}
        label={t('professional')}
        name="profesional"
        filters={filters}
        all={t('all')}
        options={choices.professionals.map(named(''))}
      />
      <Select
        t={t}
        label={t('insurer')}
        name="obraSocial"
        filters={filters}
        all={t('allFem')}
        options={choices.insurers.map(named(''))}
      />
      <Select
        t={t}
        label={t('status')}
        name="estado"
        filters={filters}
        all={t('all')}
        options={Object.entries(STATUS_PARAM).map(([status, word]) => ({
          value: word,
          label: t(`status_${status as keyof typeof STATUS_PARAM}`),
        }))}
      />
      <div class="actions">
        <button type="submit">{t('filter')}</button>
        <a class="button secondary" href="/staff/web/turnos?limpiar=1">
          {t('clear')}
        </a>
      </div>
    </form>
  );
}
