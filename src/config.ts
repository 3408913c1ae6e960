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
}

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
  });
}
