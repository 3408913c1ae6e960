// bin/turnero as an operator runs it: a real child process, its JSON log, its exit code.
import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface LogLine {
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
  'AVAILABILITY_CACHE_MS',
  'FILES_DIR',
  'UPLOAD_MAX_MB',
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
];
/** Where the commands under test keep uploads unless a test says otherwise: never the checkout's ./data. */
const TEST_FILES_DIR = path.join(os.tmpdir(), 'turnero-test-files');

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of [...CONFIG_VARS, 'NODE_TEST_CONTEXT']) delete base[name];
  return { ...base, FILES_DIR: TEST_FILES_DIR, ...env };
}

export class TurneroProcess {
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
      if (!this.running) {
        throw new Error(`turnero terminó antes de atender (código ${this.child.exitCode}):\n${this.output}`);
      }
      await delay(50);
    }
    throw new Error(`turnero no anunció "Turnero listo en" en ${timeoutMs} ms:\n${this.output}`);
  }

  /** SIGTERM and wait: the exit status, or a failure naming the timeout (the process is then killed). */
  async stop(timeoutMs = 10_000) {
    this.child.kill('SIGTERM');
    const result = await Promise.race([this.closed, delay(timeoutMs, 'timeout' as const, { ref: false })]);
    if (result === 'timeout') {
      await this.dispose();
      throw new Error(`turnero seguía vivo ${timeoutMs} ms después de SIGTERM:\n${this.output}`);
    }
    return result;
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
export function runTurnero(args: string[], env: Record<string, string>) {
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
