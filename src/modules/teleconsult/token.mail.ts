// The mail of a patient's current code to the professional of their teleconsultation (plain text).
import { formatLongDay, formatTime } from '../../platform/calendar/format.js';
import type { Lang } from '../../platform/i18n/lang.js';
import type { MailText } from '../patients/accounts.mails.js';
import { clockTime, stampWithSeconds } from './token.messages.js';
import { groupDigits } from './token.rules.js';
import type { TokenNow } from './token.service.js';

interface Turno {
  professional: string;
  startsAtMs: number;
  what: string;
}

export function tokenMail(lang: Lang, token: TokenNow, turno: Turno): MailText {
  const { center, patient } = token;
  const zone = center.timeZone;
  const name = `${patient.lastName}, ${patient.firstName}`;
  const day = formatLongDay(lang, zone, turno.startsAtMs);
  const time = formatTime(lang, zone, turno.startsAtMs);
  const what = turno.what ? ` (${turno.what})` : '';
  const code = groupDigits(token.code);
  const made = stampWithSeconds(lang, zone, token.atMs);
  const until = clockTime(zone, token.validUntilMs);
  const lines =
    lang === 'en'
      ? [
          `Hello ${turno.professional},`,
          `${name}, DNI ${patient.dni}, sends you their consent code for the teleconsultation of ${day} at ${time}${what}.`,
          `Code: ${code}`,
          `Generated on ${made}; it works until ${until} and only once.`,
          'Enter it with the patient\'s DNI in "Validate token" of the center\'s back office. If it expired, ' +
            `ask the patient for a new one: it changes every ${token.stepSeconds} seconds.`,
          center.name,
        ]
      : [
          `Hola, ${turno.professional}:`,
          `${name}, DNI ${patient.dni}, te envía su código de conformidad para la teleconsulta del ${day} a las ${time}${what}.`,
          `Código: ${code}`,
          `Generado el ${made}; vale hasta las ${until} y sirve una sola vez.`,
          'Ingresalo con el DNI del paciente en «Validar token» del sistema del centro. Si venció, pedile al ' +
            `paciente uno nuevo: cambia cada ${token.stepSeconds} segundos.`,
          center.name,
        ];
  const subject =
    lang === 'en'
      ? `Teleconsultation token of ${name} (DNI ${patient.dni})`
      : `Token de teleconsulta de ${name} (DNI ${patient.dni})`;
  return { subject: `${subject} - ${center.name}`, text: `${lines.join('\n\n')}\n` };
}
