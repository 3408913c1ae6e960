import { defineMessages } from '../../platform/i18n/messages.js';

/** Texts of Mis datos. */
export const profileMessages = defineMessages(
  {
    title: 'Mis datos',
    disabled:
      'El centro deshabilitó tu usuario para tomar turnos por internet. Para pedir un turno comunicate con el centro.',
    savedData: 'Guardamos tus datos.',
    mailSent:
      'Te enviamos un mail a la dirección nueva. El cambio se aplica cuando abras el enlace (vale 24 horas); hasta entonces seguimos usando la anterior.',
    mailChanged: 'Listo: tu e-mail cambió. Le avisamos a tu dirección anterior.',
    savedPassword: 'Cambiamos tu contraseña. Se cerraron las sesiones abiertas en otros dispositivos.',
    dataTitle: 'Datos personales',
    dniHint: 'Para cambiar tu DNI comunicate con el centro.',
    saveData: 'Guardar cambios',
    mailTitle: 'E-mail',
    currentMail: (p: { email: string }) => `Tu e-mail es ${p.email}.`,
    noMail: 'No tenemos tu e-mail.',
    mailHint: 'Te enviamos un enlace a la dirección nueva; el cambio se aplica cuando lo abras.',
    newMail: 'E-mail nuevo',
    currentPassword: 'Contraseña actual',
    changeMail: 'Cambiar e-mail',
    passwordTitle: 'Contraseña',
    passwordHint: 'Al cambiarla se cierran las sesiones abiertas en otros dispositivos.',
    newPassword: 'Contraseña nueva',
    changePassword: 'Cambiar contraseña',
  },
  {
    title: 'My details',
    disabled: 'The center disabled online booking for your account. To book an appointment please contact the center.',
    savedData: 'Your details were saved.',
    mailSent:
      'We sent an e-mail to the new address. The change applies when you open its link (it works for 24 hours); until then we keep using the old one.',
    mailChanged: 'Done: your e-mail address changed. We let your old address know.',
    savedPassword: 'Your password was changed. Sessions open on other devices were closed.',
    dataTitle: 'Personal details',
    dniHint: 'To change your DNI please contact the center.',
    saveData: 'Save changes',
    mailTitle: 'E-mail',
    currentMail: (p: { email: string }) => `Your e-mail address is ${p.email}.`,
    noMail: 'We do not have your e-mail address.',
    mailHint: 'We send a link to the new address; the change applies when you open it.',
    newMail: 'New e-mail',
    currentPassword: 'Current password',
    changeMail: 'Change e-mail',
    passwordTitle: 'Password',
    passwordHint: 'Changing it closes the sessions open on other devices.',
    newPassword: 'New password',
    changePassword: 'Change password',
  },
);
