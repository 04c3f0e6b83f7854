// The tillsynsberättelse's lex Sarah/lex Maria and synpunkter sections and its breakdown by regi:
// the figures against hand-counted fixtures, and the same text in the PDF (pdftotext) and in the
// Word file (its document.xml), with IVO's inspection counted as IVO.
import { beforeEach, describe, expect, it } from 'vitest';
import { useInspectionWorld, type InspectionWorld } from './inspectionFixture.ts';
import { docxText, pdfText } from '../../helpers/reportText.ts';

const world = useInspectionWorld();
let w: InspectionWorld;

beforeEach(() => {
  w = world();
});

const SOL = 'Solgårdens vård- och omsorgsboende';
const LIND = 'Lindgårdens vård- och omsorgsboende';
const csv = (lines: string[]) => ({ file: { fileName: 'synpunkter.csv', contentBase64: Buffer.from(lines.join('\n'), 'utf8').toString('base64') } });

describe('the tillsynsberättelse with lex Sarah, lex Maria, synpunkter and regi', () => {
  it('counts cases, synpunkter against the previous year and inspections by regi, in the PDF and the Word file', async () => {
    // Solgården is extern utförare, Lindgården egen regi.
    const sol = await w.call('inspections.create', { unitId: w.solgarden.id, startDate: '2026-03-10', requirementIds: [w.requirement('K01').id, w.requirement('K02').id] });
    for (const a of sol.assessments) await w.call('assessments.update', { id: a.id, patch: { result: 'ej_uppfyllt' } });
    const lind = await w.call('inspections.create', { unitId: w.lindgarden.id, startDate: '2026-09-15', requirementIds: [w.requirement('K01').id] });
    await w.call('assessments.update', { id: lind.assessments[0]!.id, patch: { result: 'uppfyllt' } });
    await w.call('inspections.create', { unitId: w.lindgarden.id, origin: 'ivo', startDate: '2026-05-05' });

    const base = { unitId: w.solgarden.id, category: 'brister_omvardnad' as const, severity: 'risk_for_missforhallande' as const };
    await w.call('lexCases.create', { ...base, lexType: 'lex_sarah', reportedOn: '2026-02-01', status: 'avslutad', severity: 'missforhallande', ivoReported: true, ivoReportedOn: '2026-02-20' });
    await w.call('lexCases.create', { ...base, lexType: 'lex_sarah', reportedOn: '2026-06-01', unitId: w.lindgarden.id, category: 'bemotande', status: 'under_utredning' });
    await w.call('lexCases.create', { ...base, lexType: 'lex_maria', reportedOn: '2026-10-01', category: 'lakemedel', severity: 'vardskada' });
    await w.call('lexCases.create', { ...base, lexType: 'lex_sarah', reportedOn: '2025-11-01' }); // another year

    await w.call('feedback.importCommit', csv([
      'Period;Enhet;Typ;Antal',
      `2026 T1;${SOL};Klagomål;4`,
      `2026 T2;${SOL};Beröm;3`,
      `2026 T3;${LIND};Synpunkt;2`,
      `2025 T3;${SOL};Klagomål;6`,
    ]));

    const data = await w.call('reports.annual', { year: 2026 });
    expect(data.byType.find((t) => t.inspectionType === 'ivo')).toEqual({ inspectionType: 'ivo', count: 1 });
    expect(data.byRegi).toEqual([
      { regi: 'egen_regi', inspections: 2, shortfalls: 0, actions: 0, openActions: 0 },
      { regi: 'extern_utforare', inspections: 1, shortfalls: 2, actions: 2, openActions: 2 },
      { regi: 'ideell_forening', inspections: 0, shortfalls: 0, actions: 0, openActions: 0 },
    ]);
    expect(data.lexCases).toMatchObject({
      total: 3,
      ivoReported: 1,
      byType: [
        { lexType: 'lex_sarah', count: 2, ivoReported: 1 },
        { lexType: 'lex_maria', count: 1, ivoReported: 0 },
      ],
      byCategory: [
        { category: 'brister_omvardnad', lexSarah: 1, lexMaria: 0 },
        { category: 'bemotande', lexSarah: 1, lexMaria: 0 },
        { category: 'lakemedel', lexSarah: 0, lexMaria: 1 },
      ],
      byArea: [{ operatingAreaName: 'Särskilt boende', lexSarah: 2, lexMaria: 1, ivoReported: 1 }],
    });
    expect(data.lexCases.byStatus.filter((s) => s.count)).toEqual([
      { status: 'anmald', count: 1 },
      { status: 'under_utredning', count: 1 },
      { status: 'avslutad', count: 1 },
    ]);
    expect(data.feedback).toEqual({
      total: 9,
      previousTotal: 6,
      byType: [
        { feedbackType: 'klagomal', count: 4, previousCount: 6 },
        { feedbackType: 'synpunkt', count: 2, previousCount: 0 },
        { feedbackType: 'berom', count: 3, previousCount: 0 },
        { feedbackType: 'forslag', count: 0, previousCount: 0 },
      ],
      byArea: [{ operatingAreaName: 'Särskilt boende', counts: { klagomal: 4, synpunkt: 2, berom: 3, forslag: 0 }, total: 9, previousTotal: 6 }],
    });

    const pdf = pdfText(await w.call('reports.annualPdf', { year: 2026 }));
    const docx = docxText(await w.call('reports.annualDocx', { year: 2026 }));
    for (const text of [pdf, docx]) {
      expect(text).not.toContain('redovisas i egna sammanställningar');
      expect(text).toContain('IVO-tillsyn');
      // By regi.
      expect(text).toContain('Per regi');
      expect(text).toMatch(/Egen regi ?2 ?0 ?0 ?0/);
      expect(text).toMatch(/Extern utförare ?1 ?2 ?2 ?2/);
      // Lex Sarah and lex Maria.
      expect(text).toContain('Lex Sarah och lex Maria');
      expect(text).toContain('Under 2026 registrerades 2 ärenden enligt lex Sarah och 1 enligt lex Maria. 1 av dem anmäldes till IVO.');
      expect(text).toContain('Redovisningen innehåller inga uppgifter om enskilda personer.');
      expect(text).toMatch(/Bemötande ?1 ?0/);
      expect(text).toMatch(/Läkemedel ?0 ?1/);
      expect(text).toMatch(/Under utredning ?1/);
      expect(text).toContain(LIND);
      // Synpunkter, against the previous year.
      expect(text).toContain('Under 2026 inkom 9 synpunkter, klagomål, beröm och förslag (2025: 6, förändring +3).');
      expect(text).toMatch(/Klagomål ?4 ?6 ?-2/);
      expect(text).toMatch(/Särskilt boende ?4 ?2 ?3 ?0 ?9 ?\+3/);
    }
    // The synpunkter chart is drawn into the PDF as vector text (its legend).
    expect(pdf).toContain('Synpunkter per verksamhetsområde');
    expect(pdf).toContain('Klagomål Synpunkt Beröm Förslag');
  });
});
