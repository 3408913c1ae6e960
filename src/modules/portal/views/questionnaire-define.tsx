// Portal → Cuestionarios (admins): the list, a questionnaire's data form, and its ordered questions.
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { Flash, RowLink, TableHead } from '../../../views/staff-kit.js';
import { StaffLayout } from '../../../views/staff-layout.js';
import type { specialtyView, studyView } from '../../catalog/catalog.service.js';
import { CheckField, describedBy, FormPage, Hint, Problem, TextAreaField } from '../../catalog/views/admin-fields.js';
import { Field, type FormState } from '../../patients/views/form.js';
import { questionnairesMessages } from '../questionnaires.messages.js';
import type { QuestionnaireListRow } from '../questionnaires.repo.js';
import type { QuestionSpec } from '../questionnaires.rules.js';
import { questionnairesStaffMessages } from '../questionnaires.staff.messages.js';

export const DEFINE = '/staff/portal/cuestionarios';

export interface AttachChoices {
  specialties: ReturnType<typeof specialtyView>[];
  studies: ReturnType<typeof studyView>[];
}

export function attachedText(lang: StaffPage['lang'], row: Pick<QuestionnaireListRow, 'specialtyName' | 'studyName'>) {
  const t = questionnairesStaffMessages(lang);
  if (row.specialtyName) return t('specialty', { name: row.specialtyName });
  if (row.studyName) return t('study', { name: row.studyName });
  return t('nothingAttached');
}

export function DefinitionsPage(props: { page: StaffPage; rows: QuestionnaireListRow[]; flash?: string | undefined }) {
  const { page, rows } = props;
  const t = questionnairesStaffMessages(page.lang);
  return (
    <StaffLayout page={page} title={t('listTitle')}>
      <h1>{t('listTitle')}</h1>
      <p class="muted">{t('listIntro')}</p>
      <Flash text={props.flash} />
      <p>
        <a class="button" href={`${DEFINE}/nuevo`}>
          {t('newQuestionnaire')}
        </a>
      </p>
      {rows.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="dense">
            <caption class="sr-only">{t('listTitle')}</caption>
            <TableHead
              columns={[t('colTitle'), t('colAttached'), t('colActive'), t('colQuestions'), t('colSubmitted')]}
              links={t('links')}
            />
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} id={`fila-${r.id}`}>
                  <th scope="row">{r.title}</th>
                  <td>{attachedText(page.lang, r)}</td>
                  <td>{r.active === 1 ? t('yes') : t('no')}</td>
                  <td>{r.questionCount}</td>
                  <td>{r.submittedCount}</td>
                  <td>
                    <RowLink href={`${DEFINE}/${r.id}`} label={t('edit')} row={r.title} />
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

/** Attached to one specialty or one study, or to nothing: one select, so never both. */
function AttachField(props: { page: StaffPage; form: FormState; choices: AttachChoices; label: string }) {
  const t = questionnairesStaffMessages(props.page.lang);
  const error = props.form.errors.attach;
  const selected = props.form.values.attach ?? '';
  const hint = t('fieldAttachHint');
  return (
    <div class="field">
      <label for="f-attach">{props.label}</label>
      <Hint name="attach" hint={hint} />
      <Problem name="attach" error={error} />
      <select
        id="f-attach"
        name="attach"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy('attach', hint, error)}
      >
        <option value="">{t('attachNothing')}</option>
        <optgroup label={t('specialtiesGroup')}>
          {props.choices.specialties.map((s) => (
            <option key={s.id} value={`specialty:${s.id}`} selected={selected === `specialty:${s.id}`}>
              {s.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('studiesGroup')}>
          {props.choices.studies.map((s) => (
            <option key={s.id} value={`study:${s.id}`} selected={selected === `study:${s.id}`}>
              {s.name}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}

function questionSummary(lang: StaffPage['lang'], q: QuestionSpec): string {
  const k = questionnairesMessages(lang);
  const t = questionnairesStaffMessages(lang);
  const parts = [k(`kind_${q.kind}`), q.required ? t('requiredMark') : t('optionalMark')];
  if (q.kind === 'choice') parts.push(q.choices.join(' · '));
  if (q.kind === 'scale') parts.push(`${q.scaleMin ?? 0}–${q.scaleMax ?? 10}`);
  return parts.join(' — ');
}

function MoveButton(props: { page: StaffPage; href: string; label: string; row: string }) {
  return (
    <form method="post" action={props.href} class="inline">
      <Csrf page={props.page} />
      <button type="submit" class="secondary small">
        {props.label}
        <span class="sr-only"> {props.row}</span>
      </button>
    </form>
  );
}

function QuestionList(props: { page: StaffPage; id: number; questions: QuestionSpec[]; submittedCount: number }) {
  const { page, id, questions } = props;
  const t = questionnairesStaffMessages(page.lang);
  const base = `${DEFINE}/${id}/preguntas`;
  return (
    <section aria-labelledby="h-preguntas" id="preguntas">
      <h2 id="h-preguntas">{t('questionsHeading')}</h2>
      {props.submittedCount > 0 && <p class="notice">{t('answeredNote', { n: props.submittedCount })}</p>}
      {questions.length === 0 ? (
        <p class="muted">{t('noQuestions')}</p>
      ) : (
        <>
          <p class="muted">{t('questionsIntro')}</p>
          <ol class="q-define">
            {questions.map((q, i) => (
              <li key={q.questionId} id={`pregunta-${q.questionId}`} class="card">
                <p>
                  <strong>{q.label}</strong>
                </p>
                <p class="muted">{questionSummary(page.lang, q)}</p>
                <p class="actions">
                  <RowLink
                    class="button secondary small"
                    href={`${base}/${q.questionId}`}
                    label={t('editQuestion')}
                    row={q.label}
                  />
                  {i > 0 && (
                    <MoveButton page={page} href={`${base}/${q.questionId}/subir`} label={t('up')} row={q.label} />
                  )}
                  {i < questions.length - 1 && (
                    <MoveButton page={page} href={`${base}/${q.questionId}/bajar`} label={t('down')} row={q.label} />
                  )}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
      <p>
        <a class="button" href={`${base}/nueva`}>
          {t('addQuestion')}
        </a>
      </p>
    </section>
  );
}

export const definitionValues = (q?: {
  title: string;
  intro: string;
  active: number;
  specialtyId: number | null;
  studyId: number | null;
}): Record<string, string> => ({
  title: q?.title ?? '',
  intro: q?.intro ?? '',
  active: !q || q.active === 1 ? '1' : '',
  attach: q?.specialtyId ? `specialty:${q.specialtyId}` : q?.studyId ? `study:${q.studyId}` : '',
});

/** New (no questionnaire) or edit: the data form, and on edit its questions underneath. */
export function DefinitionFormPage(props: {
  page: StaffPage;
  questionnaire: { id: number; title: string; questions: QuestionSpec[]; submittedCount: number } | null;
  form: FormState;
  choices: AttachChoices;
  flash?: string | undefined;
}) {
  const { page, form, questionnaire } = props;
  const t = questionnairesStaffMessages(page.lang);
  const labels = {
    title: t('fieldTitle'),
    intro: t('fieldIntro'),
    active: t('fieldActive'),
    attach: t('fieldAttach'),
  };
  return (
    <FormPage
      page={page}
      title={questionnaire ? t('editTitle', { title: questionnaire.title }) : t('newQuestionnaire')}
      action={questionnaire ? `${DEFINE}/${questionnaire.id}` : `${DEFINE}/nuevo`}
      form={form}
      labels={labels}
      flash={props.flash}
      submit={questionnaire ? t('save') : t('create')}
      back={{ href: DEFINE, label: t('back') }}
      after={
        questionnaire && (
          <QuestionList
            page={page}
            id={questionnaire.id}
            questions={questionnaire.questions}
            submittedCount={questionnaire.submittedCount}
          />
        )
      }
    >
      <Field name="title" label={labels.title} form={form} autocomplete="off" />
      <TextAreaField name="intro" label={labels.intro} hint={t('fieldIntroHint')} form={form} rows={4} />
      <CheckField name="active" label={labels.active} hint={t('fieldActiveHint')} form={form} />
      <AttachField page={page} form={form} choices={props.choices} label={labels.attach} />
    </FormPage>
  );
}
