// Swedish sort order (å, ä, ö after z) in one place, for lists, grids and reports.
const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

export function swedishCompare(a: string, b: string): number {
  return collator.compare(a, b);
}
