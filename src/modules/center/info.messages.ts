import type { Lang } from '../../platform/i18n/lang.js';
import { defineMessages } from '../../platform/i18n/messages.js';

export const infoMessages = defineMessages(
  {
    insurersTitle: 'Obras sociales y prepagas',
    insurersIntro: 'Estas son las obras sociales y prepagas con las que el centro atiende por turnos web.',
    selfPay: 'Atención particular (sin obra social)',
    noInsurers: 'Por ahora el centro no publicó obras sociales para turnos por internet. Consultá por teléfono.',
    helpTitle: 'Ayuda',
    helpIntro: 'Cómo usar esta web, paso a paso.',
  },
  {
    insurersTitle: 'Health insurers',
    insurersIntro: 'These are the health insurers the center accepts for online bookings.',
    selfPay: 'Self-pay (no insurer)',
    noInsurers: 'The center has not published insurers for online booking yet. Please call.',
    helpTitle: 'Help',
    helpIntro: 'How to use this website, step by step.',
  },
);

interface HelpParams {
  center: string;
  idle: string;
  contact: string;
}

/** The help page: question and answer pairs, in plain words. */
export const helpSections: Record<Lang, (p: HelpParams) => [string, string][]> = {
  es: (p) => [
    [
      '¿Es la primera vez?',
      `Tocá «Registrarse» en el inicio. Escribí tu DNI (o el de la persona que va a tener el turno), resolvé la cuenta que te pedimos y completá tus datos. Te mandamos un mail: abrí el enlace que trae y tu usuario queda activado. Si no te llega, revisá la carpeta de correo no deseado o tocá «Reenviar mail de activación».`,
    ],
    ['¿Cómo ingreso?', 'Tocá «Ingresar» y escribí tu DNI y la contraseña que elegiste al registrarte.'],
    [
      'Olvidé mi contraseña',
      'En la pantalla de ingreso tocá «Olvidé mi contraseña»: te mandamos un enlace por mail para elegir una nueva.',
    ],
    [
      '¿Cómo tomo un turno?',
      'Tocá «Tomar turno». Elegí la especialidad (o el estudio) y tocá «Ver profesionales», o elegí directamente al profesional. Vas a ver los horarios de la semana: los libres dicen «Libre» y se pueden tocar; los ocupados aparecen tachados. Elegí uno, revisá los datos, contanos el motivo si te lo pide y tocá «Confirmar turno». Te llega un mail con el detalle y podés imprimir el comprobante.',
    ],
    [
      'Mis turnos',
      'En «Mis turnos» ves todos los turnos que tomaste por la web, también los pasados, con su estado (reservado, presente, ausente o cancelado). Desde ahí podés reimprimir el comprobante, cambiar el motivo o cancelar un turno que todavía no pasó.',
    ],
    [
      'Por tu seguridad',
      `Si no usás la web durante ${p.idle}, la sesión se cierra sola y tenés que volver a ingresar. Un minuto antes te avisamos para que puedas seguir.`,
    ],
    ['¿Necesitás ayuda?', `Comunicate con ${p.center}${p.contact}.`],
  ],
  en: (p) => [
    [
      'First time here?',
      'Tap "Sign up" on the home page. Type your DNI (or that of the person who will attend), answer the little sum and fill in your details. We send you an e-mail: open its link and your user is activated. If it does not arrive, check your spam folder or tap "Resend activation e-mail".',
    ],
    ['How do I log in?', 'Tap "Log in" and type your DNI and the password you chose when signing up.'],
    [
      'I forgot my password',
      'On the log-in page tap "I forgot my password": we e-mail you a link to choose a new one.',
    ],
    [
      'How do I book?',
      'Tap "Book an appointment". Choose the specialty (or the study) and tap "See professionals", or choose the professional directly. You will see the week: free times say "Free" and can be tapped; taken ones are struck through. Choose one, check the details, give the reason if asked and tap "Confirm". You get an e-mail with the details and can print the slip.',
    ],
    [
      'My appointments',
      '"My appointments" lists every appointment you booked online, past ones too, with its status (booked, attended, absent or cancelled). From there you can print the slip again, change the reason or cancel an upcoming appointment.',
    ],
    [
      'For your security',
      `If you do not use the website for ${p.idle}, the session closes and you log in again. We warn you a minute before so you can stay.`,
    ],
    ['Need help?', `Contact ${p.center}${p.contact}.`],
  ],
};
