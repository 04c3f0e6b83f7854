// Write methods are marked in the contract; the dispatch alone refuses them on a read-only
// database and runs each in one transaction, so a handler failing halfway leaves nothing behind.
import { describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../../db/api/contract.ts';
import { METHOD_KINDS } from '../../../db/api/define.ts';
import { createDispatch, type Handlers } from '../../../db/api/handle.ts';
import { handlers } from '../../../db/api/handlers/index.ts';
import { contentChecksum } from '../../../db/maintenance/checksum.ts';
import type { OperatingAreaRow } from '../../../db/api/contract.ts';
import { apiWithOneUnit, testApi, value } from '../../helpers/db.ts';

function csvUpload(lines: string[]) {
  const header = 'Verksamhetsområde;Enhet;Verksamhetstyp;Regi;Utförare;Enhetschef';
  return { file: { fileName: 'enheter.csv', contentBase64: Buffer.from([header, ...lines].join('\r\n'), 'utf8').toString('base64') } };
}

function areaNames(session: ReturnType<typeof testApi>['session']): string[] {
  return session.db.sqlite.prepare('SELECT name FROM operating_areas ORDER BY name').pluck().all() as string[];
}

describe('write methods', () => {
  it('every contract method declares its kind: read, write or file', () => {
    for (const name of methodNames) expect(METHOD_KINDS, name).toContain(contract[name].kind);
    // The ones that change rows are writes; those that switch or replace the file are file operations.
    expect(contract['units.create'].kind).toBe('write');
    expect(contract['plan.acceptProposal'].kind).toBe('write');
    expect(contract['units.list'].kind).toBe('read');
    expect(contract['reports.annualPdf'].kind).toBe('read');
    expect(contract['backups.restore'].kind).toBe('file');
    expect(contract['app.openDemo'].kind).toBe('file');
  });

  it('a write handler that throws midway leaves nothing written', async () => {
    const { ctx, session } = await apiWithOneUnit();
    const createArea = handlers['operatingAreas.create'];
    if (typeof createArea !== 'function') throw new Error('operatingAreas.create is a plain write');
    const failing: Handlers = {
      ...handlers,
      'operatingAreas.create': (c, input) => {
        createArea(c, { name: 'Första' });
        createArea(c, input);
        throw new Error('fel mitt i skrivningen');
      },
    };
    const before = contentChecksum(session.db.sqlite);
    const result = await createDispatch(ctx, failing)('operatingAreas.create', { name: 'Andra' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Ett oväntat fel inträffade. Inget sparades.' } });
    expect(areaNames(session)).toEqual(['Hemtjänst']);
    expect(contentChecksum(session.db.sqlite)).toBe(before);
    session.close();
  });

  it('a prepared write (file import) that throws in its write step leaves nothing written', async () => {
    const { ctx, session } = await apiWithOneUnit();
    const importCommit = handlers['units.importCommit'];
    if (typeof importCommit === 'function') throw new Error('units.importCommit prepares outside the transaction');
    const failing: Handlers = {
      ...handlers,
      'units.importCommit': {
        prepare: (c, input) => importCommit.prepare(c, input),
        write: (c, input, prepared) => {
          importCommit.write(c, input, prepared);
          throw new Error('fel efter att raderna skrivits');
        },
      },
    };
    const before = contentChecksum(session.db.sqlite);
    const upload = csvUpload(['Särskilt boende;Solgården;Särskilt boende;Egen regi;Exempelby kommun;', 'Hemtjänst;Hemtjänst Söder;Hemtjänst;Egen regi;Exempelby kommun;']);
    const result = await createDispatch(ctx, failing)('units.importCommit', upload);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(areaNames(session)).toEqual(['Hemtjänst']);
    expect(contentChecksum(session.db.sqlite)).toBe(before);
    // The real handler imports the same file: the failure above was the only reason nothing was written.
    expect(value(await createDispatch(ctx, handlers)('units.importCommit', upload))).toEqual({ inserted: 2, createdAreas: 1 });
    session.close();
  });

  it('refuses every write method with read_only on a read-only database, while reads still answer', async () => {
    const { dispatch, session } = await apiWithOneUnit();
    session.db.sqlite.pragma('query_only = ON');
    expect(session.readOnly).toBe(true);
    const before = contentChecksum(session.db.sqlite);

    const refused = await dispatch('operatingAreas.create', { name: 'Särskilt boende' });
    expect(refused).toEqual({ ok: false, error: { code: 'read_only', message: 'Databasen är skrivskyddad och kan inte ändras. Inget sparades.' } });
    expect(value<OperatingAreaRow[]>(await dispatch('operatingAreas.list', {})).map((a) => a.name)).toEqual(['Hemtjänst']);

    for (const name of methodNames) {
      const { kind } = contract[name];
      if (kind === 'file') continue; // these switch or replace the database file itself
      const result = await dispatch(name, {});
      if (kind === 'write') expect(result, name).toMatchObject({ ok: false, error: { code: 'read_only' } });
      else expect(result.ok ? 'ok' : result.error.code, name).not.toBe('read_only');
    }
    expect(contentChecksum(session.db.sqlite)).toBe(before);

    session.db.sqlite.pragma('query_only = OFF');
    expect(session.readOnly).toBe(false);
    expect(value<OperatingAreaRow>(await dispatch('operatingAreas.create', { name: 'Särskilt boende' })).name).toBe('Särskilt boende');
    session.close();
  });
});
