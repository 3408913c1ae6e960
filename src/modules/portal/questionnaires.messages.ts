import type { Lang } from '../../platform/i18n/lang.js';
import { defineMessages } from '../../platform/i18n/messages.js';
import type { AnswerProblem, DefinitionProblem } from './questionnaires.rules.js';

/** What the patient reads, and what both sides share: kinds, states, answers and their problems. */
export const questionnairesMessages = defineMessages(
  {
    title: 'Cuestionarios',
    intro:
      'Cuestionarios que el centro te pidió completar. Podés guardar un borrador y enviarlo más tarde; una vez enviado ya no se puede cambiar.',
    pendingHeading: 'Para completar',
    draftsHeading: 'Borradores',
    submittedHeading: 'Enviados',
    nonePending: 'No tenés cuestionarios para completar.',
    noneDrafts: 'No tenés borradores.',
    noneSubmitted: 'Todavía no enviaste ningún cuestionario.',
    forTurno: (p: { when: string }) => `Antes de tu turno del ${p.when}.`,
    forTurnoStaff: (p: { when: string }) => `Para el turno del ${p.when}`,
    atTime: (p: { day: string; time: string }) => `${p.day} a las ${p.time}`,
    fill: 'Completar',
    continue: 'Seguir completando',
    view: 'Ver respuestas',
    savedAt: (p: { when: string }) => `Borrador guardado el ${p.when}.`,
    submittedAt: (p: { when: string }) => `Enviado el ${p.when}.`,
    required: 'obligatoria',
    optional: 'opcional',
    requiredNote: 'Las preguntas que dicen «obligatoria» hay que responderlas para poder enviar.',
    saveDraft: 'Guardar borrador',
    submit: 'Enviar',
    buttonsNote:
      '«Guardar borrador» guarda lo que escribiste, aunque falten respuestas. «Enviar» lo manda al centro: después ya no se puede cambiar.',
    draftSaved: 'Guardamos tu borrador. Podés seguir ahora o más tarde.',
    sent: '¡Gracias! Enviaste el cuestionario al centro.',
    readOnly: 'Ya enviaste este cuestionario: estas son tus respuestas, sólo para leer.',
    back: 'Volver a Cuestionarios',
    yes: 'Sí',
    no: 'No',
    noAnswer: 'Sin respuesta',
    chooseOne: 'Elegí una opción',
    scaleHint: (p: { min: number; max: number }) => `Elegí un número del ${p.min} al ${p.max}.`,
    dateHint: 'Por ejemplo: 23/11/2026.',
    question: 'Pregunta',
    answer: 'Respuesta',
    kind_text: 'Texto',
    kind_choice: 'Opción múltiple',
    kind_yes_no: 'Sí / No',
    kind_date: 'Fecha',
    kind_scale: 'Escala',
    status_pending: 'Pendiente',
    status_draft: 'Borrador',
    status_submitted: 'Enviado',
    p_required: 'Respondé esta pregunta: es obligatoria.',
    p_date: 'Escribí una fecha válida, por ejemplo 23/11/2026.',
    p_scale: (p: { min: number; max: number }) => `Elegí un número entero del ${p.min} al ${p.max}.`,
    p_choice: 'Elegí una de las opciones de la lista.',
    p_yesNo: 'Elegí «Sí» o «No».',
    p_tooLong: (p: { max: number }) => `Es demasiado largo: hasta ${p.max} caracteres.`,
    p_missing: 'Completá este dato: es obligatorio.',
    p_kind: 'Elegí el tipo de pregunta.',
    p_fewChoices: 'Escribí al menos dos opciones, una por renglón.',
    p_manyChoices: (p: { max: number }) => `Hay demasiadas opciones: hasta ${p.max}.`,
    p_duplicateChoice: (p: { choice: string }) => `La opción «${p.choice}» está repetida.`,
    p_wholeNumber: (p: { min: number; max: number }) => `Escribí un número entero entre ${p.min} y ${p.max}.`,
    p_scaleOrder: 'El máximo tiene que ser mayor que el mínimo.',
    p_attach: 'Elegí una especialidad o un estudio de la lista.',
    pdfTitle: 'Respuestas del cuestionario',
    pdfPatient: 'Paciente',
    pdfDni: 'DNI',
    pdfQuestionnaire: 'Cuestionario',
    pdfSubmitted: 'Enviado',
    pdfTurno: 'Turno',
  },
  {
    title: 'Questionnaires',
    intro:
      'Questionnaires the center asked you to fill in. You can save a draft and send it later; once sent it can no longer be changed.',
    pendingHeading: 'To fill in',
    draftsHeading: 'Drafts',
    submittedHeading: 'Sent',
    nonePending: 'You have no questionnaires to fill in.',
    noneDrafts: 'You have no drafts.',
    noneSubmitted: 'You have not sent any questionnaire yet.',
    forTurno: (p: { when: string }) => `Before your appointment on ${p.when}.`,
    forTurnoStaff: (p: { when: string }) => `For the appointment on ${p.when}`,
    atTime: (p: { day: string; time: string }) => `${p.day} at ${p.time}`,
    fill: 'Fill in',
    continue: 'Keep filling in',
    view: 'See answers',
    savedAt: (p: { when: string }) => `Draft saved on ${p.when}.`,
    submittedAt: (p: { when: string }) => `Sent on ${p.when}.`,
    required: 'required',
    optional: 'optional',
    requiredNote: 'Questions marked “required” must be answered before sending.',
    saveDraft: 'Save draft',
    submit: 'Send',
    buttonsNote:
      '“Save draft” keeps what you typed, even with answers missing. “Send” sends it to the center: after that it can no longer be changed.',
    draftSaved: 'Your draft was saved. You can go on now or later.',
    sent: 'Thank you! You sent the questionnaire to the center.',
    readOnly: 'You already sent this questionnaire: these are your answers, read only.',
    back: 'Back to Questionnaires',
    yes: 'Yes',
    no: 'No',
    noAnswer: 'No answer',
    chooseOne: 'Choose an option',
    scaleHint: (p: { min: number; max: number }) => `Choose a number from ${p.min} to ${p.max}.`,
    dateHint: 'For example: 23/11/2026.',
    question: 'Question',
    answer: 'Answer',
    kind_text: 'Text',
    kind_choice: 'Multiple choice',
    kind_yes_no: 'Yes / No',
    kind_date: 'Date',
    kind_scale: 'Scale',
    status_pending: 'Pending',
    status_draft: 'Draft',
    status_submitted: 'Sent',
    p_required: 'Answer this question: it is required.',
    p_date: 'Type a valid date, for example 23/11/2026.',
    p_scale: (p: { min: number; max: number }) => `Choose a whole number from ${p.min} to ${p.max}.`,
    p_choice: 'Choose one of the options in the list.',
    p_yesNo: 'Choose “Yes” or “No”.',
    p_tooLong: (p: { max: number }) => `It is too long: up to ${p.max} characters.`,
    p_missing: 'Fill in this field: it is required.',
    p_kind: 'Choose the kind of question.',
    p_fewChoices: 'Type at least two options, one per line.',
    p_manyChoices: (p: { max: number }) => `Too many options: up to ${p.max}.`,
    p_duplicateChoice: (p: { choice: string }) => `The option “${p.choice}” is repeated.`,
    p_wholeNumber: (p: { min: number; max: number }) => `Type a whole number between ${p.min} and ${p.max}.`,
    p_scaleOrder: 'The maximum must be greater than the minimum.',
    p_attach: 'Choose a specialty or a study from the list.',
    pdfTitle: 'Questionnaire answers',
    pdfPatient: 'Patient',
    pdfDni: 'DNI',
    pdfQuestionnaire: 'Questionnaire',
    pdfSubmitted: 'Sent',
    pdfTurno: 'Appointment',
  },
);

/** The text of a problem with an answer or with a question's definition. */
export function problemText(lang: Lang, problem: AnswerProblem | DefinitionProblem): string {
  const t = questionnairesMessages(lang);
  switch (problem.code) {
    case 'scale':
      return t('p_scale', problem);
    case 'tooLong':
      return t('p_tooLong', problem);
    case 'manyChoices':
      return t('p_manyChoices', problem);
    case 'duplicateChoice':
      return t('p_duplicateChoice', problem);
    case 'wholeNumber':
      return t('p_wholeNumber', problem);
    default:
      return t(`p_${problem.code}`);
  }
}
