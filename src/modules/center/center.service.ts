import type { AppContext } from '../../context.js';
import type { CenterSettings } from '../../platform/db/schema.js';
import { getSettings } from './center.repo.js';

export interface CenterView {
  name: string;
  welcomePhrase: string;
  webAddress: string;
  contactEmail: string;
  phones: string;
  contactHours: string;
  timeZone: string;
  webBookingEnabled: boolean;
  webUserLabel: string;
  webAppointmentType: string;
  selectionMode: CenterSettings['selectionMode'];
  limits: { maxPerDayProfessional: number; maxFuturePerPatient: number; maxFuturePerIp: number };
  reasonRequired: boolean;
  mailPhrase: string;
  address: string;
  /** What the portal's first access asks besides the DNI: the DNI card's trámite number or the birth date. */
  portalIdentityCheck: CenterSettings['portalIdentityCheck'];
  /** The patients' dynamic token: digits, seconds each code lasts, HMAC hash. */
  tokenDigits: number;
  tokenStepSeconds: number;
  tokenAlgorithm: CenterSettings['tokenAlgorithm'];
  /** "Actualizá tus datos": portal patients confirm their data when they enter after this was turned on. */
  profileCheckEnabled: boolean;
  profileCheckEnabledAt: string | null;
}

export function centerView(s: CenterSettings): CenterView {
  return {
    name: s.name,
    welcomePhrase: s.welcomePhrase,
    webAddress: s.webAddress,
    contactEmail: s.contactEmail,
    phones: s.phones,
    contactHours: s.contactHours,
    timeZone: s.timeZone,
    webBookingEnabled: s.webBookingEnabled === 1,
    webUserLabel: s.webUserLabel,
    webAppointmentType: s.webAppointmentType,
    selectionMode: s.selectionMode,
    limits: {
      maxPerDayProfessional: s.maxPerDayProfessional,
      maxFuturePerPatient: s.maxFuturePerPatient,
      maxFuturePerIp: s.maxFuturePerIp,
    },
    reasonRequired: s.reasonRequired === 1,
    mailPhrase: s.mailPhrase,
    address: s.address,
    portalIdentityCheck: s.portalIdentityCheck,
    tokenDigits: s.tokenDigits,
    tokenStepSeconds: s.tokenStepSeconds,
    tokenAlgorithm: s.tokenAlgorithm,
    profileCheckEnabled: s.profileCheckEnabled === 1,
    profileCheckEnabledAt: s.profileCheckEnabledAt,
  };
}

/** Public: the home page and every mail show these data. */
export async function getCenter(ctx: AppContext): Promise<CenterView> {
  return centerView(await getSettings(ctx.database.db));
}

/** The From of the center's mails when MAIL_FROM is not set: its name and contact address. */
export async function centerMailFrom(ctx: AppContext, configured: string): Promise<string> {
  if (configured) return configured;
  const center = await getCenter(ctx);
  const name = center.name.replace(/["\\]/g, '');
  return `"${name}" <${center.contactEmail || 'turnero@localhost'}>`;
}
