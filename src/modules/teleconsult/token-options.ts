// The center's token settings as the OTP code takes them.

import type { CenterSettings } from '../../platform/db/schema.js';
import type { TotpOptions } from '../../platform/otp/otp.js';

export function tokenOptions(
  settings: Pick<CenterSettings, 'tokenDigits' | 'tokenStepSeconds' | 'tokenAlgorithm'>,
): TotpOptions {
  return { digits: settings.tokenDigits, stepSeconds: settings.tokenStepSeconds, algorithm: settings.tokenAlgorithm };
}

/** Printed codes are longer than any dynamic one, so a code says which kind it is and guessing one is harder. */
export const PRINTED_CODE_DIGITS = 10;
