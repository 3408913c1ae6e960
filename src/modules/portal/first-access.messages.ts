import { defineMessages } from '../../platform/i18n/messages.js';

/** Texts of the "Validación primer acceso" page and what follows it. */
export const firstAccessMessages = defineMessages(
  {
    title: 'Validación primer acceso',
    hello: (p: { name: string }) => `Hola, ${p.name}.`,
    intro:
      'Para entrar a tu Portal del paciente, confirmá quién sos con los datos de tu DNI y elegí tu contraseña, tu celular y una pregunta de seguridad.',
    userName: (p: { email: string }) =>
      `Tu usuario del portal es tu e-mail: ${p.email}. También vas a poder ingresar con tu DNI.`,
    hasAccount:
      'Ya tenés usuario en la web de turnos: la contraseña que elijas acá reemplaza la anterior y sirve para las dos, con tu DNI o tu e-mail.',
    identityLegend: 'Validá tu identidad',
    identityHint: 'Tienen que coincidir con los datos que tiene el centro en tu ficha.',
    dniTramite: 'Número de trámite del DNI',
    dniTramiteHint: 'Los 11 números del «Nº de trámite» que figura en el frente de tu DNI tarjeta.',
    dniTramiteProblem: 'El número de trámite tiene 11 números: copialo tal como figura en tu DNI.',
    accessLegend: 'Tu contraseña',
    mobileLegend: 'Tu celular',
    mobileOnRecord: (p: { ending: string }) =>
      `El centro tiene un celular tuyo que termina en ${p.ending}. Escribilo completo para confirmarlo, o escribí otro: va a quedar en tu ficha.`,
    securityLegend: 'Pregunta de seguridad',
    securityHint:
      'Te la vamos a preguntar si alguna vez olvidás la contraseña. Elegí una cuya respuesta sepas solo vos; no importan las mayúsculas ni los acentos.',
    securityQuestion: 'Pregunta',
    securityAnswer: 'Respuesta',
    register: 'Registrarse',
    linkInvalidTitle: 'El enlace de primer acceso no sirve',
    linkInvalidHelp:
      'El enlace vale 72 horas y sirve una sola vez. Si ya te registraste, ingresá con tu e-mail o tu DNI. Si no, pedile al centro que te envíe de nuevo el mail «Validación primer acceso».',
    lockedHelp:
      'Comunicate con el centro para que revisen tus datos y te envíen un mail nuevo. Si ya te registraste, podés ingresar igual.',
    dataMissingTitle: 'Falta un dato en tu ficha',
    loginLink: 'Ingresar',
    home: 'Ir al inicio',
  },
  {
    title: 'Portal first access',
    hello: (p: { name: string }) => `Hello ${p.name}.`,
    intro:
      'To use your patient portal, confirm who you are with your DNI details and choose your password, your mobile number and a security question.',
    userName: (p: { email: string }) =>
      `Your portal user name is your e-mail address: ${p.email}. You will also be able to log in with your DNI.`,
    hasAccount:
      'You already have a booking web account: the password you choose here replaces its password and works for both, with your DNI or your e-mail.',
    identityLegend: 'Confirm who you are',
    identityHint: 'They must match the details the center has on your record.',
    dniTramite: 'DNI procedure number (número de trámite)',
    dniTramiteHint: 'The 11 digits of the «Nº de trámite» printed on the front of your DNI card.',
    dniTramiteProblem: 'The procedure number has 11 digits: copy it as printed on your DNI.',
    accessLegend: 'Your password',
    mobileLegend: 'Your mobile phone',
    mobileOnRecord: (p: { ending: string }) =>
      `The center has a mobile number of yours ending in ${p.ending}. Type it in full to confirm it, or type another one: it will be the one on your record.`,
    securityLegend: 'Security question',
    securityHint:
      'We will ask it if you ever forget your password. Choose one only you can answer; capitals and accents do not matter.',
    securityQuestion: 'Question',
    securityAnswer: 'Answer',
    register: 'Sign up',
    linkInvalidTitle: 'This first access link does not work',
    linkInvalidHelp:
      'The link works for 72 hours and only once. If you already signed up, log in with your e-mail or your DNI. If not, ask the center to send the first access e-mail again.',
    lockedHelp:
      'Please contact the center so they check your details and send you a new e-mail. If you already signed up, you can log in anyway.',
    dataMissingTitle: 'Your record lacks a detail',
    loginLink: 'Log in',
    home: 'Go to the home page',
  },
);
