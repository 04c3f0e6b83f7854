// A small supervised world for the inspection tests: one area, two units, the default
// kvalitetskrav catalogue and two inspectors, reached only through the API.
import { afterEach, beforeEach, vi } from 'vitest';
import { testApi } from '../../helpers/db.ts';
import type { MethodInput, MethodName, MethodResult } from '../../../db/api/contract.ts';

export async function inspectionWorld() {
  const api = testApi();
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> => {
    const result = await api.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as MethodResult<M>;
  };
  /** The error body of a call that must fail. */
  const fail = async <M extends MethodName>(method: M, input: MethodInput<M>) => {
    const result = await api.dispatch(method, input);
    if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
    return result.error;
  };
  const area = await call('operatingAreas.create', { name: 'Särskilt boende' });
  const solgarden = await call('units.create', {
    operatingAreaId: area.id,
    name: 'Solgårdens vård- och omsorgsboende',
    unitType: 'sarskilt_boende',
    regi: 'extern_utforare',
    provider: 'Vardaga Omsorg AB',
    manager: 'Karin Lundgren',
  });
  const lindgarden = await call('units.create', {
    operatingAreaId: area.id,
    name: 'Lindgårdens vård- och omsorgsboende',
    unitType: 'sarskilt_boende',
    regi: 'egen_regi',
    provider: 'Exempelby kommun',
    manager: 'Åsa Öberg',
  });
  await call('requirements.loadDefaultCatalogue', {});
  const requirements = await call('requirements.list', {});
  const anna = await call('inspectors.create', { name: 'Anna Tillsyn' });
  const omar = await call('inspectors.create', { name: 'Omar Granskare' });
  const requirement = (code: string) => {
    const found = requirements.find((r) => r.code === code);
    if (!found) throw new Error(`no requirement ${code}`);
    return found;
  };
  return { ...api, call, fail, area, solgarden, lindgarden, requirements, requirement, anna, omar };
}

export type InspectionWorld = Awaited<ReturnType<typeof inspectionWorld>>;

/** A fresh world per test on a fixed day (2026-11-23), closed afterwards; read it through the getter. */
export function useInspectionWorld(): () => InspectionWorld {
  let world: InspectionWorld | undefined;
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-23T10:00:00') });
    world = await inspectionWorld();
  });
  afterEach(() => {
    world?.session.close();
    vi.useRealTimers();
  });
  return () => {
    if (!world) throw new Error('the inspection world is only there inside a test');
    return world;
  };
}
