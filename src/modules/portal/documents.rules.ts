// What an upload must be, and how a stored file is offered back: pure functions, tested on their own.
import { AppError } from '../../errors.js';
import type { DocumentCategory } from '../../platform/db/schema.js';
import type { Lang } from '../../platform/i18n/lang.js';
import { claimedMediaType, type SniffedType, sniffMediaType } from '../../platform/storage/sniff.js';
import { documentsMessages } from './documents.messages.js';

export const DESCRIPTION_MAX = 200;
export const FILE_NAME_MAX = 200;
export const CATEGORIES: readonly DocumentCategory[] = ['report', 'questionnaire', 'document', 'image'];
/** The file input's accept attribute: the same types sniff.ts recognizes. */
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.gif,application/pdf,image/jpeg,image/png,image/webp,image/gif';

export interface Upload {
  /** As the uploader named it: shown and offered on download, never a path. */
  fileName: string;
  /** What the browser claimed ('' from the API). */
  declaredType: string;
  bytes: Buffer;
  /** Over the limit: only the first bytes were read. */
  tooLarge: boolean;
  /** The whole size when known though not read (the request's length), for the message. */
  wholeSize?: number | null;
}

export const isCategory = (v: string): v is DocumentCategory => (CATEGORIES as readonly string[]).includes(v);

export type DescriptionProblem = 'descriptionRequired' | 'descriptionTooLong';

/** The description is what the patient and staff recognize a file by: required, and short. */
export function descriptionProblem(description: string): DescriptionProblem | null {
  const text = description.trim();
  if (text === '') return 'descriptionRequired';
  if (text.length > DESCRIPTION_MAX) return 'descriptionTooLong';
  return null;
}

/** Bytes as MB with one decimal, never shown as 0. */
export const megabytes = (bytes: number) => Math.max(0.1, Math.round((bytes / (1024 * 1024)) * 10) / 10);

/**
 * Size and maximum in MB with as many decimals as it takes for the size to read larger ("1,04 MB; … 1 MB");
 * a size that would still read the same has none ('': "pesa más de 1 MB").
 */
export function overLimit(size: number, max: number): { size: number | ''; max: number } {
  const inMb = (bytes: number, digits: number) => Math.round((bytes / (1024 * 1024)) * 10 ** digits) / 10 ** digits;
  for (let digits = 1; digits <= 3; digits++) {
    if (inMb(size, digits) > inMb(max, digits)) return { size: inMb(size, digits), max: inMb(max, digits) };
  }
  return { size: '', max: megabytes(max) };
}

const TYPE_KEY = {
  'application/pdf': 'typePdf',
  'image/png': 'typePng',
  'image/jpeg': 'typeJpeg',
  'image/webp': 'typeWebp',
  'image/gif': 'typeGif',
} as const satisfies Record<SniffedType, string>;

export type ForeignKind = 'empty' | 'html' | 'svg' | 'executable' | 'script' | 'archive';

/** What a refused file looks like, to tell the uploader (a guess from the first bytes; null: no idea). */
export function foreignKind(bytes: Buffer): ForeignKind | null {
  if (bytes.length === 0) return 'empty';
  const head = bytes.subarray(0, 512).toString('latin1');
  if (head.startsWith('MZ') || head.startsWith('\x7fELF') || head.startsWith('\xcf\xfa\xed\xfe')) return 'executable';
  if (head.startsWith('#!')) return 'script';
  if (head.startsWith('PK\x03\x04') || head.startsWith('Rar!') || head.startsWith('7z\xbc\xaf')) return 'archive';
  const text = head
    .replace(/^\xef\xbb\xbf/, '')
    .trimStart()
    .toLowerCase();
  if (/^<svg\b/.test(text) || (text.startsWith('<?xml') && text.includes('<svg'))) return 'svg';
  if (/^<(!doctype html|html|head|body|script|iframe|meta|!--)/.test(text)) return 'html';
  return null;
}

const LOOKS_KEY = {
  empty: 'foreignEmpty',
  html: 'foreignHtml',
  svg: 'foreignSvg',
  executable: 'foreignExecutable',
  script: 'foreignScript',
  archive: 'foreignArchive',
} as const satisfies Record<ForeignKind, string>;

/** "es una imagen PNG" / "no es un PDF (parece una página web HTML)", in one language. */
function contentPhrase(lang: Lang, claimed: SniffedType, actual: SniffedType | null, bytes: Buffer): string {
  const t = documentsMessages(lang);
  if (actual) return t('contentIs', { type: t(TYPE_KEY[actual]) });
  const kind = foreignKind(bytes);
  return t('contentIsNot', { type: t(TYPE_KEY[claimed]), looks: kind ? t(LOOKS_KEY[kind]) : '' });
}

/**
 * The type the file really is, when the center accepts it; otherwise the AppError that says what is wrong:
 * no file, too large, a type the center does not take, or content that is not what the name or browser claims.
 */
export function checkUpload(file: Upload | null, maxBytes: number): SniffedType {
  if (!file) throw new AppError('FILE_MISSING');
  if (file.tooLarge || file.bytes.length > maxBytes) {
    const whole = file.tooLarge ? (file.wholeSize ?? null) : file.bytes.length;
    if (whole === null || whole <= maxBytes)
      throw new AppError('FILE_TOO_LARGE', { size: '', max: megabytes(maxBytes) });
    throw new AppError('FILE_TOO_LARGE', overLimit(whole, maxBytes));
  }
  const actual = sniffMediaType(file.bytes);
  const claimed = claimedMediaType(file.fileName, file.declaredType);
  if (claimed && actual !== claimed) {
    const t = { es: documentsMessages('es'), en: documentsMessages('en') };
    throw new AppError('FILE_CONTENT_MISMATCH', {
      name: file.fileName,
      claimedEs: t.es(TYPE_KEY[claimed]),
      claimedEn: t.en(TYPE_KEY[claimed]),
      actualEs: contentPhrase('es', claimed, actual, file.bytes),
      actualEn: contentPhrase('en', claimed, actual, file.bytes),
    });
  }
  // No claim (a name without a known extension) is fine when the bytes are an accepted type.
  if (!actual) throw new AppError('FILE_TYPE_NOT_ACCEPTED', { name: file.fileName || '?' });
  return actual;
}

export const isImage = (mediaType: string) => mediaType.startsWith('image/');

const EXTENSIONS: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
};

/**
 * The name a file is offered under: the uploader's, without folders or control characters, ending in the
 * extension of what the bytes are (so "foto.html" holding a PNG is saved as "foto.html.png" and opens as one).
 */
export function downloadName(fileName: string, mediaType: string, id: number): string {
  const base = (fileName.split(/[/\\]/).pop() ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, FILE_NAME_MAX);
  const extensions = EXTENSIONS[mediaType] ?? [];
  const name = base || `documento-${id}`;
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return extensions.length && !extensions.includes(ext) ? `${name}.${extensions[0]}` : name;
}

/** RFC 6266 with an ASCII fallback and the exact name in RFC 5987's filename* (accents, ñ). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const exact = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/** "340 KB" / "1,2 MB": a file's size as people read it. */
export function sizeLabel(lang: Lang, bytes: number): string {
  const locale = lang === 'es' ? 'es-AR' : 'en';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.ceil(bytes / 1024)).toLocaleString(locale)} KB`;
  return `${megabytes(bytes).toLocaleString(locale)} MB`;
}
