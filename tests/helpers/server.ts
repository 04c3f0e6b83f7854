// Starts browser mode as a real child process (the same command a user runs) on a temp database.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');

export interface RunningServer {
  url: string;
  origin: string;
  token: string;
  dbFile: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function tempDir(prefix = 'kn-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function startServer(options: { dbFile?: string; args?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<RunningServer> {
  const dbFile = options.dbFile ?? path.join(tempDir(), 'test.db');
  const child = spawn(process.execPath, ['scripts/serve.ts', '--port', '0', '--db', dbFile, ...(options.args ?? [])], {
    cwd: projectRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 75_000); // a loaded 2-core machine needs ~45 s
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+)/.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolve({
          url: match[0],
          origin: match[1],
          token: match[2],
          dbFile,
          process: child,
          stop: (signal = 'SIGTERM') =>
            new Promise((done) => {
              if (child.exitCode !== null) return done(child.exitCode);
              child.once('exit', (code) => done(code));
              child.kill(signal);
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${output}`));
    });
  });
}

/** Calls the API like the renderer does. */
export async function apiCall(server: RunningServer, method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Kvalitetsnavet-Token': server.token },
    body: JSON.stringify(input),
  });
  return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}
