// The plan proposal through the API: a preview that never writes, accepted all or nothing,
// keeping what the user fixed; and cycle coverage on the demo municipality.
import { describe, expect, it } from 'vitest';
import { contentChecksum } from '../../../db/maintenance/checksum.ts';
import { testApi } from '../../helpers/db.ts';
import { ok, planningFixture, refused } from './planningApi.ts';
import type { ProposedPlacement } from '../../../db/api/contract.ts';

/** What the UI sends back: the placement without the display names. */
const asInput = ({ unitId, year, tertial, month, inspectorIds, fixed, announced }: ProposedPlacement) => ({ unitId, year, tertial, month, inspectorIds, fixed, announced });

describe('plan.propose', () => {
  it('places every unit once, keeps fixed entries, reports the months and capacity, and writes nothing', async () => {
    const { api, units, inspectors } = await planningFixture(['Enhet A', 'Enhet B', 'Enhet C', 'Enhet D']);
    const cycle = await ok(api, 'cycles.create', { startYear: 2025 });
    const pinned = await ok(api, 'plan.create', { cycleId: cycle.id, unitId: units[2]!.id, year: 2027, tertial: 3, inspectorIds: [inspectors[1]!.id] });
    const before = contentChecksum(api.session.db.sqlite);

    const proposal = await ok(api, 'plan.propose', { cycleId: cycle.id, today: '2025-01-01' });

    expect(contentChecksum(api.session.db.sqlite)).toBe(before);
    expect(proposal.placements.map((p) => p.unitName).sort()).toEqual(['Enhet A', 'Enhet B', 'Enhet C', 'Enhet D']);
    expect(proposal.placements.find((p) => p.unitId === pinned.unitId)).toMatchObject({ year: 2027, tertial: 3, fixed: true, inspectorNames: ['Bo Berg'] });
    expect(proposal).toMatchObject({ keptCount: 1, replacedCount: 0, warnings: [] });
    // Four placements, one inspector each, two each; capacity 1 per inspector and month (the least).
    expect(proposal.inspectors.map((i) => i.name)).toEqual(['Anna Andersson', 'Bo Berg']);
    expect(proposal.placements.filter((p) => p.inspectorNames[0] === 'Anna Andersson')).toHaveLength(2);
    expect(proposal.months).toHaveLength(36);
    expect(proposal.months.filter((m) => m.open).map((m) => m.month).slice(0, 9)).toEqual([1, 2, 3, 4, 5, 9, 10, 11, 12]);
    expect(proposal.settings).toEqual({
      capacityPerInspector: 1,
      defaultCapacityPerInspector: 1,
      teamSize: 2,
      unannouncedPercent: 0,
      defaultUnannouncedPercent: 0,
      unannouncedBasis: { source: 'currentPlan', total: 1, unannounced: 0 },
      allowedMonths: [1, 2, 3, 4, 5, 9, 10, 11, 12],
    });
    api.session.close();
  });

  it('never proposes a month that has passed or is not allowed; the allowed months are remembered', async () => {
    const { api } = await planningFixture(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    const cycle = await ok(api, 'cycles.create', { startYear: 2025 });
    const proposal = await ok(api, 'plan.propose', { cycleId: cycle.id, today: '2026-11-23' });
    expect(proposal.placements).toHaveLength(10);
    for (const p of proposal.placements) {
      expect([6, 7, 8]).not.toContain(p.month);
      expect(p.year * 12 + (p.month ?? 0)).toBeGreaterThanOrEqual(2026 * 12 + 11);
    }
    // Only October: the setting is kept, and the next proposal uses it without being told.
    expect(await ok(api, 'plan.setAllowedMonths', { allowedMonths: [10] })).toEqual({ allowedMonths: [10] });
    const october = await ok(api, 'plan.propose', { cycleId: cycle.id, today: '2025-01-01' });
    expect(october.settings.allowedMonths).toEqual([10]);
    expect(new Set(october.placements.map((p) => p.month))).toEqual(new Set([10]));
    // Capacity 1 × 2 inspectors = 2 a month over three Octobers: 6 places for 10 units, so 4 go above it, each with a warning.
    const tight = await ok(api, 'plan.propose', { cycleId: cycle.id, today: '2025-01-01', capacityPerInspector: 1 });
    expect(tight.warnings.filter((w) => w.kind === 'capacity')).toHaveLength(4);
    expect((await refused(api, 'plan.setAllowedMonths', { allowedMonths: [6, 7] })).message).toMatch(/Juli kan inte vara en tillsynsmånad/);
    expect((await refused(api, 'plan.setAllowedMonths', { allowedMonths: [] })).message).toMatch(/Välj minst en månad/);
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

describe('the proposal on the demo municipality', () => {
  it('keeps every oanmäld placement oanmäld and where it is, when the proposal is accepted', async () => {
    const api = testApi({ demo: true });
    const [cycle] = await ok(api, 'cycles.list', {});
    const before = (await ok(api, 'plan.list', { cycleId: cycle!.id })).filter((e) => e.inspectionType === 'ordinarie' && !e.announced);
    expect(before.length).toBeGreaterThan(0);
    const proposal = await ok(api, 'plan.propose', { cycleId: cycle!.id, today: '2026-11-23', unannouncedPercent: 30 });
    for (const e of before) expect(proposal.placements.find((p) => p.unitId === e.unitId)).toMatchObject({ fixed: true, announced: false, year: e.year, month: e.month });
    // The proposal makes new oanmälda too: 30 % of all, kept ones included, within 5 points.
    const share = proposal.placements.filter((p) => !p.announced).length / proposal.placements.length;
    expect(Math.abs(share - 0.3)).toBeLessThanOrEqual(0.05);
    await ok(api, 'plan.acceptProposal', { cycleId: cycle!.id, placements: proposal.placements.map(asInput) });
    const after = await ok(api, 'plan.list', { cycleId: cycle!.id });
    for (const e of before) expect(after.find((a) => a.id === e.id), e.unitName).toMatchObject({ announced: false, year: e.year, tertial: e.tertial, month: e.month });
    expect(after.filter((e) => !e.announced).length).toBe(proposal.placements.filter((p) => !p.announced).length);
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
