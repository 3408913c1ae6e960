import { defineMessages } from '../../platform/i18n/messages.js';

/** Texts of the account pages: log in, register, activate, forgotten password. */
export const accountMessages = defineMessages(
  {
    loginTitle: 'Ingresar',
    loginButton: 'Ingresar',
    pendingText:
      'Tu usuario todavía no está activado. Buscá el mail que te enviamos al registrarte (revisá también el correo no deseado) o pedí uno nuevo:',
    resendButton: 'Reenviar mail de activación',
    forgotLink: 'Olvidé mi contraseña',
    registerLink: '¿No tenés usuario? Registrate',
    resendLink: 'No me llegó el mail de activación',
    registerTitle: 'Registrarse',
    registerIntro:
      'Escribí el DNI de la persona que se va a atender: el tuyo, o el de quien vas a anotar (por ejemplo, tu hijo o hija).',
    registerDni: 'DNI de quien se va a atender',
    sumQuestion: (p: { a: number; b: number }) => `¿Cuánto es ${p.a} + ${p.b}?`,
    sumHint: 'Escribí el resultado en números. Es para saber que sos una persona.',
    continue: 'Seguir',
    haveAccount: '¿Ya tenés usuario? Ingresá',
    registerFor: (p: { dni: string }) => `DNI: ${p.dni}`,
    onFileTitle: 'Ya sos paciente del centro',
    onFileIntro: 'Estos son los datos que tenemos. Por seguridad los mostramos en parte.',
    onFileName: 'Apellido y nombre',
    onFileAddress: 'Domicilio',
    onFileLoaded: 'cargado',
    onFileMissing: 'no lo tenemos',
    mobileEnding: (p: { digits: string }) => `terminado en ${p.digits}`,
    onFileMailTo: (p: { email: string }) =>
      `El mail para activar tu usuario va a ir a ${p.email}. Si esa dirección ya no es tuya, comunicate con el centro.`,
    onFileFix: 'Si algún dato está mal, lo podés cambiar después en Mis datos o comunicándote con el centro.',
    completeTitle: 'Completá lo que falta',
    yourDataTitle: 'Tus datos',
    passwordTitle: 'Elegí tu contraseña',
    createButton: 'Crear mi usuario',
    sentTitle: 'Revisá tu correo',
    sentText:
      'Te enviamos un mail con un enlace para activar tu usuario. El enlace vale 48 horas; hasta que lo abras no vas a poder ingresar.',
    sentSpam: 'Si en unos minutos no llega, revisá la carpeta de correo no deseado o pedí que te lo enviemos de nuevo.',
    resendShort: 'Reenviar el mail',
    home: 'Ir al inicio',
    activatedTitle: 'Usuario activado',
    activatedText: 'Tu usuario quedó activado. Ya podés ingresar con tu DNI y tu contraseña.',
    loginLink: 'Ingresar',
    linkInvalidTitle: 'El enlace no sirve',
    linkInvalidHelp:
      'Si ya activaste tu usuario, ingresá. Si no, pedí un enlace nuevo. Si olvidaste la contraseña, elegí una nueva.',
    forgotTitle: 'Olvidé mi contraseña',
    forgotIntro:
      'Escribí tu DNI. Si tenés usuario, te enviamos un mail con un enlace para elegir una contraseña nueva (vale 2 horas).',
    forgotButton: 'Enviarme el enlace',
    forgotSentTitle: 'Revisá tu correo',
    forgotSentText:
      'Si ese DNI tiene usuario, te enviamos un mail a la dirección registrada con un enlace para elegir una contraseña nueva. Vale 2 horas.',
    noMailHelp: 'Si no llega o ya no usás ese e-mail, comunicate con el centro.',
    resendTitle: 'Reenviar el mail de activación',
    resendIntro:
      'Escribí tu DNI. Si tu usuario espera ser activado, te enviamos un enlace nuevo (los anteriores dejan de servir).',
    resendSentText:
      'Si ese DNI tiene un usuario sin activar, te enviamos un mail nuevo a la dirección registrada. El enlace vale 48 horas.',
    resetTitle: 'Elegí una contraseña nueva',
    newPassword: 'Contraseña nueva',
    resetButton: 'Guardar la contraseña',
    securityAnswer: 'Tu respuesta de seguridad',
    securityAnswerHint:
      'La pregunta de seguridad que elegiste en el portal del paciente. No importan las mayúsculas ni los acentos.',
    resetDoneTitle: 'Contraseña cambiada',
    resetDoneText:
      'Listo: ya podés ingresar con tu DNI y la contraseña nueva. Las sesiones abiertas en otros dispositivos se cerraron.',
    disabledTitle: 'Aviso del centro',
    disabledText:
      'El centro deshabilitó tu usuario para tomar turnos por internet. Podés ver tus datos; para pedir un turno comunicate con el centro.',
    disabledNoteIntro: 'Observación del centro:',
    continueLink: 'Continuar',
  },
  {
    loginTitle: 'Log in',
    loginButton: 'Log in',
    pendingText:
      'Your account is not activated yet. Look for the e-mail we sent when you signed up (check the spam folder too) or ask for a new one:',
    resendButton: 'Send the activation e-mail again',
    forgotLink: 'I forgot my password',
    registerLink: 'No account yet? Sign up',
    resendLink: 'I did not get the activation e-mail',
    registerTitle: 'Sign up',
    registerIntro:
      'Type the DNI of the person who will be seen: yours, or that of the person you are signing up (e.g. your child).',
    registerDni: 'DNI of the person who will be seen',
    sumQuestion: (p: { a: number; b: number }) => `What is ${p.a} + ${p.b}?`,
    sumHint: 'Type the result in digits. It tells us you are a person.',
    continue: 'Continue',
    haveAccount: 'Already have an account? Log in',
    registerFor: (p: { dni: string }) => `DNI: ${p.dni}`,
    onFileTitle: 'You are already a patient of the center',
    onFileIntro: 'This is what we have on file. For your security it is partly hidden.',
    onFileName: 'Name',
    onFileAddress: 'Address',
    onFileLoaded: 'on file',
    onFileMissing: 'not on file',
    mobileEnding: (p: { digits: string }) => `ending in ${p.digits}`,
    onFileMailTo: (p: { email: string }) =>
      `The activation e-mail will go to ${p.email}. If that address is no longer yours, please contact the center.`,
    onFileFix: 'If something is wrong you can change it later in My details, or contact the center.',
    completeTitle: 'Complete what is missing',
    yourDataTitle: 'Your details',
    passwordTitle: 'Choose your password',
    createButton: 'Create my account',
    sentTitle: 'Check your e-mail',
    sentText:
      'We sent you an e-mail with a link to activate your account. The link works for 48 hours; you cannot log in until you open it.',
    sentSpam: 'If it does not arrive in a few minutes, check the spam folder or ask us to send it again.',
    resendShort: 'Send the e-mail again',
    home: 'Go to the home page',
    activatedTitle: 'Account activated',
    activatedText: 'Your account is now active. You can log in with your DNI and your password.',
    loginLink: 'Log in',
    linkInvalidTitle: 'This link does not work',
    linkInvalidHelp:
      'If you already activated your account, log in. If not, ask for a new link. If you forgot your password, choose a new one.',
    forgotTitle: 'I forgot my password',
    forgotIntro:
      'Type your DNI. If you have an account, we will e-mail you a link to choose a new password (it works for 2 hours).',
    forgotButton: 'Send me the link',
    forgotSentTitle: 'Check your e-mail',
    forgotSentText:
      'If that DNI has an account, we sent an e-mail to the address on file with a link to choose a new password. It works for 2 hours.',
    noMailHelp: 'If it does not arrive or you no longer use that address, please contact the center.',
    resendTitle: 'Send the activation e-mail again',
    resendIntro:
      'Type your DNI. If your account is waiting to be activated, we will send a new link (earlier ones stop working).',
    resendSentText:
      'If that DNI has an account waiting to be activated, we sent a new e-mail to the address on file. The link works for 48 hours.',
    resetTitle: 'Choose a new password',
    newPassword: 'New password',
    resetButton: 'Save the password',
    securityAnswer: 'Your security answer',
    securityAnswerHint: 'The security question you chose in the patient portal. Capitals and accents do not matter.',
    resetDoneTitle: 'Password changed',
    resetDoneText:
      'Done: you can log in with your DNI and the new password. Sessions open on other devices were closed.',
    disabledTitle: 'A notice from the center',
    disabledText:
      'The center disabled online booking for your account. You can see your details; to book an appointment please contact the center.',
    disabledNoteIntro: 'Note from the center:',
    continueLink: 'Continue',
  },
);
