// One-time passwords: HOTP (RFC 4226) and TOTP (RFC 6238) over node:crypto, with Base32 (RFC 4648) for
// authenticator apps. Staff two-factor and the patients' teleconsultation tokens both use this.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type OtpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  digits: number;
  stepSeconds: number;
  algorithm: OtpAlgorithm;
}

/** What authenticator apps assume: 6 digits, 30 s, SHA-1. */
export const AUTHENTICATOR: TotpOptions = { digits: 6, stepSeconds: 30, algorithm: 'sha1' };

export function hotp(secret: Buffer, counter: number, digits = 6, algorithm: OtpAlgorithm = 'sha1'): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(message).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export const totpCounter = (timeMs: number, stepSeconds: number) => Math.floor(timeMs / 1000 / stepSeconds);

export function totp(secret: Buffer, timeMs: number, options: TotpOptions = AUTHENTICATOR): string {
  return hotp(secret, totpCounter(timeMs, options.stepSeconds), options.digits, options.algorithm);
}

/**
 * The counter the code belongs to, accepting the current step and `drift` steps before it (a clock a bit
 * behind, or a code typed just as it changed); null when it matches none. Callers refuse a counter not
 * newer than the last one used, so each code works once.
 */
export function matchTotp(
  secret: Buffer,
  code: string,
  timeMs: number,
  options: TotpOptions = AUTHENTICATOR,
  drift = 1,
): number | null {
  const clean = code.replace(/\s/g, '');
  if (!/^\d+$/.test(clean) || clean.length !== options.digits) return null;
  const now = totpCounter(timeMs, options.stepSeconds);
  for (let counter = now; counter >= now - drift; counter--) {
    const expected = hotp(secret, counter, options.digits, options.algorithm);
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(clean))) return counter;
  }
  return null;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(data: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of data) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Lenient as people type it: any case, spaces and padding ignored. Null when a letter is not Base32. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The otpauth:// address an authenticator app reads from a QR code. */
export function otpauthUri(input: { issuer: string; account: string; secret: Buffer; options?: TotpOptions }) {
  const o = input.options ?? AUTHENTICATOR;
  const label = encodeURIComponent(`${input.issuer}:${input.account}`);
  const params = new URLSearchParams({
    secret: base32Encode(input.secret),
    issuer: input.issuer,
    algorithm: o.algorithm.toUpperCase(),
    digits: String(o.digits),
    period: String(o.stepSeconds),
  });
  return `otpauth://totp/${label}?${params}`;
}
