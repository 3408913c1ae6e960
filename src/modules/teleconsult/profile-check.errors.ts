// What can go wrong with "Actualizá tus datos".
import type { ErrorDef } from '../../errors.js';

export const profileCheckErrors = {
  PROFILE_CHECK_REQUIRED: {
    status: 403,
    es: () =>
      'Antes de seguir usando el portal tenés que confirmar tus datos en «Actualizá tus datos» (/portal/actualizar-datos).',
    en: () => 'Before using the portal again, confirm your data in "Update your data" (/portal/actualizar-datos).',
  },
  PROFILE_CHECK_DNI_MISMATCH: {
    status: 422,
    es: () => 'El DNI no coincide con el de tu cuenta; si está mal en el centro, consultá en recepción.',
    en: () => "The DNI does not match your account's; if the center has it wrong, ask at the front desk.",
  },
  PROFILE_CHECK_TRAMITE_WRONG: {
    status: 422,
    es: (p) =>
      `El número de trámite no coincide con el que tiene el centro. Copialo del frente de tu DNI (11 números). Te quedan ${p.left} intentos.`,
    en: (p) =>
      `The procedure number (número de trámite) does not match the center's. Copy it from the front of your DNI (11 digits). ${p.left} tries left.`,
  },
  PROFILE_CHECK_LOCKED: {
    status: 429,
    es: (p) =>
      `Hubo demasiados intentos con un número de trámite equivocado. Probá de nuevo en ${p.minutes} minutos, o consultá en recepción.`,
    en: (p) =>
      `Too many tries with a wrong procedure number. Try again in ${p.minutes} minutes, or ask at the front desk.`,
  },
} satisfies Record<string, ErrorDef>;
