import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { docxText, docxXml, pdfText, writeDownload } from '../../helpers/reports.ts';
import { useInspectionWorld, type InspectionWorld } from './inspectionFixture.ts';

const world = useInspectionWorld();
let w: InspectionWorld;

beforeEach(() => {
  w = world();
});

async function inspect(
  unitId: string,
  startDate: string,
  results: Record<string, 'uppfyllt' | 'delvis_uppfyllt' | 'ej_uppfyllt'>,
  extra: { announced?: boolean; origin?: 'egen' | 'ivo'; summary?: string } = {},
) {
  const codes = Object.keys(results);
  const created = await w.call('inspections.create', {
    unitId,
    startDate,
    announced: extra.announced ?? true,
    origin: extra.origin ?? 'egen',
    inspectorIds: [w.anna.id],
    requirementIds: codes.map((c) => w.requirement(c).id),
  });
  const actions = [];
  for (const assessment of created.assessments) {
    const { createdAction } = await w.call('assessments.update', { id: assessment.id, patch: { result: results[assessment.code]! } });
    if (createdAction) actions.push(createdAction);
  }
  if (extra.summary) await w.call('inspections.update', { id: created.id, patch: { summary: extra.summary } });
  return { ...created, actions };
}

describe('the tillsynsrapport', () => {
  it('prints the inspection, each requirement with its observation and the required actions, in Swedish, as PDF and Word', async () => {
    const created = await w.call('inspections.create', {
      unitId: w.solgarden.id,
      startDate: '2026-10-06',
      endDate: '2026-10-07',
      announced: false,
      inspectorIds: [w.anna.id, w.omar.id],
      requirementIds: [w.requirement('K01').id, w.requirement('K07').id],
    });
    await w.call('inspections.update', {
      id: created.id,
      patch: { participants: 'Enhetschef och två undersköterskor', methodInterview: true, methodRecordReview: true, summary: 'Måltiderna är väl fördelade över dygnet.' },
    });
    const [k01, k07] = created.assessments;
    await w.call('assessments.update', { id: k01!.id, patch: { result: 'uppfyllt', observation: 'Genomförandeplanerna är aktuella.' } });
    const { createdAction } = await w.call('assessments.update', {
      id: k07!.id,
      patch: { result: 'ej_uppfyllt', observation: 'Nattfastan överstiger elva timmar för sex av åtta boende på avdelning Björken.' },
    });

    const data = await w.call('reports.inspection', { inspectionId: created.id });
    expect(data.resultCounts).toEqual({ uppfyllt: 1, delvis_uppfyllt: 0, ej_uppfyllt: 1, ej_bedomt: 0 });

    const pdf = await w.call('reports.inspectionPdf', { inspectionId: created.id });
    expect(pdf.fileName).toBe('Tillsynsrapport Solgårdens vård- och omsorgsboende 2026-10-06.pdf');
    expect(pdf.mimeType).toBe('application/pdf');
    const docx = await w.call('reports.inspectionDocx', { inspectionId: created.id });
    expect(docx.fileName).toBe('Tillsynsrapport Solgårdens vård- och omsorgsboende 2026-10-06.docx');

    for (const text of [pdfText(pdf), docxText(docx)]) {
      expect(text).toContain('Tillsynsrapport');
      expect(text).toContain('Solgårdens vård- och omsorgsboende');
      expect(text).toContain('Rapporten lämnas till utföraren (Vardaga Omsorg AB) och till beställaren.');
      expect(text).toContain('2026-10-06 – 2026-10-07');
      expect(text).toContain('Oanmäld');
      expect(text).toContain('Intervju, journalgranskning');
      expect(text).toContain('Anna Tillsyn, Omar Granskare');
      expect(text).toContain('Måltiderna är väl fördelade över dygnet.');
      expect(text).toContain('Av 2 bedömda kvalitetskrav var 1 uppfyllt, 0 delvis uppfyllda och 1 ej uppfyllt.');
      expect(text).toContain('K07 Måltidsordning över hela dygnet');
      expect(text).toContain('Ej uppfyllt');
      expect(text).toContain('Nattfastan överstiger elva timmar för sex av åtta boende på avdelning Björken.');
      expect(text).toContain(createdAction!.deadline);
      expect(text).toContain('2027-01-06');
      expect(text).toContain('Karin Lundgren');
      expect(text).toContain('Öppen');
    }
  });
});

describe('the tillsynsberättelse', () => {
  it('counts the year by type, area, anmäld/oanmäld, result per requirement and action status; IVO as external', async () => {
    const home = await w.call('operatingAreas.create', { name: 'Hemtjänst' });
    const norr = await w.call('units.create', {
      operatingAreaId: home.id,
      name: 'Hemtjänst Norr',
      unitType: 'hemtjanst',
      regi: 'egen_regi',
      provider: 'Exempelby kommun',
    });
    const a = await inspect(w.solgarden.id, '2026-03-10', { K01: 'uppfyllt', K02: 'ej_uppfyllt', K03: 'delvis_uppfyllt' }, { announced: false });
    await inspect(w.lindgarden.id, '2026-09-15', { K01: 'delvis_uppfyllt', K02: 'uppfyllt', K03: 'uppfyllt' });
    await w.call('inspections.create', { unitId: norr.id, origin: 'ivo', startDate: '2026-05-05' }).then((ivo) =>
      w.call('inspections.update', { id: ivo.id, patch: { summary: 'IVO granskade läkemedelshanteringen.' } }),
    );
    await inspect(w.solgarden.id, '2025-10-01', { K01: 'ej_uppfyllt' }); // another year
    await w.call('inspections.create', { unitId: w.lindgarden.id, startDate: '2026-12-10' }); // only planned
    // A's K02 action closed; A's K03 action (deadline 2026-06-10) is overdue; B's K01 (2026-12-15) is not yet.
    await w.call('actions.close', { id: a.actions.find((x) => x.requirementCode === 'K02')!.id, closingNote: 'Bemanningen är utökad.' });

    const data = await w.call('reports.annual', { year: 2026 });
    expect(data.totals).toEqual({ inspections: 3, own: 2, ivo: 1, announced: 2, unannounced: 1 });
    expect(data.byType).toEqual([
      { inspectionType: 'ordinarie', count: 3 },
      { inspectionType: 'tematisk', count: 0 },
      { inspectionType: 'uppfoljande', count: 0 },
    ]);
    expect(data.byArea).toEqual([
      { operatingAreaName: 'Hemtjänst', own: 0, ivo: 1, announced: 1, unannounced: 0 },
      { operatingAreaName: 'Särskilt boende', own: 2, ivo: 0, announced: 1, unannounced: 1 },
    ]);
    expect(data.byRequirement.map((r) => [r.code, r.uppfyllt, r.delvis_uppfyllt, r.ej_uppfyllt])).toEqual([
      ['K01', 1, 1, 0],
      ['K02', 1, 0, 1],
      ['K03', 1, 1, 0],
    ]);
    expect(data.resultTotals).toEqual({ uppfyllt: 3, delvis_uppfyllt: 2, ej_uppfyllt: 1, ej_bedomt: 0 });
    expect(data.actions.total).toBe(3);
    expect(data.actions.overdue).toBe(1);
    expect(data.actions.byStatus.filter((s) => s.count > 0)).toEqual([
      { status: 'oppen', count: 2 },
      { status: 'stangd', count: 1 },
    ]);
    expect(data.ivoInspections).toEqual([expect.objectContaining({ unitName: 'Hemtjänst Norr', startDate: '2026-05-05', summary: 'IVO granskade läkemedelshanteringen.' })]);

    const pdf = pdfText(await w.call('reports.annualPdf', { year: 2026 }));
    const docxFile = await w.call('reports.annualDocx', { year: 2026 });
    const docx = docxText(docxFile);
    for (const text of [pdf, docx]) {
      expect(text).toContain('Tillsynsberättelse 2026');
      expect(text).toContain('både de som tillsynsenheten genomfört och de som IVO har tagit initiativ till');
      expect(text).toContain('Av 6 bedömda kvalitetskrav var 3 uppfyllda, 2 delvis uppfyllda och 1 ej uppfyllt.');
      expect(text).toContain('Tillsynerna ledde till 3 åtgärdskrav. 1 av dem är försenade.');
      expect(text).toContain('IVO granskade läkemedelshanteringen.');
      expect(text).toContain('Särskilt boende');
    }
    expect(pdf).toContain('Bedömningar per kvalitetskrav');
    // The chart is the screen's chart description, drawn as vector text in the PDF (its legend and
    // its category labels, which the table below repeats) and as SVG with a PNG fallback in Word.
    expect(pdf).toContain('Uppfyllt Delvis uppfyllt Ej uppfyllt');
    expect(pdf.split('K03 Omsorgskontinuitet')).toHaveLength(3);
    expect(docx).toContain('Bedömningar per kvalitetskrav');
    const media = execFileSync('unzip', ['-Z1', writeDownload(docxFile)], { encoding: 'utf8' }).split('\n').filter((n) => n.startsWith('word/media/'));
    expect(media.map((n) => path.extname(n)).sort()).toEqual(['.png', '.svg']);
    const svg = docxXml(docxFile, media.find((n) => n.endsWith('.svg')) ?? 'word/media/(no svg)');
    for (const text of ['K03 Omsorgskontinuitet', 'Delvis uppfyllt']) expect(svg).toContain(`>${text}</text>`);
  });
});

describe('tematisk tillsyn', () => {
  it('compares the linked requirement across the units of the theme', async () => {
    const theme = await w.call('themes.create', {
      title: 'Nattfasta',
      question: 'Är nattfastan kortare än elva timmar?',
      requirementId: w.requirement('K07').id,
      year: 2026,
    });
    for (const [unitId, result, observation] of [
      [w.solgarden.id, 'ej_uppfyllt', 'Nattfasta 13 timmar.'],
      [w.lindgarden.id, 'uppfyllt', 'Nattmål erbjuds.'],
    ] as const) {
      const inspection = await w.call('inspections.create', {
        unitId,
        themeId: theme.id,
        startDate: '2026-04-14',
        requirementIds: [w.requirement('K07').id, w.requirement('K01').id],
      });
      const k07 = inspection.assessments.find((x) => x.code === 'K07')!;
      await w.call('assessments.update', { id: k07.id, patch: { result, observation } });
      expect(inspection.inspectionType).toBe('tematisk');
    }
    const comparison = await w.call('themes.comparison', { themeId: theme.id });
    expect(comparison.theme).toMatchObject({ title: 'Nattfasta', requirementCode: 'K07', inspectionCount: 2 });
    expect(comparison.rows.map((r) => [r.unitName, r.result, r.observation])).toEqual([
      ['Lindgårdens vård- och omsorgsboende', 'uppfyllt', 'Nattmål erbjuds.'],
      ['Solgårdens vård- och omsorgsboende', 'ej_uppfyllt', 'Nattfasta 13 timmar.'],
    ]);
    expect(comparison.counts).toEqual({ uppfyllt: 1, delvis_uppfyllt: 0, ej_uppfyllt: 1, ej_bedomt: 0 });
    expect(await w.fail('themes.delete', { id: theme.id })).toMatchObject({ code: 'referenced' });
  });
});
