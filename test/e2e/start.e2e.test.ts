// What the operations guide promises about `bin/turnero`, checked on the real command: an empty
// center on request, a health check that tells the truth, API tokens from the command line, and a
// bad configuration refused with every problem named at once.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '../support/test-db.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface LogLine {
  level: number;
  msg?: string;
}

// Settings a developer may have exported in their shell must not leak into the commands under test.
const CONFIG_VARS = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'TURNERO_DEMO',
  'LOG_LEVEL',
  'TRUST_PROXY',
  'SHUTDOWN_GRACE_MS',
];

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of [...CONFIG_VARS, 'NODE_TEST_CONTEXT']) delete base[name];
  return { ...base, ...env };
}

class TurneroProcess {
  readonly logs: LogLine[] = [];
  readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private output = '';
  private readonly child: ChildProcess;

  constructor(args: string[], env: Record<string, string>) {
    this.child = spawn(process.execPath, ['bin/turnero', ...args], {
      cwd: ROOT,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.closed = new Promise((resolve) => this.child.once('close', (code, signal) => resolve({ code, signal })));
    this.child.on('error', (err) => {
      this.output += `spawn error: ${err.message}\n`;
    });
    readline.createInterface({ input: this.child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      this.output += `${line}\n`;
      try {
        this.logs.push(JSON.parse(line) as LogLine);
      } catch {
        // Not a pino line: kept in output for failure messages.
      }
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
    });
  }

  get running() {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The address the server announces in its log once it listens. */
  async ready(timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const line of this.logs) {
        const url = /Turnero listo en (http:\/\/\S+)/.exec(line.msg ?? '')?.[1];
        if (url) return url;
      }
      if (!this.running)
        throw new Error(`turnero terminó antes de atender (código ${this.child.exitCode}):\n${this.output}`);
      await delay(50);
    }
    throw new Error(`turnero no anunció "Turnero listo en" en ${timeoutMs} ms:\n${this.output}`);
  }

  async dispose() {
    if (this.running) this.child.kill('SIGKILL');
    await this.closed;
  }

  describe() {
    return this.output;
  }
}

/** A one-shot command (no server): its exit code and both outputs. */
function runTurnero(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/turnero', ...args], {
      cwd: ROOT,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 20_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

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
