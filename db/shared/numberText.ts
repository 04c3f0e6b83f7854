// Numbers as a Swedish reader writes them, on screen, in charts and in reports alike: a decimal
// comma, digits grouped by a no-break space ("2 000", "28 982,5"), and a hyphen for minus (the
// PDF's WinAnsi font has no minus sign).
const numberFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

/** 85 → "85", 0.75 → "0,75", 2000 → "2 000", -2 → "-2". */
export function swedishNumber(value: number): string {
  return numberFormat.format(value).replace('\u2212', '-');
}
