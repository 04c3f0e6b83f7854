// A year filter for a register's toolbar: this year and the years before it, newest first, with
// an optional "all years" choice.

export interface YearSelectProps {
  label: string;
  value: number | '';
  onChange: (year: number | '') => void;
  /** Text of the choice for every year; without it a year must be chosen. */
  allLabel?: string;
  /** How many years back from this year (default 6). */
  years?: number;
}

export function YearSelect({ label, value, onChange, allLabel, years = 6 }: YearSelectProps) {
  const thisYear = new Date().getFullYear();
  return (
    <label className="inline-label">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : '')}>
        {allLabel ? <option value="">{allLabel}</option> : null}
        {Array.from({ length: years }, (_, i) => thisYear - i).map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}
