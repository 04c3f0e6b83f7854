// Typed API calls for the planning tests: ok() returns the value or fails the test with the message.
import type { MethodInput, MethodName, MethodResult } from '../../../db/api/contract.ts';
import type { ApiErrorBody } from '../../../db/errors.ts';
import { testApi } from '../../helpers/db.ts';

export type TestApi = ReturnType<typeof testApi>;

export async function ok<M extends MethodName>(api: TestApi, method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const result = await api.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as MethodResult<M>;
}

export async function refused<M extends MethodName>(api: TestApi, method: M, input: MethodInput<M>): Promise<ApiErrorBody> {
  const result = await api.dispatch(method, input);
  if (result.ok) throw new Error(`${method} was accepted but should have been refused`);
  return result.error;
}

/** A fresh database with one area, the given units and two inspectors. */
export async function planningFixture(unitNames: string[] = ['Enhet A', 'Enhet B', 'Enhet C']) {
  const api = testApi();
  const area = await ok(api, 'operatingAreas.create', { name: 'Hemtjänst' });
  const units = [];
  for (const name of unitNames) {
    units.push(await ok(api, 'units.create', { operatingAreaId: area.id, name, unitType: 'hemtjanst', regi: 'egen_regi', provider: 'Kommunen' }));
  }
  const anna = await ok(api, 'inspectors.create', { name: 'Anna Andersson' });
  const bo = await ok(api, 'inspectors.create', { name: 'Bo Berg' });
  return { api, area, units, inspectors: [anna, bo] };
}
