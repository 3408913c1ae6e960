// Giving a turno from the desk: the slot is already chosen; find the patient, then confirm.
import { formatCivilDay } from '../../../platform/calendar/format.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { RowLink, TableHead } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import type { patientView } from '../../patients/patients.service.js';
import { Alert, type FormState, SelectField } from '../../patients/views/form.js';
import { appointmentMessages } from '../appointment.messages.js';
import { deskMessages } from '../desk.messages.js';
import { type DeskFilter, deskLink, filterParams } from '../desk.params.js';
import { Details, HiddenFields, link } from './common.js';
import { patientName, timeOf } from './desk-parts.js';
import { TeleconsultFields } from './desk-teleconsult.js';

type PatientView = ReturnType<typeof patientView>;
interface Choice {
  value: string;
  label: string;
}

export interface BookProps {
  page: StaffPage;
  filter: DeskFilter;
  professional: { id: number; name: string };
  /** The slot's start, as the desk wrote it (ISO with the center's offset). */
  start: string;
  overbook: boolean;
  search: { dni: string; apellido: string };
  searchMissing?: string | undefined;
  /** null: nothing searched yet. */
  results: PatientView[] | null;
  patient: PatientView | null;
  patientMissing?: string | undefined;
  services: Choice[];
  insurers: Choice[];
  form: FormState;
  alert?: string | undefined;
}

/** The slot and the search travel in every link and form of the page. */
function slotParams(p: BookProps): Record<string, string> {
  return {
    ...filterParams(p.filter),
    profesional: String(p.professional.id),
    inicio: p.start,
    ...(p.overbook ? { sobreturno: '1' } : {}),
  };
}

function SearchStep(props: BookProps) {
  const { page, search } = props;
  const t = deskMessages(page.lang);
  const a = appointmentMessages(page.lang);
  const insurerName = new Map(props.insurers.map((i) => [i.value, i.label]));
  const slot = slotParams(props);
  return (
    <section aria-labelledby="buscar" class="card desk-card">
      <h2 id="buscar">{t('findPatient')}</h2>
      <form method="get" action="/staff/turnos/dar" class="filters">
        <HiddenFields values={{ ...slot, buscar: '1' }} />
        <label>
          {t('dni')}
          <input name="dni" value={search.dni} inputMode="numeric" autoComplete="off" size={12} />
        </label>
        <label>
          {t('lastName')}
          <input name="apellido" value={search.apellido} autoComplete="off" size={18} />
        </label>
        <button type="submit">{t('search')}</button>
      </form>
      <p class="hint">{t('findHint')}</p>
      {props.searchMissing && <Alert>{props.searchMissing}</Alert>}
      {props.results !== null && props.patient === null && (
        <>
          <p role="status">{props.results.length === 0 ? t('notFound') : t('found', { n: props.results.length })}</p>
          {props.results.length > 0 && (
            <table class="dense">
              <TableHead columns={[t('name'), t('dni'), t('insurer')]} links={t('pick')} />
              <tbody>
                {props.results.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{patientName(p)}</th>
                    <td>{p.dni}</td>
                    <td>{p.insurerId === null ? a('noInsurer') : (insurerName.get(String(p.insurerId)) ?? '')}</td>
                    <td>
                      <RowLink
                        class="button small"
                        href={link('/staff/turnos/dar', {
                          ...slot,
                          dni: search.dni,
                          apellido: search.apellido,
                          paciente: p.id,
                        })}
                        label={t('pick')}
                        row={t('pickPatient', { name: patientName(p) })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

function ConfirmStep(props: BookProps & { patient: PatientView }) {
  const { page, patient, form } = props;
  const t = deskMessages(page.lang);
  const a = appointmentMessages(page.lang);
  const insurer = props.insurers.find((i) => i.value === String(patient.insurerId))?.label ?? a('noInsurer');
  const slot = slotParams(props);
  return (
    <section aria-labelledby="confirmar" class="card desk-card">
      <h2 id="confirmar">{t('confirmStep')}</h2>
      <Details
        rows={[
          [t('patient'), patientName(patient)],
          [t('dni'), patient.dni],
          [t('insurer'), insurer],
        ]}
      />
      <p>
        <a href={link('/staff/turnos/dar', { ...slot, dni: props.search.dni, apellido: props.search.apellido })}>
          {t('changePatient')}
        </a>
      </p>
      <form method="post" action="/staff/turnos/dar" novalidate>
        <Csrf page={page} />
        <HiddenFields
          values={{ ...slot, paciente: String(patient.id), dni: props.search.dni, apellido: props.search.apellido }}
        />
        <SelectField name="servicio" label={t('serviceChoose')} form={form} options={props.services} lang={page.lang} />
        <SelectField
          name="obraSocial"
          label={t('insurer')}
          hint={t('insurerHint')}
          form={form}
          options={props.insurers}
          lang={page.lang}
          required={false}
        />
        <div class="field">
          <label for="f-motivo">{t('reason')}</label>
          <span class="hint" id="f-motivo-hint">
            {t('reasonHint')}
          </span>
          <textarea id="f-motivo" name="motivo" rows={2} maxLength={500} aria-describedby="f-motivo-hint">
            {form.values.motivo ?? ''}
          </textarea>
        </div>
        <TeleconsultFields lang={page.lang} values={form.values} />
        <button type="submit">{props.overbook ? t('confirmOverbook') : t('confirmBook')}</button>
      </form>
    </section>
  );
}

export function BookPage(props: BookProps) {
  const { page } = props;
  const t = deskMessages(page.lang);
  const title = props.overbook ? t('overbookTitle') : t('bookTitle');
  const zone = page.center.timeZone;
  const day = formatCivilDay(page.lang, props.start.slice(0, 10));
  return (
    <StaffLayout page={page} title={title}>
      <h1>{title}</h1>
      <Details
        rows={[
          [t('professional'), props.professional.name],
          [t('slot'), `${day} ${timeOf(page.lang, zone, props.start)}`],
        ]}
      />
      {props.overbook && <p class="info">{t('overbookNote')}</p>}
      {props.alert && <Alert>{props.alert}</Alert>}
      {props.patientMissing && <Alert>{props.patientMissing}</Alert>}
      <SearchStep {...props} />
      {props.patient && <ConfirmStep {...props} patient={props.patient} />}
      <p>
        <a href={deskLink(props.filter)}>{t('back')}</a>
      </p>
    </StaffLayout>
  );
}
