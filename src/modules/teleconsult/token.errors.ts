// What can go wrong with the patient token and printed series.
import type { ErrorDef } from '../../errors.js';

export const tokenErrors = {
  TOKEN_SERIES_COUNT: {
    status: 422,
    es: (p) => `Cantidad de códigos: elegí un número entero entre 1 y ${p.max}.`,
    en: (p) => `Number of codes: choose a whole number from 1 to ${p.max}.`,
  },
  TOKEN_SERIES_DATE_INVALID: {
    status: 422,
    es: () => 'Válida hasta: escribí una fecha válida (día, mes y año).',
    en: () => 'Valid until: enter a valid date (day, month and year).',
  },
  TOKEN_SERIES_DATE_PAST: {
    status: 422,
    es: (p) => `Válida hasta: esa fecha ya pasó. Elegí una fecha desde hoy (${p.today}) en adelante.`,
    en: (p) => `Valid until: that date has passed. Choose a date from today (${p.today}) on.`,
  },
  TOKEN_SERIES_DATE_FAR: {
    status: 422,
    es: (p) => `Válida hasta: puede ser como mucho un año después de hoy (hasta el ${p.max}).`,
    en: (p) => `Valid until: it can be at most one year from today (until ${p.max}).`,
  },
  TOKEN_SERIES_CLOSED: {
    status: 409,
    es: (p) =>
      `Esta serie está ${p.state}: sus códigos ya no sirven y no se puede volver a imprimir. Imprimí una serie nueva.`,
    en: (p) => `This series is ${p.state}: its codes no longer work and it cannot be printed again. Print a new one.`,
  },
  TOKEN_MAIL_NO_TURNO: {
    status: 422,
    es: () =>
      'No encontramos ese turno de teleconsulta entre tus turnos de hoy o próximos. Elegí uno de la lista, o ' +
      'dictale o copiale el código al profesional durante la videollamada.',
    en: () =>
      'That teleconsultation appointment is not among your appointments of today or later. Choose one from the ' +
      'list, or read out or copy the code to the professional during the video call.',
  },
  TOKEN_MAIL_NO_EMAIL: {
    status: 422,
    es: (p) =>
      `${p.professional} no tiene un e-mail cargado en el centro, así que no podemos enviarle el código. ` +
      'Dictáselo o copiáselo en el chat de la videollamada.',
    en: (p) =>
      `${p.professional} has no e-mail address on file at the center, so the code cannot be sent. ` +
      "Read it out or paste it in the video call's chat.",
  },
} satisfies Record<string, ErrorDef>;
