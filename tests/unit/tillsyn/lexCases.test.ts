// The lex Sarah and lex Maria register through the API on a real database file: no person data
// (a personnummer is refused and nothing is written), the law's own severities, the IVO date rule,
// actions in the one register linked to the case, and the audit trail.
import { beforeEach, describe, expect, it } from 'vitest';
import { useInspectionWorld, type InspectionWorld } from './inspectionFixture.ts';

const world = useInspectionWorld();
let w: InspectionWorld;

beforeEach(() => {
  w = world();
});

const rowCount = (table: string) => w.session.db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

function sarahCase(overrides: Record<string, unknown> = {}) {
  return {
    lexType: 'lex_sarah' as const,
    unitId: w.solgarden.id,
    reportedOn: '2026-03-12',
    category: 'brister_omvardnad' as const,
    severity: 'risk_for_missforhallande' as const,
    summary: 'Brukare fick inte hjälp med nattlig tillsyn enligt genomförandeplanen.',
    ...overrides,
  };
}

describe('the lex Sarah and lex Maria register', () => {
  it('registers a case with its unit, category, severity and status, and lists it', async () => {
    const created = await w.call('lexCases.create', sarahCase({ caseNumber: 'SN 2026/41' }));
    expect(created).toMatchObject({
      lexType: 'lex_sarah',
      unitName: 'Solgårdens vård- och omsorgsboende',
      operatingAreaName: 'Särskilt boende',
      regi: 'extern_utforare',
      status: 'anmald',
      ivoReported: false,
      ivoReportedOn: null,
      caseNumber: 'SN 2026/41',
      actionCount: 0,
    });
    const updated = await w.call('lexCases.update', { id: created.id, patch: { status: 'utredd', ivoReported: true, ivoReportedOn: '2026-04-02', severity: 'missforhallande' } });
    expect(updated).toMatchObject({ status: 'utredd', ivoReported: true, ivoReportedOn: '2026-04-02', severity: 'missforhallande' });
    expect((await w.call('lexCases.list', { year: 2026 })).map((c) => c.id)).toEqual([created.id]);
    expect(await w.call('lexCases.list', { year: 2025 })).toEqual([]);
  });

  it.each([
    ['summary', 'Gäller 19850709-1234 på avdelning två.'],
    ['summary', 'Brukaren (850709-1234) föll.'],
    ['summary', 'pnr 8507091234'],
    ['caseNumber', '198507091234'],
    ['summary', 'Samordningsnummer 850769-1234.'],
  ])('refuses a personnummer in %s (%s) with a Swedish message and writes nothing', async (field, text) => {
    const before = rowCount('audit_log');
    const error = await w.fail('lexCases.create', sarahCase({ [field]: text }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('personnummer');
    expect(error.issues?.[0]).toMatchObject({ field });
    expect(rowCount('lex_cases')).toBe(0);
    expect(rowCount('audit_log')).toBe(before);
  });

  it('refuses a personnummer in an edit and keeps the stored text', async () => {
    const created = await w.call('lexCases.create', sarahCase());
    const error = await w.fail('lexCases.update', { id: created.id, patch: { summary: 'Avser 19850709-1234.' } });
    expect(error.message).toContain('personnummer');
    expect((await w.call('lexCases.get', { id: created.id })).summary).toBe(created.summary);
  });

  it('accepts dates, diarienummer and counts that are not personnummer', async () => {
    const created = await w.call('lexCases.create', sarahCase({ caseNumber: 'VO 2026-00123', summary: 'Händelsen 2026-03-10 kl 14.30; 12 av 24 brukare berördes. Dnr 2026/1234.' }));
    expect(created.caseNumber).toBe('VO 2026-00123');
  });

  it('keeps each law to its own severities and an IVO-anmälan to a date on or after the report', async () => {
    expect(await w.fail('lexCases.create', sarahCase({ severity: 'vardskada' }))).toMatchObject({
      code: 'invalid_input',
      message: 'Ett ärende enligt lex Sarah gäller missförhållande eller påtaglig risk för missförhållande.',
    });
    expect(await w.fail('lexCases.create', sarahCase({ ivoReported: true }))).toMatchObject({ message: 'Ange vilket datum ärendet anmäldes till IVO.' });
    expect(await w.fail('lexCases.create', sarahCase({ ivoReported: true, ivoReportedOn: '2026-03-01' }))).toMatchObject({
      message: 'Anmälan till IVO kan inte vara före ärendets datum (2026-03-12).',
    });
    const maria = await w.call('lexCases.create', sarahCase({ lexType: 'lex_maria', category: 'lakemedel', severity: 'vardskada', ivoReported: true, ivoReportedOn: '2026-03-20' }));
    // Answering "nej" clears the date.
    expect(await w.call('lexCases.update', { id: maria.id, patch: { ivoReported: false } })).toMatchObject({ ivoReported: false, ivoReportedOn: null });
    expect(rowCount('lex_cases')).toBe(1);
  });

  it('links actions in the one register to the case, with the case’s unit, and keeps a case with actions', async () => {
    const created = await w.call('lexCases.create', sarahCase());
    const action = await w.call('actions.create', {
      source: 'lex_sarah',
      lexCaseId: created.id,
      description: 'Ny rutin för nattlig tillsyn',
      deadline: '2026-06-30',
      responsible: 'Enhetschef',
    });
    expect(action).toMatchObject({ source: 'lex_sarah', lexCaseId: created.id, lexCaseReportedOn: '2026-03-12', unitId: w.solgarden.id });
    expect((await w.call('actions.list', { filter: 'all', lexCaseId: created.id })).map((a) => a.id)).toEqual([action.id]);
    expect(await w.call('lexCases.get', { id: created.id })).toMatchObject({ actionCount: 1, openActionCount: 1 });

    expect(await w.fail('actions.create', { source: 'lex_maria', lexCaseId: created.id, description: 'Fel lag', deadline: '2026-06-30' })).toMatchObject({
      message: 'Källan ska vara samma lag som ärendet (lex Sarah eller lex Maria).',
    });
    expect(await w.fail('actions.create', { source: 'lex_sarah', description: 'Utan ärende', deadline: '2026-06-30' })).toMatchObject({ code: 'invalid_input' });
    expect(
      await w.fail('actions.create', { source: 'lex_sarah', lexCaseId: created.id, description: 'Samtal med 850709-1234', deadline: '2026-06-30' }),
    ).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('personnummer') });
    expect(await w.fail('lexCases.delete', { id: created.id })).toMatchObject({ code: 'referenced' });
    expect(await w.fail('lexCases.update', { id: created.id, patch: { unitId: w.lindgarden.id } })).toMatchObject({ code: 'invalid_input' });
    // The unit now has history and is archived, never deleted.
    expect(await w.fail('units.delete', { id: w.solgarden.id })).toMatchObject({ code: 'referenced' });
  });

  it('records who created and changed a case in the audit trail', async () => {
    const created = await w.call('lexCases.create', sarahCase());
    await w.call('lexCases.update', { id: created.id, patch: { status: 'under_utredning' } });
    const history = await w.call('audit.history', { tableName: 'lex_cases', rowId: created.id });
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['insert', 'update']));
    expect(JSON.stringify(history)).toContain('under_utredning');
  });
});
