// bin/turnero: serve, migrate, demo, api-token, admin/user, holidays.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import type { AppContext } from './context.js';
import { DEMO_PASSWORD, loadDemo } from './demo/load-demo.js';
import { serve } from './main.js';
import { loadNationalHolidays } from './modules/scheduling/holidays.service.js';
import { createApiToken } from './modules/staff/api-tokens.service.js';
import { createStaffUser } from './modules/staff/staff-users.service.js';
import { createDb } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import type { StaffRole } from './platform/db/schema.js';
import { randomToken } from './platform/secrets.js';
import { createFileStore } from './platform/storage/create-store.js';
import { systemClock } from './platform/time/clock.js';

const HELP = `Uso: turnero <comando>

  start                       aplica migraciones y atiende (lo que hace npm start)
  serve                       atiende HTTP (la base ya debe estar migrada)
  migrate                     aplica las migraciones pendientes
  demo                        carga el centro de demostración en la base configurada
  api-token create --name NOMBRE [--role admin|reception|professional] [--professional-id ID]
                              crea un token de API para el personal (se muestra una sola vez)
  admin create --username USUARIO --name "NOMBRE" [--email E]
                              crea un administrador del personal (para el primer ingreso a /staff)
  user create --username USUARIO --name "NOMBRE" --role admin|reception|professional [--email E] [--professional-id ID]
                              crea un usuario del personal
                              La contraseña se lee de la entrada estándar (echo 'clave' | turnero …);
                              sin ella se genera una y se muestra una sola vez.
  holidays --year AAAA        carga los feriados nacionales de Argentina de ese año como días bloqueados

La configuración se toma de variables de entorno (ver README): PORT, HOST, DATABASE_URL, TURNERO_DEMO, LOG_LEVEL…`;

async function withContext<T>(run: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = createDb(config.database, { poolSize: 2 });
  try {
    await migrateToLatest(database);
    return await run({
      database,
      clock: systemClock,
      web: config.web,
      files: createFileStore(config.files),
      secretsKey: config.secretsKey ?? undefined,
    });
  } finally {
    await database.close();
  }
}

const ROLES: readonly StaffRole[] = ['admin', 'reception', 'professional'];

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      await serve(loadConfig(), { migrate: true });
      return;
    case 'serve':
      await serve(loadConfig(), { migrate: false });
      return;
    case 'migrate': {
      const config = loadConfig();
      const database = createDb(config.database, { poolSize: 1 });
      const applied = await migrateToLatest(database).finally(() => database.close());
      console.log(applied.length ? `Migraciones aplicadas: ${applied.join(', ')}` : 'La base ya estaba al día.');
      return;
    }
    case 'demo': {
      const summary = await withContext((ctx) => loadDemo(ctx, { nowMs: ctx.clock.now() }));
      console.log(
        `Centro de demostración cargado: ${summary.professionals} profesionales, ${summary.patients} pacientes, ${summary.appointments} turnos.`,
      );
      console.log(
        `Personal de prueba en /staff (contraseña ${DEMO_PASSWORD}): ${summary.staffUsers.map((u) => u.username).join(', ')}`,
      );
      if (summary.webPatient) {
        console.log(
          `Paciente de prueba para la web: DNI ${summary.webPatient.dni}, contraseña ${summary.webPatient.password}`,
        );
      }
      return;
    }
    case 'api-token': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          name: { type: 'string' },
          role: { type: 'string', default: 'admin' },
          'professional-id': { type: 'string' },
        },
      });
      if (positionals[0] !== 'create' || !values.name)
        throw new UsageError('Uso: turnero api-token create --name NOMBRE [--role admin|reception|professional]');
      const role = values.role as StaffRole;
      if (!ROLES.includes(role))
        throw new UsageError(`--role debe ser admin, reception o professional (recibido: ${values.role})`);
      const professionalId = values['professional-id'] ? Number(values['professional-id']) : null;
      if (professionalId !== null && (!Number.isInteger(professionalId) || professionalId <= 0)) {
        throw new UsageError(
          `--professional-id debe ser el número del profesional (recibido: ${values['professional-id']})`,
        );
      }
      const { id, token } = await withContext((ctx) =>
        createApiToken(ctx, { name: values.name as string, role, professionalId }),
      );
      console.log(`Token ${id} "${values.name}" (${role}) creado. Guardalo: no se vuelve a mostrar.`);
      console.log(token);
      return;
    }
    case 'admin':
    case 'user': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          username: { type: 'string' },
          name: { type: 'string' },
          email: { type: 'string' },
          role: { type: 'string', default: command === 'admin' ? 'admin' : undefined },
          'professional-id': { type: 'string' },
        },
      });
      if (positionals[0] !== 'create' || !values.username || !values.name || !values.role) {
        throw new UsageError(
          command === 'admin'
            ? 'Uso: turnero admin create --username USUARIO --name "NOMBRE" [--email E]'
            : 'Uso: turnero user create --username USUARIO --name "NOMBRE" --role admin|reception|professional',
        );
      }
      const role = values.role as StaffRole;
      if (!ROLES.includes(role))
        throw new UsageError(`--role debe ser admin, reception o professional (recibido: ${values.role})`);
      const piped = await readPipedPassword();
      const password = piped ?? randomToken(12);
      const user = await withContext((ctx) =>
        createStaffUser(ctx, {
          actor: cliActor,
          user: {
            username: values.username as string,
            name: values.name as string,
            email: values.email ?? null,
            role,
            professionalId: values['professional-id'] ? Number(values['professional-id']) : null,
            password,
          },
        }),
      );
      console.log(`Usuario ${user.username} (${role}) creado. Ingresa en /staff/ingresar.`);
      if (piped === null) console.log(`Contraseña (no se vuelve a mostrar): ${password}`);
      return;
    }
    case 'holidays': {
      const { values } = parseArgs({ args: rest, options: { year: { type: 'string' } } });
      const year = Number(values.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100)
        throw new UsageError('Uso: turnero holidays --year AAAA');
      // No one at a terminal to show the list to: load, and say how many turnos fell on a new holiday.
      const added = await withContext((ctx) =>
        loadNationalHolidays(ctx, { actor: cliActor, year, confirmOrphans: true }),
      );
      console.log(`Feriados ${year}: ${added.added} cargados, ${added.skipped} ya estaban.`);
      if (added.orphaned > 0) {
        console.log(
          `${added.orphaned} turnos reservados caen en esos feriados: figuran fuera de agenda en la Pantalla de turnos.`,
        );
      }
      return;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return;
    default:
      throw new UsageError(`Comando desconocido: ${command}\n\n${HELP}`);
  }
}

const cliActor = { kind: 'staff', ref: 'cli', name: 'cli', role: 'admin', professionalId: null, ip: '' } as const;

class UsageError extends Error {}

/** The first line of standard input when it is a pipe or a file; null at a terminal. */
async function readPipedPassword(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  const line = text.split(/\r?\n/)[0] ?? '';
  return line === '' ? null : line;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
