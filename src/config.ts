import { z } from 'zod';
import { type DbTarget, parseDatabaseUrl } from './platform/db/dialect.js';

const bool = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      if (/^(1|true|yes|si|sí|on)$/i.test(v)) return true;
      if (/^(0|false|no|off)$/i.test(v)) return false;
      ctx.addIssue({ code: 'custom', message: `debe ser true o false (recibido: ${v})` });
      return z.NEVER;
    });

const int = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `debe ser un entero entre ${min} y ${max} (recibido: ${v})` });
        return z.NEVER;
      }
      return n;
    });

const envSchema = z.object({
  PORT: int(3000, 0, 65535),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/turnero.db')
    .transform((v, ctx) => {
      try {
        return parseDatabaseUrl(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
        return z.NEVER;
      }
    }),
  DATABASE_POOL_SIZE: int(10, 1, 200),
  TURNERO_DEMO: bool(true),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: (i) => `debe ser fatal, error, warn, info, debug, trace o silent (recibido: ${String(i.input)})`,
    })
    .default('info'),
  TRUST_PROXY: bool(false),
  SHUTDOWN_GRACE_MS: int(10000, 0, 600000),
  AVAILABILITY_CACHE_MS: int(2000, 0, 60000),
  PATIENT_IDLE_SECONDS: int(600, 5, 86400),
  STAFF_IDLE_SECONDS: int(1800, 5, 86400),
  PUBLIC_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^https?:\/\/[^/\s]+(\/\S*)?$/.test(v), {
      message: 'debe ser una dirección http:// o https:// (ej.: https://turnos.micentro.com.ar)',
    })
    .transform((v) => (v ? v.replace(/\/+$/, '') : null)),
  SMTP_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^smtps?:\/\//.test(v), {
      message: 'debe empezar con smtp:// o smtps:// (ej.: smtp://usuario:clave@mail.micentro.com.ar:587)',
    })
    .transform((v) => v || null),
  MAIL_FROM: z.string().default(''),
  FILES_DIR: z.string().min(1).default('./data/files'),
  UPLOAD_MAX_MB: int(10, 1, 100),
  S3_ENDPOINT: z
    .string()
    .optional()
    .refine((v) => !v || /^https?:\/\/[^/\s?#]+(\/[^\s?#]*)?$/.test(v), {
      message: 'debe ser una dirección http:// o https:// sin el bucket (ej.: https://s3.sa-east-1.amazonaws.com)',
    })
    .transform((v) => (v ? v.replace(/\/+$/, '') : '')),
  S3_BUCKET: z
    .string()
    .optional()
    .refine((v) => !v || /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(v), {
      message: 'debe ser un nombre de bucket válido: de 3 a 63 minúsculas, números, puntos o guiones',
    })
    .transform((v) => v ?? ''),
  S3_REGION: z
    .string()
    .optional()
    .refine((v) => !v || /^[a-z0-9-]{1,40}$/.test(v), {
      message: 'debe ser el nombre de una región, en minúsculas (ej.: us-east-1, sa-east-1)',
    })
    .transform((v) => v || 'us-east-1'),
  S3_ACCESS_KEY_ID: z.string().default(''),
  S3_SECRET_ACCESS_KEY: z.string().default(''),
  SECRETS_KEY: z
    .string()
    .optional()
    .refine((v) => !v || v.length >= 32, {
      message: 'debe tener al menos 32 caracteres (ej.: openssl rand -base64 32)',
    })
    .transform((v) => v || null),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database: DbTarget;
  readonly databasePoolSize: number;
  readonly demo: boolean;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Behind a reverse proxy, take the patient's IP from X-Forwarded-For (the per-IP booking limit needs it). */
  readonly trustProxy: boolean;
  readonly shutdownGraceMs: number;
  /** How long a public week of free slots may be served from memory (0: never). */
  readonly availabilityCacheMs: number;
  readonly web: WebConfig;
  readonly mail: MailConfig;
  readonly files: FilesConfig;
  /** Seals stored credentials (TOTP secrets, SMTP passwords); null: a key kept in the database. */
  readonly secretsKey: string | null;
}

export interface WebConfig {
  /** A patient's session ends after this long without a request (the manual: 10 minutes). */
  readonly patientIdleSeconds: number;
  /** A staff session ends after this long without a request (a desk is left alone now and then). */
  readonly staffIdleSeconds: number;
  /** The address patients reach, for links in mails; null: the address of the request that caused the mail. */
  readonly publicUrl: string | null;
  /** The largest file a patient or staff member may upload. */
  readonly uploadMaxBytes: number;
}

export interface FilesConfig {
  /** Uploaded documents and photos, when no object store is configured; outside what the web serves. */
  readonly dir: string;
  /** An S3-compatible bucket (AWS, MinIO, Ceph…) instead of the folder; null: the folder. */
  readonly s3: S3Config | null;
}

export interface S3Config {
  /** The service's address without the bucket (path-style requests: endpoint/bucket/key). */
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** The S3 variables that must come together; S3_REGION has a default. */
const S3_REQUIRED = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/** All or none: half an object store would silently keep files on the local disk. */
function s3Problem(env: NodeJS.ProcessEnv): string | null {
  const missing = S3_REQUIRED.filter((name) => !env[name]);
  if (missing.length === 0 || missing.length === S3_REQUIRED.length) return null;
  const given = S3_REQUIRED.filter((name) => env[name]);
  return (
    `S3: falta ${missing.join(', ')} (está ${given.join(', ')}). Para guardar los archivos en un bucket ` +
    `S3 se definen juntas ${S3_REQUIRED.join(', ')} (S3_REGION es opcional); sin ninguna, van a FILES_DIR.`
  );
}

export interface MailConfig {
  /** null: mails wait in the outbox until an SMTP server is configured. */
  readonly smtpUrl: string | null;
  /** "Centro Médico <turnos@centro.com.ar>"; empty: the center's contact e-mail. */
  readonly from: string;
}

export const defaultWebConfig: WebConfig = {
  patientIdleSeconds: 600,
  staffIdleSeconds: 1800,
  publicUrl: null,
  uploadMaxBytes: 10 * 1024 * 1024,
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuración inválida:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads the whole environment at once and reports every problem together. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const s3 = s3Problem(env);
  if (!parsed.success || s3) {
    const issues = parsed.success ? [] : parsed.error.issues;
    const problems = issues.map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + i.message);
    throw new ConfigError(s3 ? [...problems, s3] : problems);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    demo: e.TURNERO_DEMO,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    availabilityCacheMs: e.AVAILABILITY_CACHE_MS,
    web: {
      patientIdleSeconds: e.PATIENT_IDLE_SECONDS,
      staffIdleSeconds: e.STAFF_IDLE_SECONDS,
      publicUrl: e.PUBLIC_URL,
      uploadMaxBytes: e.UPLOAD_MAX_MB * 1024 * 1024,
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    files: {
      dir: e.FILES_DIR,
      s3: e.S3_ENDPOINT
        ? {
            endpoint: e.S3_ENDPOINT,
            bucket: e.S3_BUCKET,
            region: e.S3_REGION,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          }
        : null,
    },
    secretsKey: e.SECRETS_KEY,
  });
}
