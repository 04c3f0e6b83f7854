// A grid cell editor for a list of codes from a closed set (e.g. a requirement's legal bases or
// verksamhetstyper): one checkbox per code in a popup; Enter saves, Escape cancels.
import { useEffect, useRef } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';

export interface CodeListEditorParams {
  codes: readonly string[];
  label: (code: string) => string;
  /** The group's accessible name, e.g. the column header. */
  legend: string;
}

export function CodeListEditor(props: CustomCellEditorProps<unknown, string[]> & CodeListEditorParams) {
  const { codes, label, legend, onValueChange } = props;
  const chosen = props.value ?? [];
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const toggle = (code: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(code);
    else next.delete(code);
    onValueChange(codes.filter((c) => next.has(c)));
  };
  return (
    <fieldset className="code-list-editor">
      <legend>{legend}</legend>
      {codes.map((code, i) => (
        <label key={code} className="checkbox">
          <input ref={i === 0 ? first : undefined} type="checkbox" checked={chosen.includes(code)} onChange={(e) => toggle(code, e.target.checked)} />
          {label(code)}
        </label>
      ))}
    </fieldset>
  );
}
