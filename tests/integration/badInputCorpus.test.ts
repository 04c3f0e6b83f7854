// Every bad file in tests/fixtures/bad-input/ goes through EVERY importer: each is refused (or its
// rows rejected) with a Swedish message naming the problem, and the database content is unchanged.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '../../db/api/contract.ts';
import { contentChecksum } from '../../db/maintenance/checksum.ts';
import { testApi } from '../helpers/db.ts';
import { projectRoot } from '../helpers/server.ts';

const corpusDir = path.join(projectRoot, 'tests', 'fixtures', 'bad-input');
const manifest = JSON.parse(fs.readFileSync(path.join(corpusDir, 'manifest.json'), 'utf8')) as {
  file: string;
  expect: string;
  description: string;
}[];

/**
 * Extra input an importer needs beside the file (e.g. which cycle to import into). An importer whose
 * input is just { file } is found automatically; one with required extras must be listed here.
 */
const EXTRA_INPUT: Partial<Record<MethodName, (api: ReturnType<typeof testApi>) => Record<string, unknown>>> = {};

const sampleFile = { fileName: 'x.csv', contentBase64: '' };
/** The one place the importers are listed: every method that accepts an uploaded file. */
const IMPORTERS = methodNames.filter(
  (m) => m in EXTRA_INPUT || contract[m].input.safeParse({ file: sampleFile }).success,
);

describe('the bad-input corpus', () => {
  it('has at least 30 files, each on disk and described', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(30);
    for (const entry of manifest) expect(fs.existsSync(path.join(corpusDir, entry.file)), entry.file).toBe(true);
  });

  it('finds the importers (units.importPreview and units.importCommit at least)', () => {
    expect(IMPORTERS).toEqual(expect.arrayContaining(['units.importPreview', 'units.importCommit']));
  });
});

describe.each(IMPORTERS)('%s with bad input', (method) => {
  let api: ReturnType<typeof testApi>;
  let before: string;
  beforeAll(() => {
    api = testApi({ demo: true });
    before = contentChecksum(api.session.db.sqlite);
  });
  afterAll(() => api.session.close());

  it.each(manifest)('$file ($description) is refused with a Swedish reason and writes nothing', async ({ file, expect: words }) => {
    const content = fs.readFileSync(path.join(corpusDir, file));
    const input = { file: { fileName: file, contentBase64: content.toString('base64') }, ...EXTRA_INPUT[method]?.(api) };
    const result = await api.dispatch(method, input);
    let message: string;
    if (result.ok) {
      // A preview answers with the problems instead of throwing; it must not be committable.
      const preview = result.value as { canCommit: boolean; fileIssues: string[]; issues: { message: string }[] };
      expect(preview.canCommit, file).toBe(false);
      message = [...preview.fileIssues, ...preview.issues.map((i) => i.message)].join(' ');
      if (words === 'rätta filen') words = '.';
    } else {
      expect(result.error.code, file).not.toBe('internal');
      message = result.error.message;
    }
    // The corpus's files carry the units register's header: for any other importer a header-only
    // file first lacks that importer's columns, which is just as clear a refusal.
    const reason = method.startsWith('units.') ? words : `${words}|kolumner saknas`;
    expect(message, file).toMatch(new RegExp(reason, 'i'));
    expect(message).not.toMatch(/Error|undefined|\bat \/|\/tmp\//);
    expect(contentChecksum(api.session.db.sqlite), file).toBe(before);
  });
});
