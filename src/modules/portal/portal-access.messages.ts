import type { Lang } from '../../platform/i18n/lang.js';
import { defineMessages } from '../../platform/i18n/messages.js';
import type { PortalNeed } from './portal-access.rules.js';

/** The "Portal del paciente" box of the patient's record, and the notes after its actions. */
export const portalAccessMessages = defineMessages(
  {
    title: 'Portal del paciente',
    intro:
      'Con el portal habilitado el paciente ve sus citas, documentos, cuestionarios y facturas. Su usuario es su e-mail; al habilitarlo le llega el mail «Validación primer acceso» para elegir su contraseña.',
    switchLabel: 'Portal del paciente habilitado',
    switchHint: 'Tildalo y guardá para habilitarlo; destildalo y guardá para deshabilitarlo.',
    save: 'Guardar portal',
    resend: 'Reenviar email de confirmación',
    resendHint:
      'Envía de nuevo el mail con el enlace de primer acceso (vale 72 horas). El enlace anterior deja de servir.',
    resendOff: 'Se puede reenviar con el portal habilitado.',
    resendDone:
      'Ya hizo su primer acceso: si olvidó la contraseña, que use «¿Olvidaste tu contraseña?» en Ingresar (le pide su respuesta de seguridad).',
    state: 'Estado',
    on: (p: { since: string }) => `Habilitado desde el ${p.since}.`,
    off: 'Deshabilitado.',
    userName: 'Usuario del portal',
    noUserName: 'sin e-mail',
    firstAccess: 'Primer acceso',
    firstAccessDone: 'hecho: el paciente eligió su contraseña y su pregunta de seguridad',
    firstAccessPending: 'pendiente',
    linkUntil: (p: { until: string }) => `enlace vigente hasta el ${p.until}`,
    noLink: 'sin enlace vigente',
    needs: (p: { list: string }) => `Para habilitar el portal, cargá en la ficha ${p.list} y guardá los cambios.`,
    offWithNeeds: (p: { list: string }) =>
      `El portal está habilitado, pero a la ficha le falta ${p.list}: el paciente puede no recibir los mails o no poder validar su identidad.`,
    enabled: 'Portal del paciente habilitado.',
    enabledMailed: (p: { email: string }) =>
      `Portal del paciente habilitado. Se envió el mail «Validación primer acceso» a ${p.email}.`,
    disabled:
      'Portal del paciente deshabilitado. Su usuario de la web de turnos sigue funcionando; las páginas del portal ya no.',
    mailed: (p: { email: string }) => `Se envió el mail «Validación primer acceso» a ${p.email}.`,
    unchanged: 'El portal ya estaba así: no cambió nada.',
    email: 'un e-mail válido',
    mobile: 'un celular válido',
    dni_tramite: 'el número de trámite del DNI (el centro lo pide en el primer acceso)',
    birth_date: 'la fecha de nacimiento (el centro la pide en el primer acceso)',
    and: 'y',
  },
  {
    title: 'Patient portal',
    intro:
      'With the portal enabled the patient sees their appointments, documents, questionnaires and invoices. Their user name is their e-mail; enabling it sends the "first access" e-mail to choose a password.',
    switchLabel: 'Patient portal enabled',
    switchHint: 'Tick it and save to enable it; untick it and save to disable it.',
    save: 'Save portal',
    resend: 'Send the confirmation e-mail again',
    resendHint: 'Sends the first access link again (valid for 72 hours). The previous link stops working.',
    resendOff: 'It can be sent while the portal is enabled.',
    resendDone:
      'They already completed the first access: a forgotten password goes through "Forgot your password?" (it asks their security answer).',
    state: 'Status',
    on: (p: { since: string }) => `Enabled since ${p.since}.`,
    off: 'Disabled.',
    userName: 'Portal user name',
    noUserName: 'no e-mail',
    firstAccess: 'First access',
    firstAccessDone: 'done: the patient chose a password and a security question',
    firstAccessPending: 'pending',
    linkUntil: (p: { until: string }) => `link valid until ${p.until}`,
    noLink: 'no valid link',
    needs: (p: { list: string }) => `To enable the portal, add ${p.list} to the record and save it.`,
    offWithNeeds: (p: { list: string }) =>
      `The portal is enabled, but the record lacks ${p.list}: the patient may not get the e-mails or be unable to prove who they are.`,
    enabled: 'Patient portal enabled.',
    enabledMailed: (p: { email: string }) => `Patient portal enabled. The first access e-mail was sent to ${p.email}.`,
    disabled: 'Patient portal disabled. Their booking web account keeps working; the portal pages no longer do.',
    mailed: (p: { email: string }) => `The first access e-mail was sent to ${p.email}.`,
    unchanged: 'The portal was already like that: nothing changed.',
    email: 'a valid e-mail address',
    mobile: 'a valid mobile number',
    dni_tramite: 'the DNI procedure number (the center asks for it on first access)',
    birth_date: 'the date of birth (the center asks for it on first access)',
    and: 'and',
  },
);

/** "un e-mail válido, un celular válido y el número de trámite…": what the record lacks, to read. */
export function needsText(needs: readonly PortalNeed[], lang: Lang): string {
  const t = portalAccessMessages(lang);
  const items = needs.map((need) => t(need));
  const last = items.pop() ?? '';
  return items.length === 0 ? last : `${items.join(', ')} ${t('and')} ${last}`;
}
