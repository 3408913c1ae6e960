// The texts of the account mails (plain text, Spanish): the center's name, the link, how long it works, contact.
import type { CenterView } from '../center/center.service.js';

export interface MailText {
  subject: string;
  text: string;
}

function hours(ms: number): string {
  const h = Math.round(ms / 3_600_000);
  return h === 1 ? '1 hora' : `${h} horas`;
}

function signature(center: CenterView): string {
  const lines = [center.name];
  if (center.phones) lines.push(`Teléfono: ${center.phones}`);
  if (center.contactHours) lines.push(`Horario de contacto: ${center.contactHours}`);
  if (center.contactEmail) lines.push(`E-mail: ${center.contactEmail}`);
  return lines.join('\n');
}

function compose(center: CenterView, subject: string, paragraphs: string[]): MailText {
  return { subject: `${subject} - ${center.name}`, text: `${[...paragraphs, signature(center)].join('\n\n')}\n` };
}

const NOT_YOU = 'Si no fuiste vos, ignorá este mail: sin abrir el enlace no cambia nada.';

export function activationMail(center: CenterView, p: { name: string; link: string; ttlMs: number }): MailText {
  return compose(center, 'Activá tu usuario web', [
    `Hola, ${p.name}:`,
    `Para terminar de crear tu usuario en la web de turnos de ${center.name}, abrí este enlace (o copialo en tu navegador):`,
    p.link,
    `El enlace vale ${hours(p.ttlMs)} y sirve una sola vez. Después ingresá con tu DNI y la contraseña que elegiste.`,
    NOT_YOU,
  ]);
}

export function accountExistsMail(
  center: CenterView,
  p: { name: string; link: string; ttlMs: number; active: boolean },
): MailText {
  return compose(center, 'Ya tenés usuario web', [
    `Hola, ${p.name}:`,
    `Alguien pidió registrarse en la web de turnos de ${center.name} con tu DNI, pero ya tenés usuario${p.active ? '' : ' (todavía sin activar)'}: no hace falta registrarse de nuevo. Ingresá con tu DNI y tu contraseña.`,
    `Si no te acordás la contraseña, elegí una nueva con este enlace${p.active ? '' : ' (también activa tu usuario)'}:`,
    p.link,
    `El enlace vale ${hours(p.ttlMs)} y sirve una sola vez.`,
    NOT_YOU,
  ]);
}

export function resetMail(center: CenterView, p: { name: string; link: string; ttlMs: number }): MailText {
  return compose(center, 'Elegí una contraseña nueva', [
    `Hola, ${p.name}:`,
    `Pediste elegir una contraseña nueva para la web de turnos de ${center.name}. Abrí este enlace:`,
    p.link,
    `El enlace vale ${hours(p.ttlMs)} y sirve una sola vez. Al cambiarla se cierran las sesiones abiertas en otros dispositivos.`,
    NOT_YOU,
  ]);
}

export function emailChangeMail(
  center: CenterView,
  p: { name: string; link: string; ttlMs: number; address: string },
): MailText {
  return compose(center, 'Confirmá tu nuevo e-mail', [
    `Hola, ${p.name}:`,
    `Pediste que ${p.address} sea tu e-mail en la web de turnos de ${center.name}. Para confirmarlo abrí este enlace (te vamos a pedir que ingreses con tu DNI y contraseña si no lo hiciste):`,
    p.link,
    `El enlace vale ${hours(p.ttlMs)} y sirve una sola vez. Hasta que lo abras seguimos usando tu e-mail anterior.`,
    NOT_YOU,
  ]);
}

export function emailChangedNotice(center: CenterView, p: { name: string; maskedAddress: string }): MailText {
  return compose(center, 'Cambió tu e-mail', [
    `Hola, ${p.name}:`,
    `Tu e-mail en la web de turnos de ${center.name} cambió a ${p.maskedAddress}. Desde ahora los mails del centro van a esa dirección.`,
    'Si no fuiste vos, comunicate con el centro cuanto antes.',
  ]);
}

export function passwordChangedNotice(center: CenterView, p: { name: string }): MailText {
  return compose(center, 'Cambió tu contraseña', [
    `Hola, ${p.name}:`,
    `La contraseña de tu usuario en la web de turnos de ${center.name} cambió, y se cerraron las sesiones abiertas en otros dispositivos.`,
    'Si no fuiste vos, elegí una nueva con "Olvidé mi contraseña" y comunicate con el centro.',
  ]);
}
