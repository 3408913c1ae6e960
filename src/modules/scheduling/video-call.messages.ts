import { defineMessages } from '../../platform/i18n/messages.js';

/** Texts of a turno by video as the patient reads them: lists, mails, placeholders. */
export const videoCallMessages = defineMessages(
  {
    badge: 'Teleconsulta',
    join: 'Entrar a la videollamada',
    noLinkYet: 'El centro te va a enviar el enlace de la videollamada antes del turno.',
    tokenHint: 'Tené a mano tu token: lo generás en',
    tokenLink: 'Generar token',
    mailIntro: 'Es una teleconsulta (turno por videollamada). Entrá desde este enlace a la hora del turno:',
    mailNoLink: 'Es una teleconsulta (turno por videollamada). El centro te va a enviar el enlace antes del turno.',
    mailToken: (p: { url: string }) =>
      `El profesional te va a pedir tu token para registrar tu conformidad: generalo en ${p.url}`,
    mailTokenNoUrl: 'El profesional te va a pedir tu token para registrar tu conformidad: generalo en el portal.',
  },
  {
    badge: 'Teleconsultation',
    join: 'Join the video call',
    noLinkYet: 'The center will send you the video call link before the appointment.',
    tokenHint: 'Have your token ready: you generate it at',
    tokenLink: 'Generate token',
    mailIntro:
      'This is a teleconsultation (video call appointment). Join from this link at the time of the appointment:',
    mailNoLink: 'This is a teleconsultation (video call appointment). The center will send you the link beforehand.',
    mailToken: (p: { url: string }) =>
      `The professional will ask for your token to record your consent: generate it at ${p.url}`,
    mailTokenNoUrl: 'The professional will ask for your token to record your consent: generate it in the portal.',
  },
);
