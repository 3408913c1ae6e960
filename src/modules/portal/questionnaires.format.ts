// Answers and dates of questionnaires as people read them: on the pages of both sides and in the PDF.
import { formatLongDay, formatStamp, formatTime } from '../../platform/calendar/format.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { questionnairesMessages } from './questionnaires.messages.js';
import type { AnswerItem } from './questionnaires.rules.js';

/** A civil date as the page's language writes it: 23/11/2026, 11/23/2026. */
export function civilDateText(lang: Lang, date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return lang === 'es' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[2]}/${m[3]}/${m[1]}`;
}

/** What the patient answered, in words ("Sí", "23/11/2026", "7 (de 0 a 10)"), or "Sin respuesta". */
export function answerText(lang: Lang, item: AnswerItem): string {
  const t = questionnairesMessages(lang);
  if (item.value === '') return t('noAnswer');
  switch (item.kind) {
    case 'yes_no':
      return item.value === 'yes' ? t('yes') : item.value === 'no' ? t('no') : item.value;
    case 'date':
      return civilDateText(lang, item.value);
    case 'scale':
      return item.scaleMin !== null && item.scaleMax !== null
        ? `${item.value} (${item.scaleMin}–${item.scaleMax})`
        : item.value;
    default:
      return item.value;
  }
}

/** "jueves, 26 de noviembre de 2026 a las 10:00", in the center's zone. */
export function turnoWhen(lang: Lang, zone: string, startsAt: string): string {
  const ms = Date.parse(startsAt);
  return questionnairesMessages(lang)('atTime', {
    day: formatLongDay(lang, zone, ms),
    time: formatTime(lang, zone, ms),
  });
}

/** "23/11/2026 09:00": when something was saved or sent. */
export const stampText = (lang: Lang, zone: string, iso: string) => formatStamp(lang, zone, Date.parse(iso));
