// The "Validación primer acceso" mail (plain text), in the patient's saved language (Spanish when none).
import type { Lang } from '../../platform/i18n/lang.js';
import type { CenterView } from '../center/center.service.js';
import type { MailText } from '../patients/accounts.mails.js';

interface AccessMail {
  name: string;
  /** The portal user name: the patient's e-mail. */
  userName: string;
  link: string;
  hours: number;
  /** When the link stops working, as the center's clock reads it ("26/11/2026 09:00"). */
  until: string;
}

function signature(center: CenterView, lang: Lang): string {
  const [phone, hours] = lang === 'es' ? ['Teléfono', 'Horario de contacto'] : ['Phone', 'Contact hours'];
  const lines = [center.name];
  if (center.phones) lines.push(`${phone}: ${center.phones}`);
  if (center.contactHours) lines.push(`${hours}: ${center.contactHours}`);
  if (center.contactEmail) lines.push(`E-mail: ${center.contactEmail}`);
  return lines.join('\n');
}

function paragraphs(center: CenterView, lang: Lang, p: AccessMail): [subject: string, lines: string[]] {
  if (lang === 'en') {
    return [
      'Patient portal: first access',
      [
        `Hello ${p.name},`,
        `${center.name} has enabled your patient portal, where you can see your appointments, documents, questionnaires and invoices.`,
        'To confirm who you are and choose your password, open this "first access" link (or copy it into your browser):',
        p.link,
        `Your user name for the portal is your e-mail address: ${p.userName}. You can also log in with your DNI.`,
        `The link works for ${p.hours} hours (until ${p.until}) and only once. If it expires, ask the center to send it again.`,
        `${center.name} will never ask you for your password: do not give it to anyone.`,
        'If you did not expect this e-mail, ignore it: nothing changes unless the link is opened.',
      ],
    ];
  }
  return [
    'Validación primer acceso al Portal del paciente',
    [
      `Hola, ${p.name}:`,
      `${center.name} habilitó tu Portal del paciente, donde vas a ver tus citas, documentos, cuestionarios y facturas.`,
      'Para validar tu identidad y elegir tu contraseña, abrí este enlace de «Validación primer acceso» (o copialo en tu navegador):',
      p.link,
      `Tu usuario para ingresar al portal es tu e-mail: ${p.userName}. También podés ingresar con tu DNI.`,
      `El enlace vale ${p.hours} horas (hasta el ${p.until}) y sirve una sola vez. Si vence, pedile al centro que te lo envíe de nuevo.`,
      `${center.name} nunca te va a pedir tu contraseña: no se la digas a nadie.`,
      'Si no esperabas este mail, ignoralo: sin abrir el enlace no cambia nada.',
    ],
  ];
}

export function portalAccessMail(center: CenterView, lang: Lang, p: AccessMail): MailText {
  const [subject, lines] = paragraphs(center, lang, p);
  return { subject: `${subject} - ${center.name}`, text: `${[...lines, signature(center, lang)].join('\n\n')}\n` };
}
