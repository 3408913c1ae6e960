// How many SMS a text costs. A phone bills per segment, and one character outside the GSM-7 alphabet
// (3GPP TS 23.038) turns the whole message into UCS-2, which fits less than half as much per segment.
// Spanish trips on this: é ñ Ñ ü Ü ¿ ¡ É are GSM-7, but á í ó ú (and Á Í Ó Ú) are not.

/** The GSM 03.38 default alphabet, in table order (0x00–0x7F); 0x1B is the escape to the extension table. */
export const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: each costs two septets (the escape and the character). */
export const GSM_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC.replace('\u001b', ''));
const EXTENSION = new Set(GSM_EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsCount {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  /** Messages the phone company bills; 0 for an empty text. */
  segments: number;
  /** Units one segment holds: 160/70 alone, 153/67 when concatenated (the rest carries the joining header). */
  perSegment: number;
  /** Units still free in the last segment before another one starts. */
  remaining: number;
  /** The characters that forced UCS-2, once each, in order of appearance (empty for GSM-7). */
  forcedBy: string[];
}

/** Units one character takes in GSM-7: 1 or 2, or null when it is not in the alphabet. */
export function gsmUnits(char: string): 1 | 2 | null {
  if (BASIC.has(char)) return 1;
  if (EXTENSION.has(char)) return 2;
  return null;
}

/**
 * Segments are packed the way phones and gateways do: an escaped GSM character or a UCS-2 surrogate pair
 * is never split between two segments, so a segment may end one unit short. Counting only units / 153
 * would say 2 where the bill says 3.
 */
export function smsSegments(text: string): SmsCount {
  const forcedBy = [...new Set([...text].filter((char) => gsmUnits(char) === null))];
  const encoding: SmsEncoding = forcedBy.length === 0 ? 'GSM-7' : 'UCS-2';
  const weights = [...text].map((char) => (encoding === 'GSM-7' ? (gsmUnits(char) as number) : char.length));
  const units = weights.reduce((sum, w) => sum + w, 0);
  const single = encoding === 'GSM-7' ? 160 : 70;
  const multi = encoding === 'GSM-7' ? 153 : 67;
  if (units === 0) return { encoding, units, segments: 0, perSegment: single, remaining: single, forcedBy };
  if (units <= single) return { encoding, units, segments: 1, perSegment: single, remaining: single - units, forcedBy };
  let segments = 1;
  let used = 0;
  for (const w of weights) {
    if (used + w > multi) {
      segments++;
      used = 0;
    }
    used += w;
  }
  return { encoding, units, segments, perSegment: multi, remaining: multi - used, forcedBy };
}
