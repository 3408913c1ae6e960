// The back office's patient register: search, record (create and edit), latest turnos, merging a duplicate.

import { formatStamp } from '../../../platform/calendar/format.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { Flash, RowLink, TableHead } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import type { PortalAccessStatus } from '../../portal/portal-access.service.js';
import { PortalAccessBox } from '../../portal/views/first-access-staff-box.js';
import { appointmentMessages, statusKey } from '../../scheduling/appointment.messages.js';
import type { AppointmentView } from '../../scheduling/appointment.view.js';
import type { patientRecordView, patientView } from '../patients.service.js';
import { patientsStaffMessages } from '../patients.staff.messages.js';
import { Alert, ErrorSummary, Field, type FormState, SelectField, sexOptions } from './form.js';
import { PatientTabs } from './patient-tabs.js';

type PatientRow = ReturnType<typeof patientView>;
type PatientRecordRow = ReturnType<typeof patientRecordView>;
export interface Choice {
  value: string;
  label: string;
}

export function PatientSearchPage(props: { page: StaffPage; q: string; results: PatientRow[] | null; flash?: string }) {
  const { page } = props;
  const t = patientsStaffMessages(page.lang);
  return (
    <StaffLayout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <Flash text={props.flash} />
      <form method="get" action="/staff/pacientes" class="filters" aria-label={t('search')}>
        <label>
          {t('search')}
          <input name="q" value={props.q} aria-describedby="q-hint" />
        </label>
        <button type="submit">{t('searchButton')}</button>
        <a class="button secondary" href="/staff/pacientes/nuevo">
          {t('newPatient')}
        </a>
      </form>
      <p class="hint" id="q-hint">
        {t('searchHint')}
      </p>
      {props.results !== null &&
        (props.results.length === 0 ? (
          <p class="muted">{t('none')}</p>
        ) : (
          <div class="table-wrap">
            <p role="status">{t('results', { n: props.results.length })}</p>
            <table class="dense">
              <TableHead columns={[t('name'), t('dni'), t('mobile'), t('email')]} links={t('open')} />
              <tbody>
                {props.results.map((p) => (
                  <tr key={p.id}>
                    <td>
                      {p.lastName}, {p.firstName}
                    </td>
                    <td>{p.dni}</td>
                    <td>{p.mobile ?? ''}</td>
                    <td>{p.email ?? ''}</td>
                    <td>
                      <RowLink
                        href={`/staff/pacientes/${p.id}`}
                        label={t('open')}
                        row={`${p.lastName}, ${p.firstName}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </StaffLayout>
  );
}

export function PatientFields(props: { page: StaffPage; form: FormState; insurers: Choice[] }) {
  const { page, form } = props;
  const t = patientsStaffMessages(page.lang);
  return (
    <>
      <Field name="dni" label={t('dni')} form={form} inputMode="numeric" autocomplete="off" />
      <Field name="lastName" label={t('lastName')} form={form} autocomplete="off" />
      <Field name="firstName" label={t('firstName')} form={form} autocomplete="off" />
      <SelectField
        name="sex"
        label={t('sex')}
        form={form}
        options={sexOptions(page.lang)}
        lang={page.lang}
        required={false}
      />
      <Field name="birthDate" label={t('birthDate')} type="date" form={form} required={false} />
      <Field name="email" label={t('email')} type="email" form={form} required={false} autocomplete="off" />
      <Field name="mobile" label={t('mobile')} type="tel" form={form} required={false} autocomplete="off" />
      <Field name="address" label={t('address')} form={form} required={false} autocomplete="off" />
      <SelectField
        name="insurerId"
        label={t('insurer')}
        form={form}
        options={props.insurers}
        hint={t('noInsurer')}
        lang={page.lang}
        required={false}
      />
      <Field name="memberNumber" label={t('memberNumber')} form={form} required={false} autocomplete="off" />
      <Field name="insurancePlan" label={t('insurancePlan')} form={form} required={false} autocomplete="off" />
      <Field
        name="dniTramite"
        label={t('dniTramite')}
        hint={t('dniTramiteHint')}
        form={form}
        inputMode="numeric"
        required={false}
        autocomplete="off"
      />
    </>
  );
}

export const FIELD_KEYS = [
  'dni',
  'lastName',
  'firstName',
  'sex',
  'birthDate',
  'email',
  'mobile',
  'address',
  'insurerId',
  'memberNumber',
  'insurancePlan',
  'dniTramite',
] as const;

export function PatientFormPage(props: {
  page: StaffPage;
  patient: PatientRecordRow | null;
  form: FormState;
  insurers: Choice[];
  turnos?: { view: AppointmentView; professional: string }[];
  webAccount?: boolean;
  portal?: PortalAccessStatus;
  flash?: string | undefined;
  alert?: string | undefined;
  mergeForm?: FormState;
}) {
  const { page, patient, form } = props;
  const t = patientsStaffMessages(page.lang);
  const a = appointmentMessages(page.lang);
  const labels = Object.fromEntries(FIELD_KEYS.map((k) => [k, t(k === 'insurerId' ? 'insurer' : k)]));
  const title = patient ? `${patient.lastName}, ${patient.firstName}` : t('newPatient');
  const action = patient ? `/staff/pacientes/${patient.id}` : '/staff/pacientes/nuevo';
  return (
    <StaffLayout page={page} title={title}>
      <p>
        <a href="/staff/pacientes">{t('back')}</a>
      </p>
      <h1>{title}</h1>
      {patient && <PatientTabs page={page} patientId={patient.id} current="record" />}
      <Flash text={props.flash} />
      {props.alert && <Alert>{props.alert}</Alert>}
      <ErrorSummary lang={page.lang} errors={form.errors} labels={labels} />
      {patient && (
        <p class="muted">
          {t('webAccount')}: {props.webAccount ? t('yes') : t('no')}
        </p>
      )}
      <form method="post" action={action} class="card two-columns" novalidate>
        <Csrf page={page} />
        <PatientFields page={page} form={form} insurers={props.insurers} />
        <button type="submit">{patient ? t('save') : t('create')}</button>
      </form>
      {patient && props.portal && <PortalAccessBox page={page} patientId={patient.id} status={props.portal} />}
      {patient && (
        <>
          <h2>{t('turnos')}</h2>
          {props.turnos && props.turnos.length > 0 ? (
            <table class="dense">
              <thead>
                <tr>
                  <th scope="col">{t('when')}</th>
                  <th scope="col">{a('professional')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('origin')}</th>
                </tr>
              </thead>
              <tbody>
                {props.turnos.map(({ view, professional }) => (
                  <tr key={view.id}>
                    <td>{formatStamp(page.lang, page.center.timeZone, Date.parse(view.start))}</td>
                    <td>{professional}</td>
                    <td>{a(statusKey(view.status))}</td>
                    <td>{view.origin === 'web' ? 'WEB' : view.typeLabel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="muted">{t('noTurnos')}</p>
          )}
          <h2>{t('mergeTitle')}</h2>
          <form method="get" action={`/staff/pacientes/${patient.id}/fusionar`} class="card narrow">
            <p>{t('mergeText')}</p>
            <Field
              name="dni"
              label={t('mergeDni')}
              form={props.mergeForm ?? { values: {}, errors: {} }}
              inputMode="numeric"
            />
            <button type="submit">{t('mergePreview')}</button>
          </form>
        </>
      )}
    </StaffLayout>
  );
}

export function MergeConfirmPage(props: {
  page: StaffPage;
  keep: PatientRow;
  drop: PatientRow;
  counts: { keep: number; drop: number };
  webAccounts: { keep: boolean; drop: boolean };
}) {
  const { page, keep, drop, webAccounts } = props;
  const t = patientsStaffMessages(page.lang);
  const who = (p: PatientRow) => `${p.lastName}, ${p.firstName} (DNI ${p.dni})`;
  const rows: [string, (p: PatientRow) => string][] = [
    [t('dni'), (p) => p.dni],
    [t('name'), (p) => `${p.lastName}, ${p.firstName}`],
    [t('birthDate'), (p) => p.birthDate ?? ''],
    [t('email'), (p) => p.email ?? ''],
    [t('mobile'), (p) => p.mobile ?? ''],
    [t('memberNumber'), (p) => p.memberNumber],
  ];
  return (
    <StaffLayout page={page} title={t('mergeConfirmTitle')}>
      <h1>{t('mergeConfirmTitle')}</h1>
      <p class="notice">{t('mergeConfirmText', { keep: who(keep), drop: who(drop) })}</p>
      {webAccounts.drop && (
        <p class="notice" id="merge-web">
          {webAccounts.keep ? <strong>{t('mergeWebBoth')}</strong> : t('mergeWebMoves')}
        </p>
      )}
      {drop.disabled && !keep.disabled && <p class="notice">{t('mergeDisabled')}</p>}
      <table class="dense">
        <thead>
          <tr>
            <th scope="col">
              <span class="sr-only">{t('name')}</span>
            </th>
            <th scope="col">{t('keep')}</th>
            <th scope="col">{t('drop')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value(keep)}</td>
              <td>{value(drop)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('turnosCount')}</th>
            <td>{props.counts.keep}</td>
            <td>{props.counts.drop}</td>
          </tr>
          <tr>
            <th scope="row">{t('webAccount')}</th>
            <td>{webAccounts.keep ? t('yes') : t('no')}</td>
            <td>{webAccounts.drop ? t('yes') : t('no')}</td>
          </tr>
        </tbody>
      </table>
      <form method="post" action={`/staff/pacientes/${keep.id}/fusionar`} class="actions">
        <Csrf page={page} />
        <input type="hidden" name="dropId" value={String(drop.id)} />
        <button type="submit" class="danger">
          {t('mergeButton')}
        </button>
        <a class="button secondary" href={`/staff/pacientes/${keep.id}`}>
          {t('cancel')}
        </a>
      </form>
    </StaffLayout>
  );
}
