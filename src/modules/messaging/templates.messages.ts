import type { Lang } from '../../platform/i18n/lang.js';
import { defineMessages } from '../../platform/i18n/messages.js';
import { messagingRulesMessages, templateProblemText } from './messaging.rules.messages.js';
import type { InputProblem, TemplateField } from './template-input.rules.js';

type N = string | number;

/** Plantillas: the manual's PRESTACIONES – MÓDULO DE ENVÍO DE MAILS/SMS – CONFIGURACIÓN – PLANTILLAS. */
export const templatesMessages = defineMessages(
  {
    title: 'Plantillas',
    intro:
      'Los mensajes que se envían a los pacientes. Lo que va entre corchetes, como [[PACIENTE]], el sistema lo reemplaza por el dato de cada paciente y su turno.',
    newMail: 'Nuevo email',
    newSms: 'Nuevo SMS',
    newWhatsApp: 'Nuevo WhatsApp',
    colTitle: 'Título',
    colChannel: 'Medio',
    colUpdated: 'Última modificación',
    links: 'Acciones',
    channel_mail: 'Email',
    channel_sms: 'SMS',
    channel_whatsapp: 'WhatsApp',
    edit: 'Modificar',
    delete: 'Borrar',
    empty: 'Todavía no hay plantillas: creá la primera con los botones de arriba.',
    created: 'Plantilla creada.',
    saved: 'Cambios guardados.',
    deleted: 'Plantilla borrada.',
    newTitle: (p: { channel: string }) => `Nueva plantilla de ${p.channel}`,
    editTitle: (p: { title: string }) => `Plantilla «${p.title}»`,
    fieldTitle: 'Título',
    titleHintMail:
      'Es el asunto del mail y el nombre de la plantilla. También puede llevar datos entre corchetes, como [[FECHA]].',
    titleHintOther: 'El nombre de la plantilla, para elegirla al enviar.',
    fieldBody: 'Mensaje',
    bodyHint: (p: { max: N }) =>
      `Hasta ${p.max} caracteres. Lo que va entre corchetes el sistema lo reemplaza por el dato de cada paciente.`,
    fieldWaTemplate: 'Nombre de la plantilla aprobada en WhatsApp',
    waTemplateHint: 'Tal como figura en WhatsApp Manager, por ejemplo recordatorio_turno.',
    fieldWaLanguage: 'Código de idioma de la plantilla aprobada',
    waLanguageHint: 'El idioma con que Meta la aprobó, por ejemplo es_AR o es.',
    waExplain:
      'WhatsApp solo envía plantillas aprobadas por Meta. Copiá acá el texto aprobado poniendo, en lugar de {{1}}, {{2}}…, los datos entre corchetes en el mismo orden: el primer dato del mensaje va en {{1}}, el segundo en {{2}}, y así. Un dato repetido cuenta una sola vez, donde aparece primero.',
    waMapping: 'Con este mensaje:',
    waNone: 'Este mensaje no tiene datos: la plantilla aprobada no debe tener {{1}}.',
    helpTitle: 'Ayuda',
    helpIntro:
      'Escribí cada dato tal cual, con sus dos corchetes de cada lado, o hacé clic (o doble clic) en él para ponerlo donde está el cursor.',
    insert: 'Insertar en el mensaje:',
    create: 'Crear plantilla',
    save: 'Guardar cambios',
    count: 'Contar caracteres',
    back: 'Volver a las plantillas',
    countTitle: 'Largo del SMS',
    countLine: (p: { chars: N; segments: N; encoding: N }) =>
      `${p.chars} caracteres · ${p.segments} SMS · ${p.encoding}`,
    countHint:
      'Contado con los datos más largos posibles: un nombre de paciente largo con acentos y los nombres más largos de tus profesionales, especialidades, estudios y obras sociales. Los nombres varían: dejá margen.',
    warnMulti: (p: { segments: N }) => `Ojo: en el peor caso van ${p.segments} SMS por paciente, y se cobra cada uno.`,
    warnUcs2: (p: { chars: N }) =>
      `Ojo: ${p.chars} no están en el alfabeto común de los SMS, así que cada SMS lleva hasta 70 caracteres en lugar de 160. Suelen venir de los nombres (á, í, ó, ú).`,
    counted: 'Ver el texto contado',
    previewTitle: 'Vista previa',
    previewIntro: 'La plantilla guardada, como la recibiría el paciente de un turno real.',
    previewTurno: 'N° de turno',
    previewTurnoHint: 'Vacío: el próximo turno reservado.',
    previewButton: 'Ver vista previa',
    previewBadNumber: 'El N° de turno va en números, por ejemplo 1234.',
    previewFor: (p: { number: N; patient: string; day: string; time: string }) =>
      `Turno N° ${p.number} de ${p.patient}, ${p.day} a las ${p.time}.`,
    previewSample: 'No hay turnos reservados por delante: se muestra con datos de ejemplo.',
    previewSubject: 'Asunto',
    previewText: 'Texto',
    previewWhatsApp: (p: { name: string; language: string }) => `Plantilla aprobada ${p.name} (${p.language}), con:`,
    previewSms: 'Este SMS',
    deleteTitle: (p: { title: string }) => `Borrar la plantilla «${p.title}»`,
    deleteText: '¿Borrar esta plantilla? No se puede deshacer.',
    deleteYes: 'Sí, borrarla',
    deleteNo: 'No, volver',
    required_title: 'Escribí el título.',
    required_body: 'Escribí el mensaje.',
    required_waTemplate: 'Escribí el nombre de la plantilla aprobada.',
    required_waLanguage: 'Escribí el código de idioma, por ejemplo es_AR.',
    tooLong: (p: { max: N; length: N }) => `Es demasiado largo: hasta ${p.max} caracteres (tiene ${p.length}).`,
    format_waTemplate:
      'El nombre de la plantilla aprobada va en minúsculas, números y guiones bajos, sin espacios: por ejemplo recordatorio_turno.',
    format_waLanguage: 'El idioma va como código: por ejemplo es_AR, es o en_US.',
    in_title: 'Título',
    in_body: 'Mensaje',
    in_waTemplate: 'Plantilla aprobada',
    in_waLanguage: 'Idioma',
  },
  {
    title: 'Templates',
    intro:
      'The messages sent to patients. What goes between brackets, like [[PACIENTE]], is replaced by each patient’s and turno’s data.',
    newMail: 'New e-mail',
    newSms: 'New SMS',
    newWhatsApp: 'New WhatsApp',
    colTitle: 'Title',
    colChannel: 'Channel',
    colUpdated: 'Last change',
    links: 'Actions',
    channel_mail: 'E-mail',
    channel_sms: 'SMS',
    channel_whatsapp: 'WhatsApp',
    edit: 'Edit',
    delete: 'Delete',
    empty: 'No templates yet: create the first one with the buttons above.',
    created: 'Template created.',
    saved: 'Changes saved.',
    deleted: 'Template deleted.',
    newTitle: (p: { channel: string }) => `New ${p.channel} template`,
    editTitle: (p: { title: string }) => `Template «${p.title}»`,
    fieldTitle: 'Title',
    titleHintMail:
      'The e-mail’s subject and the template’s name. It may carry fields between brackets, like [[FECHA]].',
    titleHintOther: 'The template’s name, to choose it when sending.',
    fieldBody: 'Message',
    bodyHint: (p: { max: N }) =>
      `Up to ${p.max} characters. What goes between brackets is replaced by each patient’s data.`,
    fieldWaTemplate: 'Name of the approved WhatsApp template',
    waTemplateHint: 'As shown in WhatsApp Manager, e.g. recordatorio_turno.',
    fieldWaLanguage: 'Language code of the approved template',
    waLanguageHint: 'The language Meta approved it in, e.g. es_AR or es.',
    waExplain:
      'WhatsApp only sends templates approved by Meta. Copy the approved text here, writing the bracketed fields in place of {{1}}, {{2}}… in the same order: the first field of the message fills {{1}}, the second {{2}}, and so on. A repeated field counts once, where it first appears.',
    waMapping: 'With this message:',
    waNone: 'This message has no fields: the approved template must have no {{1}}.',
    helpTitle: 'Help',
    helpIntro:
      'Type each field as shown, with two brackets on each side, or click (or double-click) it to put it where the cursor is.',
    insert: 'Insert into the message:',
    create: 'Create template',
    save: 'Save changes',
    count: 'Count characters',
    back: 'Back to the templates',
    countTitle: 'SMS length',
    countLine: (p: { chars: N; segments: N; encoding: N }) =>
      `${p.chars} characters · ${p.segments} SMS · ${p.encoding}`,
    countHint:
      'Counted with the longest possible data: a long patient name with accents and the longest names of your professionals, specialties, studies and insurers. Names vary: leave room.',
    warnMulti: (p: { segments: N }) =>
      `Careful: in the worst case each patient gets ${p.segments} SMS, each one billed.`,
    warnUcs2: (p: { chars: N }) =>
      `Careful: ${p.chars} are not in the plain SMS alphabet, so each SMS holds 70 characters instead of 160. They usually come from names (á, í, ó, ú).`,
    counted: 'See the counted text',
    previewTitle: 'Preview',
    previewIntro: 'The saved template, as the patient of a real turno would get it.',
    previewTurno: 'Turno number',
    previewTurnoHint: 'Empty: the next reserved turno.',
    previewButton: 'Show preview',
    previewBadNumber: 'The turno number goes in digits, e.g. 1234.',
    previewFor: (p: { number: N; patient: string; day: string; time: string }) =>
      `Turno no. ${p.number} of ${p.patient}, ${p.day} at ${p.time}.`,
    previewSample: 'There are no reserved turnos ahead: shown with sample data.',
    previewSubject: 'Subject',
    previewText: 'Text',
    previewWhatsApp: (p: { name: string; language: string }) => `Approved template ${p.name} (${p.language}), with:`,
    previewSms: 'This SMS',
    deleteTitle: (p: { title: string }) => `Delete the template «${p.title}»`,
    deleteText: 'Delete this template? This cannot be undone.',
    deleteYes: 'Yes, delete it',
    deleteNo: 'No, go back',
    required_title: 'Type the title.',
    required_body: 'Type the message.',
    required_waTemplate: 'Type the name of the approved template.',
    required_waLanguage: 'Type the language code, e.g. es_AR.',
    tooLong: (p: { max: N; length: N }) => `Too long: up to ${p.max} characters (it has ${p.length}).`,
    format_waTemplate:
      'The approved template’s name is lower case letters, digits and underscores, no spaces: e.g. recordatorio_turno.',
    format_waLanguage: 'The language goes as a code: e.g. es_AR, es or en_US.',
    in_title: 'Title',
    in_body: 'Message',
    in_waTemplate: 'Approved template',
    in_waLanguage: 'Language',
  },
);

/** One sentence for a problem, to show next to its field. */
export function inputProblemText(lang: Lang, p: InputProblem): string {
  const t = templatesMessages(lang);
  switch (p.kind) {
    case 'required':
      return t(`required_${p.field}`);
    case 'tooLong':
      return t('tooLong', { max: p.max, length: p.length });
    case 'format':
      return p.field === 'waLanguage' ? t('format_waLanguage') : t('format_waTemplate');
    case 'placeholder':
      return templateProblemText(messagingRulesMessages(lang), p.problem);
  }
}

/** Each field's problems, joined: what the editor shows under the field. */
export function fieldErrors(lang: Lang, problems: InputProblem[]): Record<string, string> {
  const errors: Partial<Record<TemplateField, string>> = {};
  for (const p of problems) {
    const text = inputProblemText(lang, p);
    errors[p.field] = errors[p.field] ? `${errors[p.field]} ${text}` : text;
  }
  return errors;
}

/** All problems in one message, each after its field's name: the API's answer and the editor's summary. */
export function problemsSummary(lang: Lang, problems: InputProblem[]): string {
  const t = templatesMessages(lang);
  return problems.map((p) => `${t(`in_${p.field}`)}: ${inputProblemText(lang, p)}`).join(' ');
}
