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
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + i.message));
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
    files: { dir: e.FILES_DIR },
    secretsKey: e.SECRETS_KEY,
  });
}
