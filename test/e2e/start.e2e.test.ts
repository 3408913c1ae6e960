// What the operations guide promises about `bin/turnero`, checked on the real command: an empty
// center on request, a health check that tells the truth, API tokens from the command line, and a
// bad configuration refused with every problem named at once.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runTurnero, TurneroProcess } from '../support/server-process.js';
import { createTestDatabase } from '../support/test-db.js';

function tempDir(dirs: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnero-e2e-'));
  dirs.push(dir);
  return dir;
}

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('turnero start con TURNERO_DEMO=false en una base nueva', { timeout: 60_000 }, () => {
  let server: TurneroProcess | undefined;
  let baseUrl: string;
  let databaseUrl: string;

  before(async () => {
    databaseUrl = `sqlite:${path.join(tempDir(dirs), 'turnero.db')}`;
    server = new TurneroProcess(['start'], { PORT: '0', TURNERO_DEMO: 'false', DATABASE_URL: databaseUrl });
    baseUrl = await server.ready();
  });

  after(async () => {
    await server?.dispose();
  });

  it('arranca con el centro vacío, sin profesionales ni demo', async () => {
    const response = await fetch(new URL('/api/v1/professionals', baseUrl));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), []);
    assert.ok(
      !server?.logs.some((l) => l.msg?.includes('demo center')),
      `con TURNERO_DEMO=false no debe cargar la demo:\n${server?.describe()}`,
    );
  });

  it('GET /healthz responde 200 con la base disponible', async () => {
    const response = await fetch(new URL('/healthz', baseUrl));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  it('api-token create imprime el token en la última línea, y ese token abre la API del personal', async () => {
    const created = await runTurnero(['api-token', 'create', '--name', 'ci', '--role', 'reception'], {
      DATABASE_URL: databaseUrl,
    });
    assert.equal(created.code, 0, created.stderr);
    const token = created.stdout.trimEnd().split('\n').at(-1) ?? '';
    assert.match(token, /^\S{20,}$/, `la última línea no es un token: ${JSON.stringify(created.stdout)}`);

    const patients = new URL('/api/v1/patients', baseUrl);
    const withToken = await fetch(patients, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(withToken.status, 200);
    assert.deepEqual(await withToken.json(), []);

    const anonymous = await fetch(patients);
    assert.equal(anonymous.status, 401);
    const forged = await fetch(patients, { headers: { authorization: `Bearer ${token.slice(0, -2)}xx` } });
    assert.equal(forged.status, 401);
  });
});

it('una configuración inválida sale con código 2 y nombra todos sus problemas juntos', async () => {
  const dir = tempDir(dirs);
  const result = await runTurnero(['start'], {
    PORT: 'abc',
    LOG_LEVEL: 'loud',
    DATABASE_URL: `sqlite:${path.join(dir, 'turnero.db')}`,
  });
  assert.equal(result.code, 2, `${result.stdout}\n${result.stderr}`);
  assert.match(result.stderr, /PORT.*abc/);
  assert.match(result.stderr, /LOG_LEVEL.*loud/);
  assert.deepEqual(fs.readdirSync(dir), [], 'con la configuración inválida no debe tocar la base');
});

it('GET /healthz responde 503 cuando la base de datos desaparece', {
  timeout: 60_000,
  skip: process.env.TEST_DATABASE_URL ? false : 'necesita PostgreSQL: definí TEST_DATABASE_URL=postgres://…',
}, async () => {
  const testDb = await createTestDatabase('postgres', { migrate: false, poolSize: 1 });
  let dropped = false;
  const server = new TurneroProcess(['start'], { PORT: '0', TURNERO_DEMO: 'false', DATABASE_URL: testDb.url });
  try {
    const baseUrl = await server.ready();
    const healthz = new URL('/healthz', baseUrl);
    assert.equal((await fetch(healthz)).status, 200, 'antes de borrar la base, /healthz debe dar 200');

    // Drops WITH (FORCE), cutting the server's open connections as a database crash would.
    await testDb.drop();
    dropped = true;

    const response = await fetch(healthz);
    assert.equal(response.status, 503, server.describe());
    assert.equal(((await response.json()) as { status: string }).status, 'unavailable');
    assert.ok(server.running, `el servidor se cayó en vez de informar 503:\n${server.describe()}`);
  } finally {
    await server.dispose();
    if (!dropped) await testDb.drop();
  }
});

it('serve se niega a atender una base sin migrar; migrate, demo y holidays la preparan', {
  timeout: 60_000,
}, async () => {
  const env = { DATABASE_URL: `sqlite:${path.join(tempDir(dirs), 'turnero.db')}` };
  const refused = await runTurnero(['serve'], { ...env, PORT: '0' });
  assert.equal(refused.code, 1, refused.stdout);
  assert.match(refused.stderr, /no está al día.*turnero migrate/);

  const migrated = await runTurnero(['migrate'], env);
  assert.equal(migrated.code, 0, migrated.stderr);
  assert.match(migrated.stdout, /Migraciones aplicadas: 001_initial/);
  assert.match((await runTurnero(['migrate'], env)).stdout, /ya estaba al día/);

  const demo = await runTurnero(['demo'], env);
  assert.equal(demo.code, 0, demo.stderr);
  assert.match(demo.stdout, /16 profesionales, 240 pacientes/);
  const again = await runTurnero(['demo'], env);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /ya tiene datos/);

  const holidays = await runTurnero(['holidays', '--year', '2027'], env);
  assert.equal(holidays.code, 0, holidays.stderr);
  assert.match(holidays.stdout, /Feriados 2027: 16 cargados, 0 ya estaban/);
  assert.match((await runTurnero(['holidays', '--year', '2027'], env)).stdout, /0 cargados, 16 ya estaban/);
  const badYear = await runTurnero(['holidays', '--year', 'dos mil'], env);
  assert.equal(badYear.code, 2);
});
