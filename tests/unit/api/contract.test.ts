import { afterAll, describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../../db/api/contract.ts';
import { handlers } from '../../../db/api/handlers/index.ts';
import { contentChecksum } from '../../../db/maintenance/checksum.ts';
import { testApi } from '../../helpers/db.ts';

/** Inputs no method accepts: unknown keys (strictObject), wrong types, oversized text. */
const MALFORMED: unknown[] = [
  'inte ett objekt',
  42,
  [],
  { unexpectedKey: true },
  { __proto__: { polluted: true }, constructor: 'x', extra: 1 },
];

describe('the API contract', () => {
  it('has exactly one handler per method and nothing more', () => {
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort());
  });

  it('declares every input as a strict object schema', () => {
    for (const name of methodNames) {
      const parsed = contract[name].input.safeParse({ definitelyUnknownKey: 1 });
      expect(parsed.success, name).toBe(false);
    }
  });

  // One demo database for every method: a refused call writes nothing, so each method starts from
  // the same content, and the checksum around each call still catches one that writes. (Seeding
  // the demo once per method took minutes as the demo grew.)
  const shared = testApi({ demo: true });
  afterAll(() => shared.session.close());

  it.each(methodNames)('%s rejects malformed input with a Swedish message and writes nothing', async (method) => {
    const { dispatch, session } = shared;
    const before = contentChecksum(session.db.sqlite);
    for (const input of MALFORMED) {
      const result = await dispatch(method, input);
      expect(result.ok, `${method} ${JSON.stringify(input)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.message.length).toBeGreaterThan(5);
        expect(result.error.message).not.toMatch(/Error|undefined|\/tmp\/|\n\s+at /);
      }
    }
    expect(contentChecksum(session.db.sqlite)).toBe(before);
  });

  it('answers an unknown method with not_found', async () => {
    const { dispatch, session } = testApi();
    expect(await dispatch('units.dropTable', {})).toEqual({ ok: false, error: { code: 'not_found', message: 'Okänd funktion.' } });
    session.close();
  });
});
