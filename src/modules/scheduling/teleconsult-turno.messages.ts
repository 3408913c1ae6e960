import { defineMessages } from '../../platform/i18n/messages.js';

/** Texts of the desk's teleconsultation marks and of the form that sets a turno's video call. */
export const teleconsultTurnoMessages = defineMessages(
  {
    badge: 'Teleconsulta',
    badgeLong: 'Turno por videollamada: el paciente da su conformidad con un token',
    verify: 'Validar token',
    edit: 'Teleconsulta',
    recorded: (p: { time: string }) => `Conformidad registrada ${p.time}`,
    recordedLong: 'Abrir la constancia de conformidad (PDF)',
    title: 'Teleconsulta del turno',
    turnoOf: (p: { when: string; patient: string; professional: string }) =>
      `Turno del ${p.when} de ${p.patient} con ${p.professional}`,
    check: 'Teleconsulta (turno por videollamada)',
    checkHint: 'El paciente se conecta por video y da su conformidad con un token en lugar de firmar.',
    url: 'Enlace de la videollamada',
    urlHint:
      'La dirección de la sala de cualquier plataforma (Jitsi, Meet, Zoom…), empezando con https://. Podés dejarla vacía y cargarla después.',
    save: 'Guardar',
    back: 'Volver a la Pantalla de turnos',
    saved: 'Listo: se guardó la teleconsulta del turno.',
  },
  {
    badge: 'Teleconsultation',
    badgeLong: 'Video call appointment: the patient gives their conformity with a token',
    verify: 'Validate token',
    edit: 'Teleconsultation',
    recorded: (p: { time: string }) => `Conformity recorded ${p.time}`,
    recordedLong: 'Open the conformity record (PDF)',
    title: 'Appointment teleconsultation',
    turnoOf: (p: { when: string; patient: string; professional: string }) =>
      `Appointment on ${p.when} of ${p.patient} with ${p.professional}`,
    check: 'Teleconsultation (video call appointment)',
    checkHint: 'The patient joins by video and gives their conformity with a token instead of signing.',
    url: 'Video call link',
    urlHint:
      "The room's address on any platform (Jitsi, Meet, Zoom…), starting with https://. You may leave it empty and add it later.",
    save: 'Save',
    back: 'Back to the appointments screen',
    saved: "Done: the appointment's teleconsultation was saved.",
  },
);
