import { defineMessages } from '../../platform/i18n/messages.js';
import type { MobileProblem } from './phone.rules.js';
import type { TemplateProblem } from './templates.rules.js';

interface ProblemParams {
  token: string;
  suggestion?: string;
}

/** What the template editor and the desk say about the rules' findings. */
export const messagingRulesMessages = defineMessages(
  {
    unknownPlaceholder: (p: ProblemParams) =>
      `${p.token} no es un dato que el sistema conozca${p.suggestion ? `: ¿quisiste poner ${p.suggestion}?` : '.'}`,
    malformedPlaceholder: (p: ProblemParams) =>
      `${p.token} está mal escrito: cada dato va entre dos corchetes de cada lado${p.suggestion ? `, así: ${p.suggestion}` : ''}.`,
    mobile_empty: 'No tiene celular cargado.',
    mobile_not_a_number: 'El celular tiene letras o signos que no son de un número de teléfono.',
    mobile_too_short: 'Al celular le faltan números: escribilo con código de área, por ejemplo 11 1234-5678.',
    mobile_too_long: 'El celular tiene números de más.',
    mobile_missing_area_code: 'Al celular le falta el código de área, por ejemplo 11 o 351.',
    mobile_not_mobile: 'Es un número válido pero no de celular: no puede recibir mensajes.',
    mobile_foreign: 'Es un celular del exterior: este proveedor solo envía a la Argentina.',
    mobile_invalid: 'No existe un celular con ese número: revisá el código de área.',
  },
  {
    unknownPlaceholder: (p: ProblemParams) =>
      `${p.token} is not a field the system knows${p.suggestion ? `: did you mean ${p.suggestion}?` : '.'}`,
    malformedPlaceholder: (p: ProblemParams) =>
      `${p.token} is badly written: each field goes between two brackets on each side${p.suggestion ? `, like this: ${p.suggestion}` : ''}.`,
    mobile_empty: 'No mobile number on file.',
    mobile_not_a_number: 'The mobile number has letters or symbols that are not part of a phone number.',
    mobile_too_short: 'The mobile number is missing digits: include the area code, e.g. 11 1234-5678.',
    mobile_too_long: 'The mobile number has too many digits.',
    mobile_missing_area_code: 'The mobile number lacks its area code, e.g. 11 or 351.',
    mobile_not_mobile: 'A valid number, but not a mobile: it cannot receive messages.',
    mobile_foreign: 'A mobile abroad: this provider only sends within Argentina.',
    mobile_invalid: 'There is no mobile with that number: check the area code.',
  },
);

type T = ReturnType<typeof messagingRulesMessages>;

/** One sentence per problem, naming the token as written. */
export function templateProblemText(t: T, problem: TemplateProblem): string {
  const params = { token: problem.token, ...(problem.suggestion ? { suggestion: problem.suggestion } : {}) };
  return problem.kind === 'unknown' ? t('unknownPlaceholder', params) : t('malformedPlaceholder', params);
}

export const mobileProblemText = (t: T, problem: MobileProblem): string => t(`mobile_${problem}`);
