// Runs the IT-staff CLI (`node scripts/cli.ts …`) as a child process with its own profile folder.
import { spawn } from 'node:child_process';
import { projectRoot, tempDir } from './server.ts';

export function cli(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/cli.ts', ...args], { cwd: projectRoot, env: { ...process.env, XDG_CONFIG_HOME: tempDir('kn-xdg-') } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}
