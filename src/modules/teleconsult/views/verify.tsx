// Validar token: the form (DNI or one of today's teleconsultation turnos, and the code), the confirmation of
// a recorded conformity with its constancia, today's teleconsultations and the patients locked out.
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { Flash, RowLink, TableHead } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Alert, ErrorSummary, Field, type FormState } from '../../patients/views/form.js';
import type { ConformityView, lockedPatients, todaysTeleconsults } from '../conformity.service.js';
import { dmy, verifyMessages } from '../verify.messages.js';

type Turno = Awaited<ReturnType<typeof todaysTeleconsults>>[number];
type Locked = Awaited<ReturnType<typeof lockedPatients>>[number];

export const constanciaHref = (id: number) => `/staff/teleconsultas/constancias/${id}/pdf`;

export interface VerifyPageProps {
  page: StaffPage;
  form: FormState;
  digits: number;
  turnos: Turno[];
  /** null: the actor may not lift locks. */
  locked: Locked[] | null;
  done?: ConformityView | undefined;
  alert?: string | undefined;
  flash?: string | undefined;
}

function Confirmation(props: { page: StaffPage; c: ConformityView }) {
  const t = verifyMessages(props.page.lang);
  const { c } = props;
  const turno =
    c.turnoDate && c.turnoTime
      ? [t('at', { date: dmy(c.turnoDate), time: c.turnoTime }), c.professional, c.service].filter(Boolean).join(' — ')
      : t('okNoTurno');
  const rows: [string, string][] = [
    [t('okPatient'), `${c.patientName} (DNI ${c.dni})`],
    [t('okTurno'), turno],
    [t('okWhen'), t('at', { date: dmy(c.verifiedDate), time: c.verifiedTime })],
    [t('okKind'), t(c.codeKind === 'printed' ? 'kind_printed' : 'kind_dynamic')],
    [t('okBy'), c.verifiedBy],
  ];
  return (
    <section class="ok" role="status" aria-labelledby="conformidad">
      <h2 id="conformidad">{t('okTitle')}</h2>
      <dl>
        {rows.map(([label, value]) => [<dt key={`${label}-t`}>{label}</dt>, <dd key={`${label}-d`}>{value}</dd>])}
      </dl>
      <p class="actions">
        <a class="button" href={constanciaHref(c.id)}>
          {t('print')}
        </a>
        <a class="button secondary" href="/staff/teleconsultas/validar">
          {t('another')}
        </a>
      </p>
    </section>
  );
}

function TurnoSelect(props: { page: StaffPage; form: FormState; turnos: Turno[] }) {
  const t = verifyMessages(props.page.lang);
  const selected = props.form.values.turno ?? '';
  const open = props.turnos.filter((x) => x.conformityId === null);
  return (
    <div class="field">
      <label for="f-turno">{t('turno')}</label>
      <select id="f-turno" name="turno">
        <option value="">{t('noTurno')}</option>
        {open.map((x) => (
          <option key={x.id} value={String(x.id)} selected={String(x.id) === selected}>
            {`${x.time} — ${x.patientName} (DNI ${x.dni}) — ${x.professional}`}
          </option>
        ))}
        {selected && !open.some((x) => String(x.id) === selected) && (
          <option value={selected} selected>
            {`${t('turno')} ${selected}`}
          </option>
        )}
      </select>
    </div>
  );
}

function TodayTable(props: { page: StaffPage; turnos: Turno[] }) {
  const t = verifyMessages(props.page.lang);
  if (props.turnos.length === 0) return <p class="muted">{t('todayEmpty')}</p>;
  return (
    <div class="table-wrap">
      <table class="dense">
        <TableHead columns={[t('colTime'), t('colPatient'), t('colProfessional'), t('colState')]} links={t('pick')} />
        <tbody>
          {props.turnos.map((x) => {
            const about = t('pickFor', { time: x.time, patient: x.patientName });
            return (
              <tr key={x.id}>
                <td class="nowrap">{x.time}</td>
                <td>
                  {x.patientName} <span class="muted">DNI {x.dni}</span>
                </td>
                <td>{x.professional}</td>
                <td>
                  {x.conformityId !== null && x.verifiedTime ? (
                    <a href={constanciaHref(x.conformityId)}>{t('recorded', { time: x.verifiedTime })}</a>
                  ) : (
                    t('pending')
                  )}
                </td>
                <td>
                  {x.conformityId === null && (
                    <RowLink
                      class="button small"
                      href={`/staff/teleconsultas/validar?turno=${x.id}`}
                      label={t('pick')}
                      row={about}
                    />
                  )}{' '}
                  {x.videoUrl && (
                    <a class="button small secondary" href={x.videoUrl} target="_blank" rel="noopener noreferrer">
                      {t('video')}
                      <span class="sr-only"> {about}</span>
                    </a>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function LockedList(props: { page: StaffPage; locked: Locked[] }) {
  const t = verifyMessages(props.page.lang);
  if (props.locked.length === 0) return null;
  return (
    <section aria-labelledby="bloqueados">
      <h2 id="bloqueados">{t('lockedTitle')}</h2>
      <p class="muted">{t('lockedIntro')}</p>
      <ul>
        {props.locked.map((l) => (
          <li key={l.patientId}>
            {l.name} (DNI {l.dni}), {t('lockedUntil', { time: l.until })}{' '}
            <form method="post" action="/staff/teleconsultas/desbloquear" class="inline">
              <Csrf page={props.page} />
              <input type="hidden" name="paciente" value={String(l.patientId)} />
              <button type="submit" class="small secondary">
                {t('unlock')}
                <span class="sr-only"> {t('unlockFor', { name: l.name })}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function VerifyPage(props: VerifyPageProps) {
  const { page, form } = props;
  const t = verifyMessages(page.lang);
  return (
    <StaffLayout page={page} title={t('title')}>
      <h1>{t('title')}</h1>
      <Flash text={props.flash} />
      {props.done && <Confirmation page={page} c={props.done} />}
      <p>{t('intro')}</p>
      {props.alert && <Alert id="verify-alert">{props.alert}</Alert>}
      <ErrorSummary lang={page.lang} errors={form.errors} labels={{ dni: t('dni'), code: t('code') }} />
      <form method="post" action="/staff/teleconsultas/validar" novalidate>
        <Csrf page={page} />
        <TurnoSelect page={page} form={form} turnos={props.turnos} />
        <Field
          name="dni"
          label={t('dni')}
          hint={t('dniHint')}
          form={form}
          inputMode="numeric"
          autocomplete="off"
          required={false}
          alertId={props.alert ? 'verify-alert' : undefined}
        />
        <Field
          name="code"
          label={t('code')}
          hint={t('codeHint', { digits: props.digits })}
          form={{ values: {}, errors: form.errors }}
          inputMode="numeric"
          autocomplete="one-time-code"
          alertId={props.alert ? 'verify-alert' : undefined}
        />
        <p class="actions">
          <button type="submit">{t('submit')}</button>
        </p>
      </form>
      <h2>{t('todayTitle')}</h2>
      <TodayTable page={page} turnos={props.turnos} />
      {props.locked && <LockedList page={page} locked={props.locked} />}
    </StaffLayout>
  );
}
