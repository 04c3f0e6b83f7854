// The risk matrix of a list of risks, as the Risker page draws it: the 16 cells (risks.matrixCells),
// each risk's first assessment ("before") and latest re-assessment, with the labels from the risks
// catalog. Shared by the Risker page and the analysverkstad's risks.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskAssessmentRow, RiskRow } from '../../../db/api/contract.ts';
import { riskMatrixChart } from '../../../db/shared/riskMatrixChart.ts';
import type { ChartSpec } from '../../../db/shared/charts.ts';
import { useQuery } from '../../kit/useQuery.ts';

const LEVELS = [1, 2, 3, 4] as const;

export function useRiskMatrixChart(risks: readonly RiskRow[]): ChartSpec | null {
  const { t } = useTranslation('risks');
  const cells = useQuery('risks.matrixCells', {}, { report: false }).data ?? null;
  return useMemo(() => {
    if (!cells) return null;
    const position = (a: RiskAssessmentRow | undefined) => (a ? { probability: a.probability, severity: a.severity } : null);
    return riskMatrixChart(
      {
        cells,
        risks: risks.map((r) => ({
          number: r.number,
          description: r.description,
          before: position(r.assessments[0]),
          after: r.assessments.length > 1 ? position(r.assessments.at(-1)) : null,
        })),
      },
      {
        probability: LEVELS.map((l) => t(`codes.probability.${l}`)),
        severity: LEVELS.map((l) => t(`codes.severity.${l}`)),
        probabilityAxis: t('matrix.probabilityAxis'),
        severityAxis: t('matrix.severityAxis'),
        bands: { gron: t('codes.band.gron'), gul: t('codes.band.gul'), rod: t('codes.band.rod') },
        current: t('matrix.current'),
        before: t('matrix.before'),
        riskCount: (count) => t('count', { count }),
        moreRisks: (count) => t('matrix.moreRisks', { count }),
      },
    );
  }, [cells, risks, t]);
}
