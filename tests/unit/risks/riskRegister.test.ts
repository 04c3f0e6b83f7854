// The risk register through the API on a real database file: a risk with its first assessment,
// re-assessments after actions, the matrix value and band on every row, bad input refused with a
// Swedish message and nothing written, and actions in the one register linked to a risk.
import { beforeEach, describe, expect, it } from 'vitest';
import { useInspectionWorld, type InspectionWorld } from '../tillsyn/inspectionFixture.ts';

const world = useInspectionWorld();
let w: InspectionWorld;

beforeEach(() => {
  w = world();
});

const rowCount = (table: string) => w.session.db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

function fallRisk(overrides: Record<string, unknown> = {}) {
  return {
    operatingAreaId: w.area.id,
    unitId: w.solgarden.id,
    description: 'Fall vid förflyttning nattetid när bara en person är i tjänst.',
    cause: 'processer_rutiner' as const,
    identifiedOn: '2025-11-10',
    probability: 3,
    severity: 3,
    ...overrides,
  };
}

describe('the risk register', () => {
  it('registers a risk with its first assessment, and a re-assessment moves it', async () => {
    const created = await w.call('risks.create', fallRisk());
    expect(created).toMatchObject({
      number: 1,
      operatingAreaName: 'Särskilt boende',
      unitName: 'Solgårdens vård- och omsorgsboende',
      status: 'aktiv',
      actionCount: 0,
      assessments: [{ assessedOn: '2025-11-10', probability: 3, severity: 3, value: 9, band: 'rod', note: '' }],
    });
    const moved = await w.call('risks.assess', { riskId: created.id, assessedOn: '2026-11-09', probability: 1, severity: 3, note: 'Nattrutinen följs.' });
    expect(moved.assessments.map((a) => [a.assessedOn, a.value, a.band])).toEqual([
      ['2025-11-10', 9, 'rod'],
      ['2026-11-09', 3, 'gron'],
    ]);
    // As of a day before the re-assessment the risk is still only "before".
    const asOf = await w.call('risks.list', { operatingAreaId: w.area.id, asOf: '2026-06-30' });
    expect(asOf.map((r) => r.assessments.length)).toEqual([1]);
    expect(await w.call('risks.list', { asOf: '2025-11-09' })).toEqual([]);
  });

  it('numbers the risks of an area by the day identified', async () => {
    const later = await w.call('risks.create', fallRisk({ identifiedOn: '2026-02-01', description: 'Läkemedel ges vid fel tid.' }));
    const earlier = await w.call('risks.create', fallRisk({ unitId: null }));
    const list = await w.call('risks.list', { operatingAreaId: w.area.id });
    expect(list.map((r) => [r.id, r.number])).toEqual([
      [earlier.id, 1],
      [later.id, 2],
    ]);
  });

  it.each([
    [{ probability: 0 }, 'probability', 'Sannolikhet ska vara en hel siffra från 1 till 4.'],
    [{ probability: 5 }, 'probability', 'Sannolikhet ska vara en hel siffra från 1 till 4.'],
    [{ severity: 2.5 }, 'severity', 'Allvarlighetsgrad ska vara en hel siffra från 1 till 4.'],
    [{ severity: -1 }, 'severity', 'Allvarlighetsgrad ska vara en hel siffra från 1 till 4.'],
    [{ description: '   ' }, 'description', 'Beskrivning måste fyllas i.'],
    [{ cause: 'slarv' }, 'cause', 'Ogiltigt värde för orsak.'],
    [{ identifiedOn: '2026-02-30' }, 'identifiedOn', 'Identifierad är inget giltigt datum.'],
  ])('refuses %o with a Swedish message and writes nothing', async (override, field, message) => {
    const audit = rowCount('audit_log');
    const error = await w.fail('risks.create', fallRisk(override));
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.[0]).toMatchObject({ field, message });
    expect(rowCount('risks')).toBe(0);
    expect(rowCount('risk_assessments')).toBe(0);
    expect(rowCount('audit_log')).toBe(audit);
  });

  it('refuses a unit outside the area, and an assessment before the risk was identified', async () => {
    const other = await w.call('operatingAreas.create', { name: 'Hemtjänst' });
    expect((await w.fail('risks.create', fallRisk({ operatingAreaId: other.id }))).message).toBe('Enheten hör inte till det valda verksamhetsområdet.');
    expect((await w.fail('risks.create', fallRisk({ assessedOn: '2025-11-01' }))).message).toBe(
      'Bedömningen kan inte vara före dagen risken identifierades (2025-11-10).',
    );
    expect(rowCount('risks')).toBe(0);
  });

  it('refuses a bad re-assessment and keeps the stored ones', async () => {
    const risk = await w.call('risks.create', fallRisk());
    const audit = rowCount('audit_log');
    expect((await w.fail('risks.assess', { riskId: risk.id, assessedOn: '2026-05-01', probability: 5, severity: 1 })).issues?.[0]).toMatchObject({
      field: 'probability',
      message: 'Sannolikhet ska vara en hel siffra från 1 till 4.',
    });
    expect((await w.fail('risks.assess', { riskId: risk.id, assessedOn: '2025-11-10', probability: 2, severity: 2 })).message).toBe(
      'En omvärdering ska göras efter den första bedömningen (2025-11-10).',
    );
    await w.call('risks.assess', { riskId: risk.id, assessedOn: '2026-05-01', probability: 2, severity: 3 });
    expect((await w.fail('risks.assess', { riskId: risk.id, assessedOn: '2026-05-01', probability: 1, severity: 1 })).message).toBe(
      'Risken är redan bedömd 2026-05-01. Välj en annan dag.',
    );
    expect(rowCount('risk_assessments')).toBe(2);
    expect(rowCount('audit_log')).toBe(audit + 1);
  });

  it('holds the levels to 1–4 in the table itself', () => {
    const risk = w.session.db.sqlite
      .prepare(`INSERT INTO risks (id, operating_area_id, description, cause, identified_on) VALUES ('r1', ?, 'x', 'annat', '2026-01-01') RETURNING id`)
      .pluck()
      .get(w.area.id) as string;
    expect(() =>
      w.session.db.sqlite.prepare(`INSERT INTO risk_assessments (id, risk_id, assessed_on, probability, severity) VALUES ('a1', ?, '2026-01-01', 5, 1)`).run(risk),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      w.session.db.sqlite.prepare(`INSERT INTO risk_assessments (id, risk_id, assessed_on, probability, severity) VALUES ('a1', ?, '2026-01-01', 2, '3')`).run(risk),
    ).not.toThrow(); // SQLite's integer affinity stores '3' as 3
  });

  describe('actions for a risk', () => {
    it('creates an analysverkstad action linked to the risk and counts it on the risk', async () => {
      const risk = await w.call('risks.create', fallRisk());
      const action = await w.call('actions.create', {
        source: 'analysverkstad',
        riskId: risk.id,
        description: 'Inför dubbelbemanning vid nattliga förflyttningar.',
        responsible: 'Karin Lundgren',
        deadline: '2026-03-31',
      });
      expect(action).toMatchObject({ source: 'analysverkstad', riskId: risk.id, riskDescription: risk.description, unitId: w.solgarden.id });
      expect((await w.call('actions.list', { filter: 'all', riskId: risk.id })).map((a) => a.id)).toEqual([action.id]);
      expect(await w.call('risks.get', { id: risk.id })).toMatchObject({ actionCount: 1, openActionCount: 1 });
      expect((await w.fail('risks.delete', { id: risk.id })).code).toBe('referenced');
    });

    it.each([
      [{ responsible: '' }, 'responsible', 'Ange vem som är ansvarig för åtgärden.'],
      [{ deadline: '2025-11-09' }, 'deadline', 'Sista dag kan inte vara före riskens bedömning (2025-11-10).'],
      [{ source: 'annat' }, 'riskId', 'Bara en åtgärd med källan analysverkstad kan kopplas till en risk.'],
      [{ unitId: 'lindgarden' }, 'unitId', 'Enheten ska vara den enhet risken gäller.'],
    ])('refuses %o and writes nothing', async (override, field, message) => {
      const risk = await w.call('risks.create', fallRisk());
      const input = {
        source: 'analysverkstad' as const,
        riskId: risk.id,
        description: 'Inför dubbelbemanning vid nattliga förflyttningar.',
        responsible: 'Karin Lundgren',
        deadline: '2026-03-31',
        ...override,
        ...('unitId' in override ? { unitId: w.lindgarden.id } : {}),
      };
      const error = await w.fail('actions.create', input as never);
      expect(error.issues?.[0]).toMatchObject({ field, message });
      expect(rowCount('actions')).toBe(0);
    });

    it('measures the deadline against the latest assessment', async () => {
      const risk = await w.call('risks.create', fallRisk());
      await w.call('risks.assess', { riskId: risk.id, assessedOn: '2026-05-01', probability: 2, severity: 3 });
      const error = await w.fail('actions.create', { source: 'analysverkstad', riskId: risk.id, description: 'Ny rutin.', responsible: 'Karin Lundgren', deadline: '2026-04-30' });
      expect(error.message).toBe('Sista dag kan inte vara före riskens bedömning (2026-05-01).');
    });
  });

  it('removes a risk without actions together with its assessments', async () => {
    const risk = await w.call('risks.create', fallRisk());
    await w.call('risks.assess', { riskId: risk.id, assessedOn: '2026-05-01', probability: 2, severity: 3 });
    await w.call('risks.delete', { id: risk.id });
    expect(rowCount('risks')).toBe(0);
    expect(rowCount('risk_assessments')).toBe(0);
  });
});
