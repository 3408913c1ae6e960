// Sent answers, read only: each question as it was asked and what the patient answered (both sides show it).
import type { Lang } from '../../../platform/i18n/lang.js';
import { answerText } from '../questionnaires.format.js';
import type { AnswerItem } from '../questionnaires.rules.js';

export function AnswersList(props: { lang: Lang; items: readonly AnswerItem[] }) {
  return (
    <dl class="q-answers">
      {props.items.map((item, i) => (
        <div key={item.questionId} class="q-answer">
          <dt>
            {i + 1}. {item.label}
          </dt>
          <dd class={item.value === '' ? 'muted' : undefined}>{answerText(props.lang, item)}</dd>
        </div>
      ))}
    </dl>
  );
}
