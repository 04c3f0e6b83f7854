// Migration 0005 on a database that loaded the seed catalogue before scopes existed (the 0000 demo
// fixture): each seed requirement's current version gets the seed's legal bases, verksamhetstyper
// and decision-time flag; nothing else changes and a second open adds nothing.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open.ts';
import { QUALITY_REQUIREMENT_SEED } from '../../../db/seed/qualityRequirements.ts';
import { listRequirements } from '../../../db/queries/requirements.ts';
import { migrationsFolder } from '../../helpers/db.ts';
import { projectRoot, tempDir } from '../../helpers/server.ts';

const FIXTURE = path.join(projectRoot, 'tests', 'fixtures', 'migrations', '0000-demo.db.gz');

function fixtureCopy(): string {
  const file = path.join(tempDir(), 'kvalitetsnavet.db');
  fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(FIXTURE)));
  return file;
}

describe('migration 0005: the seed catalogue tagged in an existing database', () => {
  it('gives every seed requirement the seed’s scope, once', () => {
    const file = fixtureCopy();
    const db = openDatabase(file, { migrationsFolder });
    const byCode = new Map(listRequirements(db, true).map((r) => [r.code, r]));
    db.sqlite.close();
    for (const seed of QUALITY_REQUIREMENT_SEED) {
      const stored = byCode.get(seed.code);
      expect(stored, seed.code).toBeDefined();
      expect(new Set(stored?.legalBases), seed.code).toEqual(new Set(seed.legalBases));
      expect(new Set(stored?.unitTypes), seed.code).toEqual(new Set(seed.unitTypes));
      expect(stored?.judgedAtCommissioner, seed.code).toBe(seed.judgedAtCommissioner);
    }
    expect(byCode.get('K07')?.unitTypes).toEqual(['sarskilt_boende', 'korttidsboende', 'lss_gruppbostad']);

    const again = openDatabase(file, { migrationsFolder });
    const rows = again.sqlite.prepare('SELECT count(*) AS n FROM quality_requirement_unit_types').get() as { n: number };
    again.sqlite.close();
    expect(rows.n).toBe(QUALITY_REQUIREMENT_SEED.reduce((n, r) => n + r.unitTypes.length, 0));
  });
});
