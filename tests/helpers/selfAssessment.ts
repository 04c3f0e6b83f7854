// Självskattning fixtures shared by tests on a real SQLite file.
import type { TemplateStatementRow, TemplateView, UnitRow } from '../../db/api/contract.ts';
import { apiWithOneUnit, value } from './db.ts';

/**
 * Two units and a 2025 template: three statements in Självbestämmande (a1–a3), two in
 * Helhetssyn (b1, b2), none elsewhere.
 */
export async function twoUnitsAndTemplate() {
  const api = await apiWithOneUnit();
  const other = value<UnitRow>(
    await api.dispatch('units.create', {
      operatingAreaId: api.area.id,
      name: 'Solgården',
      unitType: 'sarskilt_boende',
      regi: 'extern_utforare',
      provider: 'Omsorg AB',
      manager: 'Bo Ek',
    }),
  );
  value<TemplateView>(await api.dispatch('selfAssessment.createTemplate', { year: 2025 }));
  const add = async (area: string, text: string) =>
    value<TemplateStatementRow>(await api.dispatch('selfAssessment.addStatement', { year: 2025, area, text }));
  const a1 = await add('sjalvbestammande_integritet', 'Den enskilde är delaktig i sin genomförandeplan.');
  const a2 = await add('sjalvbestammande_integritet', 'Den enskilde ges möjlighet till egna val.');
  const a3 = await add('sjalvbestammande_integritet', 'Personalen respekterar den enskildes integritet.');
  const b1 = await add('helhetssyn_samordning', 'Enheten deltar i SIP när det behövs.');
  const b2 = await add('helhetssyn_samordning', 'Samverkan med hälso- och sjukvården fungerar.');
  const count = (sql: string) => (api.session.db.sqlite.prepare(sql).get() as { n: number }).n;
  return { ...api, other, a1, a2, a3, b1, b2, answerCount: () => count('SELECT count(*) AS n FROM self_assessment_answers') };
}

