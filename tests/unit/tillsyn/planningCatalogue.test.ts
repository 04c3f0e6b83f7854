// Kvalitetskrav and inspectors through the API: versioning, the default catalogue, refusals.
import { describe, expect, it } from 'vitest';
import { QUALITY_REQUIREMENT_SEED } from '../../../db/seed/qualityRequirements.ts';
import { testApi } from '../../helpers/db.ts';
import { format } from 'date-fns';

type Dispatch = ReturnType<typeof testApi>['dispatch'];

async function ok<T>(dispatch: Dispatch, method: string, input: unknown): Promise<T> {
  const result = await dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

interface Req {
  id: string;
  code: string;
  versionId: string;
  version: number;
  title: string;
  deadlineDays: number | null;
  validFrom: string;
  assessmentCount: number;
  currentVersionInUse: boolean;
  archivedAt: string | null;
}

/** Records an assessment of the version directly: the inspection half owns that API. */
function assess(session: ReturnType<typeof testApi>['session'], versionId: string): void {
  const sqlite = session.db.sqlite;
  const unitId = (sqlite.prepare('SELECT id FROM units LIMIT 1').get() as { id: string }).id;
  const inspectionId = crypto.randomUUID();
  sqlite.prepare("INSERT INTO inspections (id, unit_id, start_date) VALUES (?, ?, '2026-03-10')").run(inspectionId, unitId);
  sqlite.prepare('INSERT INTO assessments (id, inspection_id, requirement_version_id) VALUES (?, ?, ?)').run(crypto.randomUUID(), inspectionId, versionId);
}

describe('kvalitetskrav catalogue', () => {
  it('loads the default catalogue only into an empty catalogue', async () => {
    const { dispatch, session } = testApi();
    expect(await ok(dispatch, 'requirements.loadDefaultCatalogue', {})).toEqual({ inserted: QUALITY_REQUIREMENT_SEED.length });
    const list = await ok<Req[]>(dispatch, 'requirements.list', {});
    expect(list.map((r) => r.code)).toEqual(QUALITY_REQUIREMENT_SEED.map((s) => s.code));
    expect(list.every((r) => r.version === 1)).toBe(true);
    const again = await dispatch('requirements.loadDefaultCatalogue', {});
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/redan/);
    session.close();
  });

  it('edits an unused version in place, but gives a used one a new version valid from today', async () => {
    const { dispatch, session } = testApi({ demo: true });
    const today = format(new Date(), 'yyyy-MM-dd');
    const created = await ok<Req>(dispatch, 'requirements.create', { code: 'X01', theme: 'Test', title: 'Första lydelsen' });
    expect(created).toMatchObject({ version: 1, currentVersionInUse: false, deadlineDays: null });

    const edited = await ok<Req>(dispatch, 'requirements.update', { id: created.id, patch: { title: 'Rättad lydelse' } });
    expect(edited).toMatchObject({ version: 1, versionId: created.versionId, title: 'Rättad lydelse' });

    assess(session, created.versionId);
    const versioned = await ok<Req>(dispatch, 'requirements.update', { id: created.id, patch: { deadlineDays: 14 } });
    expect(versioned).toMatchObject({ version: 2, title: 'Rättad lydelse', deadlineDays: 14, validFrom: today, assessmentCount: 1, currentVersionInUse: false });
    expect(versioned.versionId).not.toBe(created.versionId);

    // The past assessment still points at version 1 with its own wording.
    const versions = await ok<{ version: number; deadlineDays: number | null; assessmentCount: number }[]>(dispatch, 'requirements.versions', { id: created.id });
    expect(versions.map((v) => [v.version, v.deadlineDays, v.assessmentCount])).toEqual([
      [2, 14, 0],
      [1, null, 1],
    ]);

    // Changing only the code or theme never creates a version.
    const renamed = await ok<Req>(dispatch, 'requirements.update', { id: created.id, patch: { code: 'X02' } });
    expect(renamed).toMatchObject({ code: 'X02', version: 2 });
    session.close();
  });

  it('refuses to delete a requirement that an assessment refers to, and suggests archiving', async () => {
    const { dispatch, session } = testApi({ demo: true });
    const [first] = await ok<Req[]>(dispatch, 'requirements.list', {});
    if (!first) throw new Error('demo catalogue is empty');
    assess(session, first.versionId);
    const refused = await dispatch('requirements.delete', { id: first.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'referenced' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/Arkivera det i stället/);
    const archived = await ok<Req>(dispatch, 'requirements.setArchived', { id: first.id, archived: true });
    expect(archived.archivedAt).not.toBeNull();
    expect((await ok<Req[]>(dispatch, 'requirements.list', {})).some((r) => r.id === first.id)).toBe(false);

    const unused = await ok<Req>(dispatch, 'requirements.create', { code: 'Y01', theme: 'Test', title: 'Oanvänt krav' });
    expect(await ok(dispatch, 'requirements.delete', { id: unused.id })).toEqual({ deleted: true });
    session.close();
  });

  it('refuses a duplicate code on the code field', async () => {
    const { dispatch, session } = testApi({ demo: true });
    const result = await dispatch('requirements.create', { code: 'k01', theme: 'Test', title: 'Dubblett' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ field: 'code' }] } });
    session.close();
  });
});

describe('inspectors', () => {
  it('deletes an unused inspector, refuses one named on a plan entry and archives instead', async () => {
    const { dispatch, session } = testApi({ demo: true });
    const created = await ok<{ id: string }>(dispatch, 'inspectors.create', { name: 'Dora Provare' });
    expect(await ok(dispatch, 'inspectors.delete', { id: created.id })).toEqual({ deleted: true });

    const used = await ok<{ id: string; name: string }>(dispatch, 'inspectors.create', { name: 'Erik Provare', email: 'erik@exempelby.se' });
    const sqlite = session.db.sqlite;
    const unitId = (sqlite.prepare('SELECT id FROM units LIMIT 1').get() as { id: string }).id;
    const cycleId = crypto.randomUUID();
    const entryId = crypto.randomUUID();
    sqlite.prepare("INSERT INTO inspection_cycles (id, start_year, name) VALUES (?, 2031, '2031–2033')").run(cycleId);
    sqlite.prepare('INSERT INTO plan_entries (id, cycle_id, unit_id, year, tertial) VALUES (?, ?, ?, 2031, 1)').run(entryId, cycleId, unitId);
    sqlite.prepare('INSERT INTO plan_entry_inspectors (id, plan_entry_id, inspector_id) VALUES (?, ?, ?)').run(crypto.randomUUID(), entryId, used.id);

    const refused = await dispatch('inspectors.delete', { id: used.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'referenced' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/Arkivera i stället/);
    const archived = await ok<{ archivedAt: string | null }>(dispatch, 'inspectors.setArchived', { id: used.id, archived: true });
    expect(archived.archivedAt).not.toBeNull();
    const duplicate = await dispatch('inspectors.create', { name: 'erik provare' });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ field: 'name' }] } });
    session.close();
  });
});
