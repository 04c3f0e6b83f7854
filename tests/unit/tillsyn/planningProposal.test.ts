// The plan proposal through the API: a preview that never writes, accepted all or nothing,
// keeping what the user fixed; and cycle coverage on the demo municipality.
import { describe, expect, it } from 'vitest';
import { contentChecksum } from '../../../db/maintenance/checksum.ts';
import { testApi } from '../../helpers/db.ts';
import { ok, planningFixture, refused } from './planningApi.ts';
import type { ProposedPlacement } from '../../../db/api/contract.ts';

/** What the UI sends back: the placement without the display names. */
const asInput = ({ unitId, year, tertial, month, inspectorIds, fixed }: ProposedPlacement) => ({ unitId, year, tertial, month, inspectorIds, fixed });

describe('plan.propose', () => {
  it('places every unit once, keeps fixed entries, reports load per inspector, and writes nothing', async () => {
    const { api, units, inspectors } = await planningFixture(['Enhet A', 'Enhet B', 'Enhet C', 'Enhet D']);
    const cycle = await ok(api, 'cycles.create', { startYear: 2025 });
    const pinned = await ok(api, 'plan.create', { cycleId: cycle.id, unitId: units[2]!.id, year: 2027, tertial: 3, inspectorIds: [inspectors[1]!.id] });
    const before = contentChecksum(api.session.db.sqlite);

    const proposal = await ok(api, 'plan.propose', { cycleId: cycle.id, today: '2025-01-01' });

    expect(contentChecksum(api.session.db.sqlite)).toBe(before);
    expect(proposal.placements.map((p) => p.unitName).sort()).toEqual(['Enhet A', 'Enhet B', 'Enhet C', 'Enhet D']);
    expect(proposal.placements.find((p) => p.unitId === pinned.unitId)).toMatchObject({ year: 2027, tertial: 3, fixed: true, inspectorNames: ['Bo Berg'] });
    expect(proposal).toMatchObject({ keptCount: 1, replacedCount: 0, warnings: [] });
    // Four placements, one inspector each: the load table adds up, and nobody has everything.
    expect(proposal.load.map((l) => l.name)).toEqual(['Anna Andersson', 'Bo Berg']);
    expect(proposal.load.reduce((sum, l) => sum + l.total, 0)).toBe(4);
    expect(proposal.load.every((l) => l.perTertial.length === 9 && l.total === 2)).toBe(true);
    api.session.close();
  });

  it('never proposes July or a tertial that has passed', async () => {
    const { api } = await planningFixture(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    const cycle = await ok(api, 'cycles.create', { startYear: 2025 });
    const proposal = await ok(api, 'plan.propose', { cycleId: cycle.id, today: '2026-11-23' });
    expect(proposal.placements).toHaveLength(10);
    for (const p of proposal.placements) {
      expect(p.month).not.toBe(7);
      expect(p.year * 3 + p.tertial).toBeGreaterThanOrEqual(2026 * 3 + 3);
    }
    api.session.close();
  });
});

describe('plan.acceptProposal', () => {
  it('replaces the non-fixed entries and keeps the fixed ones', async () => {
    const { api, units, inspectors } = await planningFixture();
    const cycle = await ok(api, 'cycles.create', { startYear: 2025 });
    const first = await ok(api, 'plan.propose', { cycleId: cycle.id, today: '2025-01-01' });
    expect(await ok(api, 'plan.acceptProposal', { cycleId: cycle.id, placements: first.placements.map(asInput) })).toEqual({ inserted: 3, replaced: 0, kept: 0 });

    const entries = await ok(api, 'plan.list', { cycleId: cycle.id });
    const moved = entries.find((e) => e.unitId === units[0]!.id)!;
    await ok(api, 'plan.update', { id: moved.id, patch: { year: 2027, tertial: 1, month: 2 } });

    const second = await ok(api, 'plan.propose', { cycleId: cycle.id, today: '2025-01-01' });
    expect(second).toMatchObject({ keptCount: 1, replacedCount: 2 });
    // The user moves one proposed placement before accepting.
    const adjusted = second.placements.map(asInput).map((p) =>
      p.unitId === units[1]!.id ? { ...p, year: 2026, tertial: 2 as const, month: 5, fixed: true, inspectorIds: [inspectors[0]!.id] } : p,
    );
    expect(await ok(api, 'plan.acceptProposal', { cycleId: cycle.id, placements: adjusted })).toEqual({ inserted: 2, replaced: 2, kept: 1 });

    const after = await ok(api, 'plan.list', { cycleId: cycle.id });
    expect(after).toHaveLength(3);
    expect(after.find((e) => e.unitId === units[0]!.id)).toMatchObject({ year: 2027, tertial: 1, month: 2, fixed: true });
    expect(after.find((e) => e.unitId === units[1]!.id)).toMatchObject({ year: 2026, tertial: 2, month: 5, fixed: true, inspectorNames: ['Anna Andersson'] });
    api.session.close();
  });

  it('writes nothing when one placement is invalid, and says which', async () => {
    const { api, units } = await planningFixture();
    const cycle = await ok(api, 'cycles.create', { startYear: 2025 });
    const proposal = await ok(api, 'plan.propose', { cycleId: cycle.id, today: '2025-01-01' });
    const before = contentChecksum(api.session.db.sqlite);
    const index = proposal.placements.findIndex((p) => p.unitId === units[2]!.id);
    const broken = proposal.placements.map(asInput).map((p, i) => (i === index ? { ...p, tertial: 2 as const, month: 7 } : p));

    const error = await refused(api, 'plan.acceptProposal', { cycleId: cycle.id, placements: broken });

    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^Förslaget sparades inte: en placering har fel\. Inget har ändrats\. Enhet C: Ingen tillsyn planeras i juli/);
    expect(error.issues).toEqual([{ field: `placements.${index}.month`, message: expect.stringMatching(/^Enhet C: Ingen tillsyn planeras i juli/) }]);
    expect(contentChecksum(api.session.db.sqlite)).toBe(before);

    const twice = await refused(api, 'plan.acceptProposal', { cycleId: cycle.id, placements: [...proposal.placements, proposal.placements[0]!].map(asInput) });
    expect(twice.issues?.[0]?.message).toMatch(/finns två gånger i förslaget/);
    expect(contentChecksum(api.session.db.sqlite)).toBe(before);
    api.session.close();
  });
});

describe('coverage.get on the demo municipality', () => {
  it('counts the 2025–2027 plan as of 2026-11-23: every unit placed, the past tertials overdue', async () => {
    const api = testApi({ demo: true });
    const [cycle] = await ok(api, 'cycles.list', {});
    const plan = await ok(api, 'plan.list', { cycleId: cycle!.id });
    const coverage = await ok(api, 'coverage.get', { cycleId: cycle!.id, today: '2026-11-23' });
    const units = await ok(api, 'units.list', {});

    expect(coverage.cycleName).toBe('2025–2027');
    expect(coverage.units).toHaveLength(units.length);
    // Planned per tertial equals the plan entries in that tertial.
    for (const row of coverage.byTertial) {
      expect(row.planned, `${row.year} T${row.tertial}`).toBe(plan.filter((e) => e.year === row.year && e.tertial === row.tertial).length);
    }
    // A unit whose placement's tertial ended before 2026-11-23 without an inspection is overdue;
    // one whose tertial is still to come is planned (the demo's inspections count as done).
    const done = new Set(coverage.units.filter((u) => u.status === 'genomford').map((u) => u.unitId));
    for (const entry of plan) {
      const status = coverage.units.find((u) => u.unitId === entry.unitId)?.status;
      if (done.has(entry.unitId) || status === 'stangd') continue;
      const past = entry.year * 3 + entry.tertial < 2026 * 3 + 3;
      expect(status, entry.unitName).toBe(past ? 'forsenad' : 'planerad');
    }
    const total = Object.values(coverage.totals).reduce((a, b) => a + b, 0);
    expect(total).toBe(units.length);
    expect(coverage.byInspector.map((i) => i.name)).toEqual(['Agnes Tillström', 'Bilal Granqvist', 'Cecilia Rydén']);
    expect(coverage.byInspector.reduce((a, i) => a + i.planned, 0)).toBe(plan.length);
    api.session.close();
  });
});
