// Mobile numbers for SMS and WhatsApp. The manual asked staff to type them "sin guiones ni espacios";
// here any usual spelling is accepted and turned into E.164 (+54 9 area number), and a number that
// cannot receive a message is refused with the reason, so the desk can say why a patient was left out.
// The normalization itself is the patients' one (normalizeMobile): this adds the reasons and one more
// spelling people use, the "15" kept after "+54 9".
import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/max';
import type { E164 } from '../../platform/sms/provider.js';
import { normalizeMobile } from '../patients/patients.rules.js';

export type MobileProblem =
  | 'empty'
  | 'not_a_number' // letters or symbols that are not part of a phone number
  | 'too_short'
  | 'too_long'
  | 'missing_area_code' // "15 1234-5678": the local way, without the area
  | 'not_mobile' // a valid number that cannot take SMS: 0800, 0810, 0600…
  | 'foreign' // valid abroad, refused when only Argentine numbers can be sent to
  | 'invalid'; // the right length but no such number (unknown area code, bad prefix)

export type MobileCheck = { ok: true; e164: E164 } | { ok: false; problem: MobileProblem };

const ALLOWED = /^[\d\s()+\-./]*$/;

/** "+54 9 11 15 1234-5678" → "+54 9 11 1234-5678": tries dropping a "15" after a 2–4 digit area code. */
function withoutFifteen(input: string): string | null {
  const digits = input.replace(/\D/g, '');
  const m = /^(?:00)?549(\d+)$/.exec(digits);
  if (!m || !input.trim().match(/^(\+|00|54)/)) return null;
  const national = m[1]!;
  const found = new Set<string>();
  for (const areaLength of [2, 3, 4]) {
    if (national.slice(areaLength, areaLength + 2) !== '15') continue;
    const candidate = `+549${national.slice(0, areaLength)}${national.slice(areaLength + 2)}`;
    const e164 = normalizeMobile(candidate);
    if (e164) found.add(e164);
  }
  return found.size === 1 ? [...found][0]! : null;
}

function whyNot(input: string): MobileProblem {
  const parsed = parsePhoneNumberFromString(input, 'AR');
  const length = validatePhoneNumberLength(input, 'AR');
  if (length === 'NOT_A_NUMBER' || !parsed) return 'not_a_number';
  if (length === 'TOO_SHORT') return 'too_short';
  if (length === 'TOO_LONG') return 'too_long';
  if (parsed.country === 'AR' || parsed.countryCallingCode === '54') {
    // An invalid number keeps its trunk 0 in nationalNumber: "011 1234 567" reads "0111234567".
    const national = parsed.nationalNumber.replace(/^0/, '');
    // "15 1234 5678" parses as area "15": eight digits after a leading 15 is the local mobile spelling.
    if (/^15\d{8}$/.test(national) && !input.trim().startsWith('+')) return 'missing_area_code';
    if (national.length < 10) return 'too_short';
    if (parsed.isValid()) return 'not_mobile';
  } else if (parsed.isValid()) return 'not_mobile';
  return 'invalid';
}

/**
 * Any usual spelling of a mobile → E.164, or the reason it cannot take a message. Accepts "011 15
 * 1234-5678", "(0351) 155-123456", "11 1234 5678", "+54 9 11 1234 5678", "5491112345678",
 * "+54 9 11 15 1234 5678". Foreign mobiles in international form are kept unless `argentinaOnly`.
 */
export function checkMobile(input: string, options: { argentinaOnly?: boolean } = {}): MobileCheck {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (!ALLOWED.test(text)) return { ok: false, problem: 'not_a_number' };
  const e164 = (normalizeMobile(text) ?? withoutFifteen(text)) as E164 | null;
  if (!e164) return { ok: false, problem: whyNot(text) };
  if (options.argentinaOnly && !e164.startsWith('+549')) return { ok: false, problem: 'foreign' };
  return { ok: true, e164 };
}

/** E.164 or null, for code that only needs to know whether a message can be sent. */
export function mobileE164(input: string, options: { argentinaOnly?: boolean } = {}): E164 | null {
  const check = checkMobile(input, options);
  return check.ok ? check.e164 : null;
}

/** "+5491112345678" → "+54 9 11 1234 5678": how lists show a number, readable and still unambiguous. */
export function formatMobile(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}
