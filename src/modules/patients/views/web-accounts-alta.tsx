// "Alta en web": pick a patient of the register (or create one), then the account's DNI, e-mail, password and
// whether it starts activated or gets the activation mail.
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { RowLink } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import type { patientView } from '../patients.service.js';
import { patientsStaffMessages } from '../patients.staff.messages.js';
import { DRAFT_FIELD } from '../web-accounts.staff.form.js';
import { webAccountsMessages } from '../web-accounts.staff.messages.js';
import { Alert, ErrorSummary, Field, type FormState } from './form.js';
import { type Choice, FIELD_KEYS, PatientFields } from './staff-patients.js';
import { DraftNotice } from './web-account.js';

type PatientRow = ReturnType<typeof patientView>;
const ALTA = '/staff/web/pacientes/alta';

export interface AltaProps {
  page: StaffPage;
  /** The DNI or last name searched, and what it found (null: nothing searched yet). */
  q: string;
  results: { patient: PatientRow; hasAccount: boolean }[] | null;
  /** The patient of the register the account is for; null with `isNew` for a new one. */
  chosen: PatientRow | null;
  isNew: boolean;
  form: FormState;
  insurers: Choice[];
  alert?: string | undefined;
  /** The signed mark the form carries (see DRAFT_FIELD). */
  draftMark: string;
  /** The form was filled from the address, after the session ended: say so before anything is saved. */
  restored?: boolean | undefined;
}

const nameOf = (p: PatientRow) => `${p.lastName}, ${p.firstName}`;

function PatientSearch(props: AltaProps) {
  const { page } = props;
  const t = webAccountsMessages(page.lang);
  // A DNI searched and not found comes along to the new patient's form, so it is not typed twice.
  const dni = props.results?.length === 0 && /^[\d.\s]+$/.test(props.q) ? props.q : '';
  return (
    <>
      <form method="get" action={ALTA} class="filters" aria-label={t('findForm')}>
        <label>
          {t('find')}
          <input name="buscar" value={props.q} aria-describedby="buscar-hint" autoComplete="off" />
        </label>
        <button type="submit">{t('findButton')}</button>
      </form>
      <p class="hint" id="buscar-hint">
        {t('findHint')}
      </p>
      {props.results !== null &&
        (props.results.length === 0 ? (
          <p role="status">{t('notFound', { q: props.q })}</p>
        ) : (
          <div class="table-wrap">
            <p role="status">{t('found', { n: props.results.length })}</p>
            <table class="dense">
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('dni')}</th>
                  <th scope="col">{t('email')}</th>
                  <th scope="col">{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {props.results.map(({ patient: p, hasAccount }) => (
                  <tr key={p.id}>
                    <th scope="row">{nameOf(p)}</th>
                    <td>{p.dni}</td>
                    <td>{p.email ?? ''}</td>
                    <td>
                      {hasAccount ? (
                        <>
                          {t('hasAccount')}:{' '}
                          <a href={`/staff/web/pacientes/${p.id}`}>
                            {t('edit')}
                            <span class="sr-only">: {nameOf(p)}</span>
                          </a>
                        </>
                      ) : (
                        <RowLink href={`${ALTA}?paciente=${p.id}`} label={t('choose')} row={nameOf(p)} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      <p>
        <a class="button secondary" href={dni ? `${ALTA}?nuevo=1&dni=${encodeURIComponent(dni)}` : `${ALTA}?nuevo=1`}>
          {t('newPatient')}
        </a>
        <span class="hint">{t('newPatientHint')}</span>
      </p>
    </>
  );
}

function ActivationChoice(props: { page: StaffPage; form: FormState }) {
  const t = webAccountsMessages(props.page.lang);
  const error = props.form.errors.activacion;
  const chosen = props.form.values.activacion ?? '';
  const options = [
    ['activado', t('activationNow')],
    ['mail', t('activationMail')],
  ] as const;
  return (
    <fieldset id="f-activacion" class="choice-list" aria-describedby={error ? 'f-activacion-error' : undefined}>
      <legend>{t('activation')}</legend>
      {error && (
        <p class="field-error" id="f-activacion-error">
          {error}
        </p>
      )}
      {options.map(([value, label]) => (
        <div key={value}>
          <input type="radio" id={`f-activacion-${value}`} name="activacion" value={value} checked={chosen === value} />
          <label class="choice" for={`f-activacion-${value}`}>
            {label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function WebAccountAltaPage(props: AltaProps) {
  const { page, form, chosen } = props;
  const t = webAccountsMessages(page.lang);
  const p = patientsStaffMessages(page.lang);
  const labels: Record<string, string> = {
    ...Object.fromEntries(FIELD_KEYS.map((k) => [k, p(k === 'insurerId' ? 'insurer' : k)])),
    password: t('passwordNew'),
    activacion: t('activation'),
  };
  const account = chosen !== null || props.isNew;
  return (
    <StaffLayout page={page} title={t('newAccount')}>
      <p>
        <a href="/staff/web/pacientes">{t('back')}</a>
      </p>
      <h1>{t('newAccount')}</h1>
      <p>{t('altaIntro')}</p>
      {props.alert && <Alert>{props.alert}</Alert>}
      <ErrorSummary lang={page.lang} errors={form.errors} labels={labels} />
      <section aria-labelledby="step1">
        <h2 id="step1">{t('step1')}</h2>
        {account ? (
          <p>
            <strong>{chosen ? t('chosen', { name: nameOf(chosen), dni: chosen.dni }) : t('newPatientTitle')}</strong> ·{' '}
            <a href={ALTA}>{t('changePatient')}</a>
          </p>
        ) : (
          <PatientSearch {...props} />
        )}
      </section>
      {account && (
        <section aria-labelledby="step2">
          <h2 id="step2">{t('step2')}</h2>
          <form method="post" action={ALTA} class="card two-columns" novalidate>
            <Csrf page={page} />
            <input type="hidden" name={DRAFT_FIELD} value={props.draftMark} />
            {props.restored && <DraftNotice text={t('draftRestored')} />}
            {chosen ? (
              <>
                <input type="hidden" name="patientId" value={String(chosen.id)} />
                <Field
                  name="dni"
                  label={t('dni')}
                  hint={t('dniHint')}
                  form={form}
                  inputMode="numeric"
                  autocomplete="off"
                />
                <Field name="email" label={t('email')} form={form} type="email" autocomplete="off" />
              </>
            ) : (
              <>
                <input type="hidden" name="nuevo" value="1" />
                <PatientFields page={page} form={form} insurers={props.insurers} />
              </>
            )}
            <Field
              name="password"
              label={t('passwordNew')}
              hint={t('passwordNewHint')}
              form={form}
              type="password"
              autocomplete="new-password"
            />
            <ActivationChoice page={page} form={form} />
            <button type="submit">{t('create')}</button>
          </form>
        </section>
      )}
    </StaffLayout>
  );
}
