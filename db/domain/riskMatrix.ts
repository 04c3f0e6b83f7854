// The risk matrix of seed 003 §6: probability of recurrence (sannolikhet för upprepning) 1–4 times
// severity (allvarlighetsgrad) 1–4 gives the risk value 1–16, and the value's band (green, yellow,
// red) says how urgent the risk is. One place for the rule: the register, the matrix chart (via
// the cells below), the views and the demo all ask here.
//
// The seed's table carries the values only (its colours were lost with the layout); the bands
// follow the Socialstyrelsen/SKL risk matrix the table is taken from: 1–3 green (låg), 4–6 yellow
// (måttlig), 8–16 red (hög; 7 is no product). Change RISK_BAND_LIMITS if the municipality's
// own matrix colours the cells otherwise; the 16-cell test pins every cell by hand.

/** Sannolikhet för upprepning, 1 = Mycket liten … 4 = Mycket stor (seed 003 §6). */
export const RISK_PROBABILITY_LABELS = ['Mycket liten', 'Liten', 'Stor', 'Mycket stor'] as const;
/** Allvarlighetsgrad, 1 = Mindre … 4 = Katastrofal (seed 003 §6). */
export const RISK_SEVERITY_LABELS = ['Mindre', 'Måttlig', 'Betydande', 'Katastrofal'] as const;

export const RISK_SCALE = [1, 2, 3, 4] as const;
export type RiskLevel = (typeof RISK_SCALE)[number];

export const RISK_BANDS = ['gron', 'gul', 'rod'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

/** The highest value of the green and the yellow band; everything above yellow is red. */
export const RISK_BAND_LIMITS = { gron: 3, gul: 6 } as const;

/** Swedish band names, for captions and the legend. */
export const RISK_BAND_LABELS: Record<RiskBand, string> = { gron: 'grönt', gul: 'gult', rod: 'rött' };

export function isRiskLevel(n: unknown): n is RiskLevel {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 4;
}

/** Risk value = probability × severity (1–16). */
export function riskValue(probability: RiskLevel, severity: RiskLevel): number {
  return probability * severity;
}

export function riskBandOfValue(value: number): RiskBand {
  if (value <= RISK_BAND_LIMITS.gron) return 'gron';
  if (value <= RISK_BAND_LIMITS.gul) return 'gul';
  return 'rod';
}

export function riskBand(probability: RiskLevel, severity: RiskLevel): RiskBand {
  return riskBandOfValue(riskValue(probability, severity));
}

export function probabilityLabel(level: RiskLevel): string {
  return `${RISK_PROBABILITY_LABELS[level - 1]} (${level})`;
}

export function severityLabel(level: RiskLevel): string {
  return `${RISK_SEVERITY_LABELS[level - 1]} (${level})`;
}

export interface RiskMatrixCell {
  probability: RiskLevel;
  severity: RiskLevel;
  value: number;
  band: RiskBand;
}

/** The 16 cells, as the chart draws them. */
export function riskMatrixCells(): RiskMatrixCell[] {
  return RISK_SCALE.flatMap((probability) =>
    RISK_SCALE.map((severity) => ({ probability, severity, value: riskValue(probability, severity), band: riskBand(probability, severity) })),
  );
}
