// A patient's record → Cuestionarios: what was asked and its state, asking one more, and the answers.
import type { Patient } from '../../../platform/db/schema.js';
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { Flash, RowLink, TableHead } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import { Alert } from '../../patients/views/form.js';
import { PatientTabs } from '../../patients/views/patient-tabs.js';
import type { RequestView } from '../questionnaire-requests.service.js';
import type { PatientQuestionnaires } from '../questionnaire-requests.staff.service.js';
import { stampText, turnoWhen } from '../questionnaires.format.js';
import { questionnairesMessages } from '../questionnaires.messages.js';
import { questionnairesStaffMessages } from '../questionnaires.staff.messages.js';
import { AnswersList } from './questionnaire-answers.js';

export const patientBase = (patientId: number) => `/staff/pacientes/${patientId}/cuestionarios`;
const fullName = (p: Patient) => `${p.lastName}, ${p.firstName}`;

function forText(page: StaffPage, r: RequestView): string {
  const t = questionnairesStaffMessages(page.lang);
  if (!r.turno) return t('byStaff');
  const when = turnoWhen(page.lang, page.center.timeZone, r.turno.startsAt);
  return questionnairesMessages(page.lang)('forTurnoStaff', {
    when: r.turno.what ? `${when} (${r.turno.what})` : when,
  });
}

function AssignForm(props: { page: StaffPage; data: PatientQuestionnaires; selected: string; error?: string }) {
  const { page, data } = props;
  const t = questionnairesStaffMessages(page.lang);
  if (data.askable.length === 0) return <p class="muted">{t('noAskable')}</p>;
  return (
    <form method="post" action={patientBase(data.patient.id)} class="card" novalidate>
      <Csrf page={page} />
      <fieldset>
        <legend>{t('assignLegend')}</legend>
        <label for="f-questionnaireId">{t('assignField')}</label>
        <span class="hint" id="f-questionnaireId-hint">
          {t('assignHint')}
        </span>
        {props.error && (
          <p class="field-error" id="f-questionnaireId-error">
            {props.error}
          </p>
        )}
        <select
          id="f-questionnaireId"
          name="questionnaireId"
          required
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? 'f-questionnaireId-hint f-questionnaireId-error' : 'f-questionnaireId-hint'}
        >
          <option value="">{t('chooseQuestionnaire')}</option>
          {data.askable.map((q) => (
            <option key={q.id} value={String(q.id)} selected={props.selected === String(q.id)}>
              {q.title}
            </option>
          ))}
        </select>
        <button type="submit">{t('assign')}</button>
      </fieldset>
    </form>
  );
}

export function PatientQuestionnairesPage(props: {
  page: StaffPage;
  data: PatientQuestionnaires;
  flash?: string | undefined;
  alert?: string | undefined;
  fieldError?: string | undefined;
  selected?: string;
}) {
  const { page, data } = props;
  const t = questionnairesStaffMessages(page.lang);
  const k = questionnairesMessages(page.lang);
  const zone = page.center.timeZone;
  const title = t('patientTitle', { name: fullName(data.patient) });
  return (
    <StaffLayout page={page} title={title}>
      <h1>{title}</h1>
      <PatientTabs page={page} patientId={data.patient.id} current="questionnaires" />
      <Flash text={props.flash} />
      {props.alert && <Alert>{props.alert}</Alert>}
      <AssignForm page={page} data={data} selected={props.selected ?? ''} error={props.fieldError} />
      <h2>{t('requestsHeading')}</h2>
      {data.requests.length === 0 ? (
        <p class="muted">{t('noRequests')}</p>
      ) : (
        <div class="table-wrap">
          <table class="dense">
            <caption class="sr-only">{t('requestsHeading')}</caption>
            <TableHead
              columns={[t('colQuestionnaire'), t('colFor'), t('colStatus'), t('colRequested'), t('colSent')]}
              links={t('links')}
            />
            <tbody>
              {data.requests.map((r) => (
                <tr key={r.id} id={`fila-${r.id}`}>
                  <th scope="row">{r.title}</th>
                  <td>{forText(page, r)}</td>
                  <td>
                    <span class={`status q-${r.status}`}>{k(`status_${r.status}`)}</span>
                  </td>
                  <td>{stampText(page.lang, zone, r.requestedAt)}</td>
                  <td>{r.submittedAt ? stampText(page.lang, zone, r.submittedAt) : '—'}</td>
                  <td>
                    <RowLink
                      href={`${patientBase(data.patient.id)}/${r.id}`}
                      label={r.status === 'submitted' ? t('viewAnswers') : t('viewRequest')}
                      row={r.title}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffLayout>
  );
}

export function StaffAnswersPage(props: { page: StaffPage; patient: Patient; request: RequestView }) {
  const { page, patient, request } = props;
  const t = questionnairesStaffMessages(page.lang);
  const k = questionnairesMessages(page.lang);
  const zone = page.center.timeZone;
  const base = `${patientBase(patient.id)}/${request.id}`;
  const title = `${request.title} · ${fullName(patient)}`;
  return (
    <StaffLayout page={page} title={title}>
      <p>
        <a href={patientBase(patient.id)}>{t('backToPatient')}</a>
      </p>
      <h1>{title}</h1>
      <PatientTabs page={page} patientId={patient.id} current="questionnaires" />
      <p>
        <span class={`status q-${request.status}`}>{k(`status_${request.status}`)}</span> · {forText(page, request)}
      </p>
      <p>{t('requestedOn', { when: stampText(page.lang, zone, request.requestedAt) })}</p>
      {request.status !== 'submitted' || !request.submittedAt ? (
        <p class="notice">{t('notSentYet')}</p>
      ) : (
        <>
          <p>
            <strong>{t('sentOn', { when: stampText(page.lang, zone, request.submittedAt) })}</strong>
          </p>
          <p class="actions">
            <a class="button secondary" href={`${base}/respuestas.pdf`}>
              {t('pdfView')}
            </a>
            <a class="button secondary" href={`${base}/respuestas.pdf?descargar=1`} download>
              {t('pdfDownload')}
            </a>
          </p>
          <h2>{t('answersHeading')}</h2>
          <AnswersList lang={page.lang} items={request.questions} />
        </>
      )}
    </StaffLayout>
  );
}
