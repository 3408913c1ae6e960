// What a file is, read from its first bytes: the browser's Content-Type and the file's name are only claims.

export type SniffedType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';

const startsWith = (bytes: Buffer, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

/** The type the bytes really are, among the ones the center accepts; null for anything else. */
export function sniffMediaType(bytes: Buffer): SniffedType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif'; // GIF8
  return null;
}

/** What a file's name or declared type claims it is, to tell the uploader when the bytes say otherwise. */
export function claimedMediaType(fileName: string, declared: string): SniffedType | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const byExt: Record<string, SniffedType> = {
    pdf: 'application/pdf',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    webp: 'image/webp',
    gif: 'image/gif',
  };
  if (ext && byExt[ext]) return byExt[ext];
  const type = declared.toLowerCase().split(';')[0]?.trim() ?? '';
  return (Object.values(byExt) as string[]).includes(type) ? (type as SniffedType) : null;
}
