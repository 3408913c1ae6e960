// One input per question, each tied to its label, hint and problem: a text area, radio buttons for choices,
// yes/no and short scales, a date input, a number box for wide scales. "Obligatoria" is said in words.
import type { Lang } from '../../../platform/i18n/lang.js';
import { questionnairesMessages } from '../questionnaires.messages.js';
import { ANSWER_MAX, type QuestionSpec, scaleSteps } from '../questionnaires.rules.js';

/** The form field of a question (its id in the address is f-q-<id>, what the error summary links to). */
export const answerField = (questionId: number) => `q-${questionId}`;
const idOf = (questionId: number) => `f-${answerField(questionId)}`;

function describedBy(questionId: number, hint: boolean, error: boolean) {
  const ids = [hint ? `${idOf(questionId)}-hint` : '', error ? `${idOf(questionId)}-error` : ''];
  return ids.filter(Boolean).join(' ') || undefined;
}

function Title(props: { lang: Lang; q: QuestionSpec; n: number }) {
  const t = questionnairesMessages(props.lang);
  return (
    <>
      {props.n}. {props.q.label}{' '}
      <span class={props.q.required ? 'q-required' : 'q-optional'}>
        ({props.q.required ? t('required') : t('optional')})
      </span>
    </>
  );
}

function hintOf(lang: Lang, q: QuestionSpec): string {
  const t = questionnairesMessages(lang);
  const extra =
    q.kind === 'date'
      ? t('dateHint')
      : q.kind === 'scale' && scaleSteps(q) === null
        ? t('scaleHint', { min: q.scaleMin ?? 0, max: q.scaleMax ?? 10 })
        : '';
  return [q.help, extra].filter(Boolean).join(' ');
}

function HintAndError(props: { q: QuestionSpec; hint: string; error?: string | undefined }) {
  const id = idOf(props.q.questionId);
  return (
    <>
      {props.hint && (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
    </>
  );
}

/** Radio buttons in a fieldset whose legend is the question. */
function Radios(props: {
  lang: Lang;
  q: QuestionSpec;
  n: number;
  value: string;
  error?: string | undefined;
  hint: string;
  options: { value: string; label: string }[];
  row?: boolean;
}) {
  const { q } = props;
  const id = idOf(q.questionId);
  return (
    <fieldset
      id={id}
      class={props.row ? 'q-field q-row' : 'q-field'}
      aria-describedby={describedBy(q.questionId, props.hint !== '', Boolean(props.error))}
    >
      <legend>
        <Title lang={props.lang} q={q} n={props.n} />
      </legend>
      <HintAndError q={q} hint={props.hint} error={props.error} />
      <ul class="q-options">
        {props.options.map((o, i) => (
          <li key={o.value}>
            <input
              type="radio"
              id={`${id}-${i}`}
              name={answerField(q.questionId)}
              value={o.value}
              checked={props.value === o.value}
              required={q.required}
              aria-invalid={props.error ? 'true' : undefined}
            />
            <label for={`${id}-${i}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function QuestionInput(props: { lang: Lang; q: QuestionSpec; n: number; value: string; error?: string }) {
  const { lang, q, value, error } = props;
  const t = questionnairesMessages(lang);
  const hint = hintOf(lang, q);
  const id = idOf(q.questionId);
  const name = answerField(q.questionId);
  const common = {
    id,
    name,
    required: q.required,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(q.questionId, hint !== '', Boolean(error)),
  };
  const steps = q.kind === 'scale' ? scaleSteps(q) : null;
  if (q.kind === 'choice') {
    const options = q.choices.map((c) => ({ value: c, label: c }));
    return <Radios lang={lang} q={q} n={props.n} value={value} error={error} hint={hint} options={options} />;
  }
  if (q.kind === 'yes_no') {
    const options = [
      { value: 'yes', label: t('yes') },
      { value: 'no', label: t('no') },
    ];
    return <Radios lang={lang} q={q} n={props.n} value={value} error={error} hint={hint} options={options} row />;
  }
  if (steps) {
    const options = steps.map((s) => ({ value: String(s), label: String(s) }));
    return <Radios lang={lang} q={q} n={props.n} value={value} error={error} hint={hint} options={options} row />;
  }
  return (
    <div class="field q-field">
      <label for={id}>
        <Title lang={lang} q={q} n={props.n} />
      </label>
      <HintAndError q={q} hint={hint} error={error} />
      {q.kind === 'text' && (
        <textarea {...common} rows={4} maxLength={ANSWER_MAX}>
          {value}
        </textarea>
      )}
      {q.kind === 'date' && <input {...common} type="date" value={value} min="1900-01-01" max="2199-12-31" />}
      {q.kind === 'scale' && (
        <input
          {...common}
          type="number"
          inputMode="numeric"
          step={1}
          min={q.scaleMin ?? 0}
          max={q.scaleMax ?? 10}
          value={value}
        />
      )}
    </div>
  );
}
