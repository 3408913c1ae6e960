// Texts of the automatic reminders (staff) and of the confirm/cancel pages a reminder links to (patients).
import { defineMessages } from '../../platform/i18n/messages.js';

type Hours = { hours: number };

const hoursEs = (p: Hours) => {
  const base = p.hours === 1 ? '1 hora antes del turno' : `${p.hours} horas antes del turno`;
  if (p.hours % 24 !== 0) return base;
  const days = p.hours / 24;
  return `${base} (${days === 1 ? '1 día' : `${days} días`})`;
};
const hoursEn = (p: Hours) => {
  const base = p.hours === 1 ? '1 hour before the turno' : `${p.hours} hours before the turno`;
  if (p.hours % 24 !== 0) return base;
  const days = p.hours / 24;
  return `${base} (${days === 1 ? '1 day' : `${days} days`})`;
};

export const reminderRulesMessages = defineMessages(
  {
    title: 'Recordatorios automáticos',
    intro:
      'Cada recordatorio sale solo cuando faltan las horas indicadas para el turno, a cada paciente con turno reservado que tenga el mail o el celular que pide la plantilla. Cada turno lo recibe una sola vez; un turno dado más tarde, dentro del plazo, lo recibe en la siguiente vuelta (cada minuto).',
    template: 'Plantilla',
    channel: 'Medio',
    when: 'Cuándo',
    state: 'Estado',
    queued: 'Mensajes generados',
    links: 'Acciones',
    hoursBefore: hoursEs,
    on: 'Activo',
    off: 'Pausado',
    pause: 'Pausar',
    resume: 'Activar',
    edit: 'Modificar',
    empty: 'Todavía no hay recordatorios automáticos.',
    newRule: 'Nuevo recordatorio automático',
    templateHint: 'El medio (mail, SMS o WhatsApp) es el de la plantilla.',
    hours: 'Horas antes del turno',
    hoursHint: 'Por ejemplo 48 para dos días antes, o 24 para uno. Entre 1 y 720 (30 días).',
    enabled: 'Activo (se envía)',
    create: 'Agregar recordatorio',
    save: 'Guardar cambios',
    noTemplates: 'Primero creá una plantilla de mail, SMS o WhatsApp:',
    templatesLink: 'ir a Plantillas',
    created: 'Recordatorio agregado.',
    saved: 'Cambios guardados.',
    deleted: 'Recordatorio borrado. Los mensajes que ya generó siguen en el registro de envíos.',
    paused: 'Recordatorio pausado: no genera mensajes nuevos.',
    resumed: 'Recordatorio activado.',
    delete: 'Borrar este recordatorio',
    deleteHint: 'Los mensajes que ya generó no se borran: siguen en la cola y en el registro de envíos.',
    back: 'Volver a la lista',
    editTitle: (p: { what: string }) => `Recordatorio: ${p.what}`,
    channel_mail: 'Mail',
    channel_sms: 'SMS',
    channel_whatsapp: 'WhatsApp',
    templateOption: (p: { channel: string; title: string }) => `${p.channel}: ${p.title}`,
    templateProblem: 'Elegí una plantilla de la lista.',
    hoursProblem: 'Escribí un número entero de horas, entre 1 y 720.',
  },
  {
    title: 'Automatic reminders',
    intro:
      'Each reminder goes out on its own when the turno is that many hours away, to every patient with a booked turno who has the e-mail or mobile the template needs. Each turno gets it only once; a turno booked later, inside the window, gets it on the next round (every minute).',
    template: 'Template',
    channel: 'Channel',
    when: 'When',
    state: 'State',
    queued: 'Messages generated',
    links: 'Actions',
    hoursBefore: hoursEn,
    on: 'Active',
    off: 'Paused',
    pause: 'Pause',
    resume: 'Activate',
    edit: 'Edit',
    empty: 'There are no automatic reminders yet.',
    newRule: 'New automatic reminder',
    templateHint: "The channel (e-mail, SMS or WhatsApp) is the template's.",
    hours: 'Hours before the turno',
    hoursHint: 'For example 48 for two days before, or 24 for one. Between 1 and 720 (30 days).',
    enabled: 'Active (sends)',
    create: 'Add reminder',
    save: 'Save changes',
    noTemplates: 'First create an e-mail, SMS or WhatsApp template:',
    templatesLink: 'go to Templates',
    created: 'Reminder added.',
    saved: 'Changes saved.',
    deleted: 'Reminder deleted. The messages it generated stay in the send log.',
    paused: 'Reminder paused: it generates no new messages.',
    resumed: 'Reminder activated.',
    delete: 'Delete this reminder',
    deleteHint: 'The messages it already generated are not deleted: they stay queued and in the send log.',
    back: 'Back to the list',
    editTitle: (p: { what: string }) => `Reminder: ${p.what}`,
    channel_mail: 'E-mail',
    channel_sms: 'SMS',
    channel_whatsapp: 'WhatsApp',
    templateOption: (p: { channel: string; title: string }) => `${p.channel}: ${p.title}`,
    templateProblem: 'Choose a template from the list.',
    hoursProblem: 'Type a whole number of hours, between 1 and 720.',
  },
);

export const reminderLinksMessages = defineMessages(
  {
    confirmTitle: 'Confirmar tu turno',
    cancelTitle: 'Cancelar tu turno',
    confirmAsk: 'Tocá el botón para avisarnos que vas a venir.',
    cancelAsk: 'Si no podés venir, tocá el botón. Así el horario queda libre para otra persona.',
    confirmButton: 'Confirmar asistencia',
    cancelButton: 'Cancelar el turno',
    confirmedNow: '¡Listo! Confirmaste tu asistencia. Te esperamos.',
    alreadyConfirmed: 'Tu asistencia ya estaba confirmada. Te esperamos.',
    cancelledNow: 'Listo: tu turno quedó cancelado. El horario queda libre para otra persona.',
    alreadyCancelled: 'Este turno ya estaba cancelado.',
    past: 'Este turno ya pasó: ya no se puede confirmar ni cancelar.',
    invalidTitle: 'El enlace no es válido',
    invalid: 'El enlace está incompleto o cambiado. Abrilo de nuevo desde el mensaje que te llegó, tal como está.',
    gone: 'Este turno ya no está en la agenda del centro.',
    callUs: (p: { phone: string }) => `Si tenés alguna duda, llamá al centro: ${p.phone}.`,
    callUsNoPhone: 'Si tenés alguna duda, comunicate con el centro.',
    bookAnother: 'Sacar otro turno',
    center: 'Centro',
    address: 'Dirección',
  },
  {
    confirmTitle: 'Confirm your turno',
    cancelTitle: 'Cancel your turno',
    confirmAsk: "Press the button to let us know you're coming.",
    cancelAsk: "If you can't come, press the button. The time then becomes free for someone else.",
    confirmButton: 'Confirm attendance',
    cancelButton: 'Cancel the turno',
    confirmedNow: 'Done! You confirmed your attendance. See you then.',
    alreadyConfirmed: 'Your attendance was already confirmed. See you then.',
    cancelledNow: 'Done: your turno is cancelled. The time is now free for someone else.',
    alreadyCancelled: 'This turno was already cancelled.',
    past: 'This turno is over: it can no longer be confirmed or cancelled.',
    invalidTitle: 'The link is not valid',
    invalid: 'The link is incomplete or was changed. Open it again from the message you received, exactly as it is.',
    gone: "This turno is no longer in the center's agenda.",
    callUs: (p: { phone: string }) => `If you have any question, call the center: ${p.phone}.`,
    callUsNoPhone: 'If you have any question, contact the center.',
    bookAnother: 'Book another turno',
    center: 'Center',
    address: 'Address',
  },
);
