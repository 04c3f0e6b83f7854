// db/ has no import circle: every static, type-only, re-export and dynamic import counts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImportCycles } from '../../../scripts/import-cycles.ts';
import { projectRoot, tempDir } from '../../helpers/server.ts';

describe('imports in db/', () => {
  it('form no circle', () => {
    expect(findImportCycles(path.join(projectRoot, 'db'))).toEqual([]);
  });

  it('a planted circle (type-only and dynamic imports included) is found, so the check itself works', () => {
    const dir = tempDir('kn-cycles-');
    fs.mkdirSync(path.join(dir, 'a'));
    fs.writeFileSync(path.join(dir, 'a', 'one.ts'), "import type { Two } from '../two.ts';\nexport type One = Two;\n");
    fs.writeFileSync(path.join(dir, 'two.ts'), "export type Two = string;\nexport const load = () => import('./three.ts');\n");
    fs.writeFileSync(path.join(dir, 'three.ts'), "export { type One } from './a/one.ts';\n");
    fs.writeFileSync(path.join(dir, 'alone.ts'), "import { load } from './two.ts';\nvoid load;\n");
    expect(findImportCycles(dir)).toEqual([['a/one.ts', 'three.ts', 'two.ts']]);
  });
});
