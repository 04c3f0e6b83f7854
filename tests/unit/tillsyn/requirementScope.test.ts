// Kvalitetskrav tied to what they apply to: the seed catalogue's legal bases and verksamhetstyper,
// the preselection rule for a new inspection (hand-checked against the seed's tags), and a
// scope edit on an assessed requirement making a new version like a wording edit does.
import { beforeEach, describe, expect, it } from 'vitest';
import { requirementAppliesTo } from '../../../db/shared/requirementScope.ts';
import { useInspectionWorld, type InspectionWorld } from './inspectionFixture.ts';
import type { UnitType } from '../../../db/api/contract.ts';

const world = useInspectionWorld();
let w: InspectionWorld;

beforeEach(() => {
  w = world();
});

/** The codes a new inspection of a unit of this type preselects, from the catalogue as stored. */
async function preselected(unitType: UnitType): Promise<string[]> {
  const requirements = await w.call('requirements.list', {});
  return requirements.filter((r) => requirementAppliesTo(r, unitType)).map((r) => r.code);
}

describe('requirements tied to what they apply to', () => {
  it('stores the seed tags: K07 heldygnskost for boenden, V03–V06 judged at the beställare', () => {
    expect(w.requirement('K07')).toMatchObject({
      legalBases: ['sol', 'sosfs_2014_10'],
      unitTypes: ['sarskilt_boende', 'korttidsboende', 'lss_gruppbostad'],
      judgedAtCommissioner: false,
    });
    for (const code of ['V03', 'V04', 'V05', 'V06']) expect(w.requirement(code).judgedAtCommissioner).toBe(true);
    expect(w.requirement('V03')).toMatchObject({ legalBases: ['sol', 'kommunalt_beslut'], unitTypes: ['hemtjanst'] });
    expect(w.requirements.filter((r) => r.judgedAtCommissioner).map((r) => r.code)).toEqual(['V03', 'V04', 'V05', 'V06']);
    // Every requirement rests on something and names whom it concerns.
    expect(w.requirements.every((r) => r.legalBases.length > 0 && r.unitTypes.length > 0)).toBe(true);
  });

  it('preselects for hemtjänst neither K07 nor V03–V06 (hand-checked against the seed tags)', async () => {
    expect(await preselected('hemtjanst')).toEqual(['K01', 'K02', 'K03', 'K08', 'K09', 'K10', 'V01', 'V09', 'V10', 'V12', 'V14', 'V15', 'V16']);
  });

  it('preselects for särskilt boende every kvalitetskrav and the guarantees of a boende', async () => {
    expect(await preselected('sarskilt_boende')).toEqual([
      'K01', 'K02', 'K03', 'K04', 'K05', 'K06', 'K07', 'K08', 'K09', 'K10',
      'V01', 'V09', 'V10', 'V11', 'V12', 'V13', 'V14',
    ]);
  });

  it('preselects for IFO only what concerns every SoL insats', async () => {
    expect(await preselected('ifo')).toEqual(['K01', 'K02', 'K09', 'K10', 'V01', 'V09']);
  });

  it('applies a requirement naming no verksamhetstyp to every type, unless it is judged at the beställare', () => {
    expect(requirementAppliesTo({ unitTypes: [], judgedAtCommissioner: false }, 'ifo')).toBe(true);
    expect(requirementAppliesTo({ unitTypes: [], judgedAtCommissioner: true }, 'ifo')).toBe(false);
    expect(requirementAppliesTo({ unitTypes: ['hemtjanst'], judgedAtCommissioner: false }, 'ifo')).toBe(false);
  });

  it('creates a requirement with its scope, and refuses a code outside the closed sets', async () => {
    const created = await w.call('requirements.create', {
      code: 'K11',
      theme: 'Hälso- och sjukvård',
      title: 'Läkemedelshantering',
      legalBases: ['psl', 'hsl'],
      unitTypes: ['hemsjukvard', 'sarskilt_boende'],
    });
    // Stored one row per code, read back in the closed sets' order.
    expect(created).toMatchObject({ legalBases: ['hsl', 'psl'], unitTypes: ['sarskilt_boende', 'hemsjukvard'], judgedAtCommissioner: false });
    const bad = await w.fail('requirements.create', { code: 'K12', theme: 'X', title: 'Y', legalBases: ['grundlagen' as 'sol'] });
    expect(bad.code).toBe('invalid_input');
    expect(JSON.stringify(bad)).toContain('Ogiltigt värde för lagstöd.');
  });

  it('edits the scope of an unused version in place, but gives an assessed one a new version that keeps the old one intact', async () => {
    const k07 = w.requirement('K07');
    const inPlace = await w.call('requirements.update', { id: k07.id, patch: { unitTypes: ['sarskilt_boende'] } });
    expect(inPlace).toMatchObject({ version: 1, unitTypes: ['sarskilt_boende'] });

    await w.call('inspections.create', { unitId: w.solgarden.id, startDate: '2026-10-06', requirementIds: [k07.id] });
    const next = await w.call('requirements.update', { id: k07.id, patch: { legalBases: ['sol'], judgedAtCommissioner: false } });
    expect(next).toMatchObject({ version: 2, legalBases: ['sol'], unitTypes: ['sarskilt_boende'], validFrom: '2026-11-23' });
    const versions = await w.call('requirements.versions', { id: k07.id });
    expect(versions.map((v) => [v.version, v.legalBases, v.unitTypes])).toEqual([
      [2, ['sol'], ['sarskilt_boende']],
      [1, ['sol', 'sosfs_2014_10'], ['sarskilt_boende']],
    ]);
    // The same codes in another order change nothing.
    const same = await w.call('requirements.update', { id: k07.id, patch: { unitTypes: ['sarskilt_boende'], legalBases: ['sol'] } });
    expect(same.version).toBe(2);
  });
});
