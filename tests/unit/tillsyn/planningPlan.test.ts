// Cycles and plan entries through the API: naming, overlap, validation on the right field, refusals.
import { describe, expect, it } from 'vitest';
import { ok, planningFixture, refused } from './planningApi.ts';

describe('tillsyn cycles', () => {
  it('names a cycle by its three years and refuses an overlapping one', async () => {
    const { api } = await planningFixture([]);
    const cycle = await ok(api, 'cycles.create', { startYear: 2025 });
    expect(cycle).toMatchObject({ startYear: 2025, name: '2025–2027', planEntryCount: 0 });
    expect((await refused(api, 'cycles.create', { startYear: 2025 })).message).toBe('Tillsynscykeln 2025–2027 finns redan.');
    expect((await refused(api, 'cycles.create', { startYear: 2027 })).message).toMatch(/överlappa tillsynscykeln 2025–2027.*2028–2030/);
    await ok(api, 'cycles.create', { startYear: 2028 });
    expect((await ok(api, 'cycles.list', {})).map((c) => c.name)).toEqual(['2028–2030', '2025–2027']);
    api.session.close();
  });

  it('refuses to delete a cycle with plan entries, deletes an empty one', async () => {
    const { api, units } = await planningFixture(['Enhet A']);
    const cycle = await ok(api, 'cycles.create', { startYear: 2025 });
    const entry = await ok(api, 'plan.create', { cycleId: cycle.id, unitId: units[0]!.id, year: 2025, tertial: 3 });
    const error = await refused(api, 'cycles.delete', { id: cycle.id });
    expect(error.code).toBe('referenced');
    expect(error.message).toMatch(/har 1 planerade tillsyner/);
    await ok(api, 'plan.delete', { id: entry.id });
    expect(await ok(api, 'cycles.delete', { id: cycle.id })).toEqual({ deleted: true });
    api.session.close();
  });
});

describe('plan entries', () => {
  it('creates an entry with unit, area, inspectors and no inspection yet', async () => {
    const { api, units, inspectors } = await planningFixture();
    const cycle = await ok(api, 'cycles.create', { startYear: 2025 });
    const entry = await ok(api, 'plan.create', {
      cycleId: cycle.id,
      unitId: units[1]!.id,
      year: 2026,
      tertial: 3,
      month: 10,
      announced: false,
      inspectorIds: [inspectors[1]!.id, inspectors[0]!.id],
      notes: 'Oanmäld kvällstillsyn',
    });
    expect(entry).toMatchObject({
      unitName: 'Enhet B',
      operatingAreaName: 'Hemtjänst',
      regi: 'egen_regi',
      year: 2026,
      tertial: 3,
      month: 10,
      inspectionType: 'ordinarie',
      announced: false,
      fixed: true,
      inspectorNames: ['Anna Andersson', 'Bo Berg'],
      inspectionId: null,
    });
    expect(await ok(api, 'plan.list', { cycleId: cycle.id })).toEqual([entry]);
    api.session.close();
  });

  it('marks the field that is wrong, in Swedish', async () => {
    const { api, units, inspectors } = await planningFixture();
    const cycle = await ok(api, 'cycles.create', { startYear: 2025 });
    const base = { cycleId: cycle.id, unitId: units[0]!.id, year: 2025, tertial: 1 };

    const year = await refused(api, 'plan.create', { ...base, year: 2028 });
    expect(year.issues).toEqual([{ field: 'year', message: 'Året 2028 ligger utanför tillsynscykeln 2025–2027. Välj 2025, 2026 eller 2027.' }]);

    const july = await refused(api, 'plan.create', { ...base, tertial: 2, month: 7 });
    expect(july.issues?.[0]).toMatchObject({ field: 'month', message: expect.stringMatching(/^Ingen tillsyn planeras i juli/) });

    const wrongMonth = await refused(api, 'plan.create', { ...base, tertial: 1, month: 9 });
    expect(wrongMonth.issues).toEqual([{ field: 'month', message: 'September hör inte till T1 (januari–april).' }]);

    const tertial = await refused(api, 'plan.create', { ...base, tertial: 4 });
    expect(tertial).toMatchObject({ code: 'invalid_input', issues: [{ field: 'tertial', message: 'Tertial måste vara 1, 2 eller 3.' }] });

    const unknownInspector = await refused(api, 'plan.create', { ...base, inspectorIds: ['0190a7e0-0000-7000-8000-000000000000'] });
    expect(unknownInspector.issues).toEqual([{ field: 'inspectorIds', message: 'Okänd tillsynshandläggare (kan ha tagits bort).' }]);

    await ok(api, 'inspectors.setArchived', { id: inspectors[0]!.id, archived: true });
    const archivedInspector = await refused(api, 'plan.create', { ...base, inspectorIds: [inspectors[0]!.id] });
    expect(archivedInspector.issues?.[0]?.message).toBe('Anna Andersson är arkiverad och kan inte tilldelas nya tillsyner.');

    await ok(api, 'plan.create', base);
    const twice = await refused(api, 'plan.create', { ...base, year: 2026 });
    expect(twice.code).toBe('conflict');
    expect(twice.issues?.[0]).toEqual({
      field: 'unitId',
      message: 'Enhet A är redan planerad för ordinarie tillsyn 2025 T1 i cykeln 2025–2027. En enhet planeras en gång per cykel – flytta den befintliga planeringen i stället.',
    });
    // A follow-up inspection of the same unit in the same cycle is fine.
    await ok(api, 'plan.create', { ...base, year: 2026, inspectionType: 'uppfoljande' });
    expect((await ok(api, 'plan.list', { cycleId: cycle.id })).length).toBe(2);
    api.session.close();
  });

  it('refuses archived units and placements after a unit has closed', async () => {
    const { api, units } = await planningFixture();
    const cycle = await ok(api, 'cycles.create', { startYear: 2025 });
    await ok(api, 'units.setArchived', { id: units[0]!.id, archived: true });
    const archived = await refused(api, 'plan.create', { cycleId: cycle.id, unitId: units[0]!.id, year: 2025, tertial: 1 });
    expect(archived.issues?.[0]).toEqual({ field: 'unitId', message: 'Enhet A är arkiverad och kan inte planeras.' });

    await ok(api, 'units.update', { id: units[1]!.id, patch: { activeTo: '2025-12-31' } });
    const closed = await refused(api, 'plan.create', { cycleId: cycle.id, unitId: units[1]!.id, year: 2026, tertial: 1 });
    expect(closed.issues?.[0]).toEqual({ field: 'tertial', message: 'Enhet B upphör 2025-12-31, före 2026 T1.' });
    await ok(api, 'plan.create', { cycleId: cycle.id, unitId: units[1]!.id, year: 2025, tertial: 3 });
    api.session.close();
  });

  it('moving an entry makes it fixed and clears a month that no longer fits', async () => {
    const { api, units, inspectors } = await planningFixture();
    const cycle = await ok(api, 'cycles.create', { startYear: 2025 });
    await ok(api, 'plan.acceptProposal', {
      cycleId: cycle.id,
      placements: [{ unitId: units[0]!.id, year: 2025, tertial: 1, month: 3, inspectorIds: [inspectors[0]!.id] }],
    });
    const [entry] = await ok(api, 'plan.list', { cycleId: cycle.id });
    expect(entry).toMatchObject({ fixed: false, month: 3 });

    const notes = await ok(api, 'plan.update', { id: entry!.id, patch: { notes: 'Ring enhetschefen först' } });
    expect(notes.fixed).toBe(false);
    const moved = await ok(api, 'plan.update', { id: entry!.id, patch: { year: 2026, tertial: 3 } });
    expect(moved).toMatchObject({ year: 2026, tertial: 3, month: null, fixed: true, notes: 'Ring enhetschefen först' });
    const july = await refused(api, 'plan.update', { id: entry!.id, patch: { tertial: 2, month: 7 } });
    expect(july.issues?.[0]?.field).toBe('month');
    const swapped = await ok(api, 'plan.update', { id: entry!.id, patch: { inspectorIds: [inspectors[1]!.id] } });
    expect(swapped.inspectorNames).toEqual(['Bo Berg']);
    api.session.close();
  });

  it('refuses to delete an entry that an inspection refers to', async () => {
    const { api, units } = await planningFixture();
    const cycle = await ok(api, 'cycles.create', { startYear: 2025 });
    const entry = await ok(api, 'plan.create', { cycleId: cycle.id, unitId: units[0]!.id, year: 2025, tertial: 3 });
    api.session.db.sqlite
      .prepare("INSERT INTO inspections (id, unit_id, plan_entry_id, start_date, status) VALUES (?, ?, ?, '2025-10-01', 'avslutad')")
      .run(crypto.randomUUID(), units[0]!.id, entry.id);
    const listed = await ok(api, 'plan.list', { cycleId: cycle.id });
    expect(listed[0]).toMatchObject({ inspectionStatus: 'avslutad', inspectionStartDate: '2025-10-01', overdue: false });
    const error = await refused(api, 'plan.delete', { id: entry.id });
    expect(error.code).toBe('referenced');
    expect(error.message).toMatch(/^En tillsyn av Enhet A är registrerad/);
    api.session.close();
  });
});
