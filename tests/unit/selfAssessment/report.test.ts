// Självskattningens sammanställning on the demo municipality, as PDF and Word: response rate,
// areas with the change since last year, the heatmap, the lowest and highest statements — the
// numbers the queries give, read back from the files (pdftotext, word/document.xml).
import { describe, expect, it } from 'vitest';
import type { DownloadFile } from '../../../db/api/contract.ts';
import { getProgress, getResults, getStatementRanking } from '../../../db/queries/selfAssessment.ts';
import { scoreLabel } from '../../../db/shared/selfAssessmentCharts.ts';
import { testApi, value } from '../../helpers/db.ts';
import { docxText, pdfText } from '../../helpers/reportText.ts';

describe('självskattningens sammanställning', { timeout: 120_000 }, () => {
  it('writes the year’s figures into the PDF and the Word file', async () => {
    const api = testApi({ demo: true });
    const db = api.session.db;
    const year = 2025;
    const progress = getProgress(db, year);
    const responding = progress.units.filter((u) => u.answered > 0).length;
    const lowest = getStatementRanking(db, year, {}, 5).lowest[0]!;
    const area = getResults(db, year).areaTotals[0]!;
    const before = getResults(db, year - 1).areaTotals[0]!;
    const change = Math.round((area.mean! - before.mean!) * 10) / 10;
    const pdf = value<DownloadFile>(await api.dispatch('selfAssessment.reportPdf', { year }));
    const docx = value<DownloadFile>(await api.dispatch('selfAssessment.reportDocx', { year }));
    expect(pdf.fileName).toBe('Självskattning 2025 sammanställning.pdf');
    for (const text of [pdfText(pdf), docxText(docx)]) {
      expect(text).toContain('Självskattning 2025 – sammanställning');
      expect(text).toContain(`Enheter som svarat ${responding} av ${progress.units.length}`);
      expect(text).toContain('Gemensamma utvecklingsområden');
      expect(text).toContain(lowest.text);
      expect(text).toContain(`Självbestämmande och integritet ${scoreLabel(area.mean)}`);
      expect(text).toContain(`${change > 0 ? '+' : change < 0 ? '−' : '±'}${scoreLabel(Math.abs(change))}`);
      expect(text).toContain('Styrkor att upprätthålla');
    }
  });
});
