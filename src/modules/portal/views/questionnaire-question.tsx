// One question of a questionnaire, new or edited, and its removal (answers already sent keep it as asked).
import { Csrf } from '../../../views/layout.js';
import type { StaffPage } from '../../../views/page.js';
import { CheckField, FormPage, TextAreaField } from '../../catalog/views/admin-fields.js';
import { Field, type FormState, SelectField } from '../../patients/views/form.js';
import { questionnairesMessages } from '../questionnaires.messages.js';
import { QUESTION_KINDS, type QuestionSpec } from '../questionnaires.rules.js';
import { questionnairesStaffMessages } from '../questionnaires.staff.messages.js';
import { DEFINE } from './questionnaire-define.js';

export const questionValues = (q?: QuestionSpec): Record<string, string> => ({
  kind: q?.kind ?? 'text',
  label: q?.label ?? '',
  help: q?.help ?? '',
  required: q?.required ? '1' : '',
  choices: q?.choices.join('\n') ?? '',
  scaleMin: String(q?.scaleMin ?? 0),
  scaleMax: String(q?.scaleMax ?? 10),
});

export function QuestionFormPage(props: {
  page: StaffPage;
  questionnaire: { id: number; title: string };
  question: QuestionSpec | null;
  form: FormState;
}) {
  const { page, form, questionnaire, question } = props;
  const t = questionnairesStaffMessages(page.lang);
  const k = questionnairesMessages(page.lang);
  const base = `${DEFINE}/${questionnaire.id}/preguntas`;
  const labels = {
    kind: t('fieldKind'),
    label: t('fieldLabel'),
    help: t('fieldHelp'),
    required: t('fieldRequired'),
    choices: t('fieldChoices'),
    scaleMin: t('fieldScaleMin'),
    scaleMax: t('fieldScaleMax'),
  };
  const kinds = QUESTION_KINDS.map((kind) => ({ value: kind, label: k(`kind_${kind}`) }));
  return (
    <FormPage
      page={page}
      title={
        question
          ? t('editQuestionTitle', { title: questionnaire.title })
          : t('newQuestionTitle', { title: questionnaire.title })
      }
      action={question ? `${base}/${question.questionId}` : `${base}/nueva`}
      form={form}
      labels={labels}
      submit={question ? t('saveQuestion') : t('addQuestion')}
      back={{ href: `${DEFINE}/${questionnaire.id}#preguntas`, label: t('editTitle', { title: questionnaire.title }) }}
      after={
        question && (
          <form method="post" action={`${base}/${question.questionId}/quitar`} class="card">
            <Csrf page={page} />
            <p class="hint" id="remove-hint">
              {t('removeHint')}
            </p>
            <button type="submit" class="danger" aria-describedby="remove-hint">
              {t('removeQuestion')}
            </button>
          </form>
        )
      }
    >
      <SelectField name="kind" label={labels.kind} form={form} options={kinds} lang={page.lang} />
      <TextAreaField name="label" label={labels.label} form={form} rows={2} />
      <TextAreaField name="help" label={labels.help} hint={t('fieldHelpHint')} form={form} rows={2} />
      <CheckField name="required" label={labels.required} hint={t('fieldRequiredHint')} form={form} />
      <TextAreaField name="choices" label={labels.choices} hint={t('fieldChoicesHint')} form={form} rows={5} />
      <fieldset>
        <legend>{k('kind_scale')}</legend>
        <p class="hint">{t('fieldScaleHint')}</p>
        <Field name="scaleMin" label={labels.scaleMin} form={form} type="number" required={false} inputMode="numeric" />
        <Field name="scaleMax" label={labels.scaleMax} form={form} type="number" required={false} inputMode="numeric" />
      </fieldset>
    </FormPage>
  );
}
