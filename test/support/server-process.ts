// A real server process (bin/turnero), as an operator starts it, for multi-process and shutdown tests.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const turneroBin = path.join(repoRoot, 'bin/turnero');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGTERM, then the exit code (SIGKILL after the timeout). */
  stop(timeoutMs?: number): Promise<number | null>;
}

export async function startServer(
  env: Record<string, string>,
  options: { command?: 'start' | 'serve'; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [turneroBin, options.command ?? 'start'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', TURNERO_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`el servidor no arrancó a tiempo:\n${output}`)),
      options.timeoutMs ?? 20_000,
    );
    const check = () => {
      const match = /Turnero listo en (http:\/\/[^\s"]+?) \(/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`el servidor terminó (código ${code}) antes de arrancar:\n${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    stop: async (timeoutMs = 10_000) => {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(killer);
      return code;
    },
  };
}
