// Normalization of what patients and staff type: DNI, mobile phone, e-mail, names.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** "30.123.456" -> "30123456"; null when it is not a DNI (7 or 8 digits). */
export function normalizeDni(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '');
  return /^\d{7,8}$/.test(digits) ? digits.replace(/^0+(?=\d{7})/, '') : null;
}

/**
 * Any way people write an Argentine mobile ("011 15 1234-5678", "11 1234 5678", "+54 9 11 …")
 * -> E.164 "+5491112345678"; foreign mobiles in international form are kept. null when invalid.
 */
export function normalizeMobile(input: string): string | null {
  const phone = parsePhoneNumberFromString(input.trim(), 'AR');
  if (!phone?.isValid()) return null;
  const type = phone.getType();
  if (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE') return phone.number;
  // In Argentina the same 10 digits are a landline or, with the 9, a mobile: in a mobile field it is a mobile.
  if (phone.country === 'AR' && type === 'FIXED_LINE') {
    const mobile = parsePhoneNumberFromString(`+549${phone.nationalNumber}`);
    if (mobile?.isValid() && mobile.getType() === 'MOBILE') return mobile.number;
  }
  return null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function normalizeEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return EMAIL.test(email) && email.length <= 254 ? email : null;
}

/** Names keep the case and accents the person typed; only stray spaces go. */
export function normalizeName(input: string): string {
  return input.trim().replace(/\s+/g, ' ');
}
