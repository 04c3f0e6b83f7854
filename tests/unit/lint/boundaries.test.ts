// The import boundaries in eslint.config.js hold on resolved paths: each forbidden import, planted
// in a probe at the right place in the tree, fails lint with the boundary rule, however it is
// spelled (static, re-export, import(), require(), `..` detours, no extension); one allowed import
// per zone passes, so the rules cannot pass by failing everything.
// Probes are linted as text (nothing written) except the two files of the planted import circle,
// which no-cycle must read from disk; those are named __probe__ (git-ignored) and always removed.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

/** The rules that keep the boundaries; other rules' findings in a probe are not this test's business. */
const BOUNDARY_RULES = new Set([
  'import-x/no-restricted-paths',
  'import-x/no-nodejs-modules',
  'import-x/no-unresolved',
  'import-x/no-dynamic-require',
  'import-x/no-cycle',
  'no-restricted-syntax',
  '@typescript-eslint/no-restricted-imports',
]);

// The real config, with type-aware linting switched off: probes are in no tsconfig, and the
// boundary rules need resolved paths, not types.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [
    { ...tseslint.configs.disableTypeChecked, files: ['**/*.{ts,tsx}'] },
    // Walking the import graph costs seconds per probe; only the planted circle needs it.
    { files: ['**/*.{ts,tsx}'], ignores: ['db/__probe__/**'], rules: { 'import-x/no-cycle': 'off' } },
  ],
});

async function boundaryFindings(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, `${file} must parse`).toEqual([]);
  return result!.messages.filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId));
}

/** "import()  ../../db/open.ts" and the like, for the test's name. */
function label(code: string): string {
  const kind = code.includes('import(') ? 'import()' : code.includes('require(') ? 'require()' : code.startsWith('export') ? 'export from' : 'import';
  return `${kind} ${/['`]([^'`]+)['`]/.exec(code)?.[1] ?? '(expression)'}`;
}

type Forbidden = [zone: string, file: string, code: string, rule: string, says: string];

const renderer = 'renderer/pages/__probe__.tsx';
const domain = 'db/domain/__probe__.ts';
const shared = 'db/shared/__probe__.ts';
const core = 'db/reports/__probe__.ts';
const shell = 'electron/__probe__.ts';
const preload = 'electron/preload.ts';
const paths = 'import-x/no-restricted-paths';

const forbidden: Forbidden[] = [
  ['renderer', renderer, "import { openDatabase } from '../../db/open.ts';\nexport { openDatabase };", paths, 'renderer may import only the contract'],
  ['renderer', renderer, "export const load = () => import('../../db/open.ts');", paths, 'renderer may import only the contract'],
  ['renderer', renderer, "export * from '../../renderer/../db/open.ts';", paths, 'renderer may import only the contract'],
  ['renderer', renderer, "export * from '../../db/open';", paths, 'renderer may import only the contract'],
  ['renderer', renderer, "export type { UnitRow } from '../../db/api/units.contract.ts';", paths, 'renderer may import only the contract'],
  ['renderer', renderer, "export * from '../../db/domain/coverage.ts';", paths, 'renderer may import only the contract'],
  ['renderer', renderer, "export * from '../../electron/channels.ts';", paths, 'only through window.api'],
  ['renderer', renderer, "export const load = () => import(`../../db/open.ts`);", 'no-restricted-syntax', 'plain string'],
  ['renderer', renderer, "export type Open = typeof import('../../db/open.ts');", 'no-restricted-syntax', 'import type'],
  ['renderer', renderer, "export const load = (name: string) => import(name);", 'import-x/no-dynamic-require', 'string literals'],
  ['renderer', renderer, "export const load = () => import('../../db/no-such-file.ts');", 'import-x/no-unresolved', 'Unable to resolve'],
  ['renderer', renderer, "import fs from 'node:fs';\nexport { fs };", 'import-x/no-nodejs-modules', 'node:fs'],
  ['renderer', renderer, "export const load = () => import('path');", 'import-x/no-nodejs-modules', 'path'],
  ...['better-sqlite3', 'electron', 'drizzle-orm/sqlite-core', 'exceljs', 'pdfkit', 'docx', 'zod'].map(
    (pkg): Forbidden => ['renderer', renderer, `export const load = () => import('${pkg}');`, paths, 'renderer runs sandboxed'],
  ),
  ['db/domain', domain, "import Database from 'better-sqlite3';\nexport { Database };", paths, 'no packages'],
  ['db/domain', domain, "import { eq } from 'drizzle-orm';\nexport { eq };", paths, 'no packages'],
  ['db/domain', domain, "import fs from 'node:fs';\nexport { fs };", 'import-x/no-nodejs-modules', 'node:fs'],
  ['db/domain', domain, "export * from '../schema/index.ts';", paths, 'pure rules'],
  ['db/domain', domain, "export * from '../api/handlers/units.ts';", paths, 'pure rules'],
  ['db/domain', domain, "export * from '../queries/plan.ts';", paths, 'pure rules'],
  ['db/domain', domain, "export * from '../writes/plan.ts';", paths, 'pure rules'],
  ['db/domain', domain, "export const load = () => import('../session.ts');", paths, 'pure rules'],
  ['db/domain', domain, "export const open = require('../open.ts');", paths, 'pure rules'],
  ['db/domain', domain, "export * from '../api/contract.ts';", paths, 'pure rules'],
  ['db/shared', shared, "export * from '../domain/codes.ts';", paths, 'may import only db/shared/'],
  ['db/shared', shared, "export * from '../errors.ts';", paths, 'may import only db/shared/'],
  ['db/shared', shared, "import { format } from 'date-fns';\nexport { format };", paths, 'no packages but the ECharts types'],
  ['db/shared', shared, "import * as echarts from 'echarts';\nexport { echarts };", '@typescript-eslint/no-restricted-imports', 'only the ECharts types'],
  ['db/shared', shared, "import os from 'node:os';\nexport { os };", 'import-x/no-nodejs-modules', 'node:os'],
  ['db', core, "export * from '../../electron/channels.ts';", paths, 'imports nothing from electron/'],
  ['db', core, "export const load = () => import('../../renderer/api.ts');", paths, 'imports nothing from electron/'],
  ['db', core, "import { app } from 'electron';\nexport { app };", paths, 'imports nothing from electron/'],
  ['electron', shell, "import { openDatabase } from '../db/open.ts';\nexport { openDatabase };", paths, 'only through db/core.ts'],
  ['electron', shell, "export * from '../db/backup/backup.ts';", paths, 'only through db/core.ts'],
  ['electron', shell, "export const load = () => import('../db/session.ts');", paths, 'only through db/core.ts'],
  ['electron', shell, "export * from '../electron/../db/errors.ts';", paths, 'only through db/core.ts'],
  ['electron', shell, "export * from '../renderer/api.ts';", paths, 'does not import renderer code'],
  ['preload', preload, "export * from '../db/api/contract.ts';", paths, 'preload may import from db/ only'],
  ['preload', preload, "export * from './serve.ts';", paths, 'preload may import from electron/ only channels.ts'],
  ['preload', preload, "import { z } from 'zod';\nexport { z };", paths, 'preload may import only the electron package'],
];

const allowed: [zone: string, file: string, code: string][] = [
  ['renderer', renderer, "import { METHOD_NAMES } from '../../db/api/contract.ts';\nimport { swedishCompare } from '../../db/shared/collation.ts';\nimport { useState } from 'react';\nexport const probe = [METHOD_NAMES, swedishCompare, useState];\nexport const load = () => import('../../db/shared/period.ts');"],
  ['db/domain', domain, "export * from './codes.ts';\nexport * from '../shared/period.ts';\nexport * from '../errors.ts';"],
  ['db/shared', shared, "import type { EChartsOption } from 'echarts';\nexport type Probe = EChartsOption;\nexport * from './period.ts';"],
  ['db', core, "import Database from 'better-sqlite3';\nimport fs from 'node:fs';\nexport * from '../open.ts';\nexport const probe = [Database, fs];"],
  ['electron', shell, "export * from '../db/core.ts';\nexport * from '../db/api/contract.ts';\nexport * from '../db/api/methodNames.ts';\nexport const load = () => import('../db/cli/main.ts');\nimport { app } from 'electron';\nimport path from 'node:path';\nexport const probe = [app, path];"],
  ['preload', preload, "export * from '../db/api/methodNames.ts';\nexport * from './channels.ts';\nimport { contextBridge } from 'electron';\nexport { contextBridge };"],
];

describe('import boundaries (eslint.config.js)', () => {
  it.each(forbidden.map(([zone, file, code, rule, says]) => ({ zone, file, code, rule, says, label: label(code) })))(
    '$zone refuses $label',
    async ({ file, code, rule, says }) => {
      const findings = await boundaryFindings(file, code);
      expect(findings.map((m) => m.ruleId)).toContain(rule);
      expect(findings.find((m) => m.ruleId === rule)!.message).toContain(says);
    },
  );

  it.each(allowed.map(([zone, file, code]) => ({ zone, file, code })))('$zone accepts its allowed imports', async ({ file, code }) => {
    expect(await boundaryFindings(file, code)).toEqual([]);
  });

  describe('an import circle in db/', () => {
    const dir = path.join(root, 'db', '__probe__');
    const one = path.join(dir, 'one.ts');
    const two = path.join(dir, 'two.ts');
    beforeAll(() => {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(one, "import { two } from './two.ts';\nexport const one = (): number => 1;\nexport const both = () => [one(), two()];\n");
      fs.writeFileSync(two, "export const two = async (): Promise<number> => (await import('./one.ts')).one();\n");
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('fails lint (a dynamic import closes it)', async () => {
      const findings = await boundaryFindings(path.relative(root, one), fs.readFileSync(one, 'utf8'));
      expect(findings.map((m) => m.ruleId)).toEqual(['import-x/no-cycle']);
    });

    it('without the way back, passes', async () => {
      expect(await boundaryFindings(path.relative(root, two), "export const two = (): number => 2;\n")).toEqual([]);
    });
  });
});
