// What a process loads before it does anything (issue 19: memory and start time): the CLI's `help`
// loads no database stack, and browser mode's server loads none of the libraries that only
// render files (exceljs, pdfkit, docx, ECharts, resvg) until a file is asked for.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/server.ts';

/** Preloaded: prints every module URL the process loads to stderr. */
const TRACE_LOADS = `data:text/javascript,import{registerHooks}from"node:module";registerHooks({load(url,context,next){process.stderr.write("LOADED "+url+"\\n");return next(url,context)}})`;

function loadedModules(args: string[]): string[] {
  const child = spawnSync(process.execPath, ['--import', TRACE_LOADS, ...args], { cwd: projectRoot, encoding: 'utf8' });
  expect(child.status, child.stderr).toBe(0);
  return child.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice('LOADED '.length));
}

const packagesIn = (urls: string[]) => new Set(urls.flatMap((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1] ?? []));

describe('modules loaded at start', { timeout: 120_000 }, () => {
  it('CLI help: the command table only, no driver, ORM, validation or backup code', () => {
    const urls = loadedModules(['scripts/cli.ts', 'help']);
    expect(urls.some((u) => u.endsWith('/db/cli/main.ts'))).toBe(true);
    expect([...packagesIn(urls)]).toEqual([]);
    expect(urls.filter((u) => /\/db\/(open\.ts|core\.ts|api\/|backup\/)/.test(u))).toEqual([]);
  });

  it('browser mode: the whole API, but no file renderer library until a file is asked for', () => {
    const urls = loadedModules(['--input-type=module', '-e', "await import('./electron/browserMode.ts')"]);
    const packages = packagesIn(urls);
    expect(packages.has('drizzle-orm')).toBe(true);
    for (const renderer of ['exceljs', 'pdfkit', 'docx', 'echarts', 'zrender', '@resvg/resvg-wasm', 'svg-to-pdfkit', 'fflate']) {
      expect(packages.has(renderer), renderer).toBe(false);
    }
  });
});
