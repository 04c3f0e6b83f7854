// The read-only table: Swedish collation when sorting (å, ä, ö after z), aria-sort on the sorted
// header, numbers right-aligned with a space between thousands, ISO dates, and the empty text.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DataTable, type DataColumn } from '../../../renderer/kit/DataTable.tsx';
import { render } from './render.tsx';

interface Unit {
  id: string;
  name: string;
  inspections: number | null;
  lastInspection: string;
}

const UNITS: Unit[] = [
  { id: '1', name: 'Östergården', inspections: 1200, lastInspection: '2026-11-22' },
  { id: '2', name: 'Almen', inspections: 3, lastInspection: '2025-04-01' },
  { id: '3', name: 'Ängsbacken', inspections: null, lastInspection: '2026-01-15' },
  { id: '4', name: 'Zetterlunds', inspections: 12, lastInspection: '2024-09-30' },
  { id: '5', name: 'Åkerbo', inspections: 0, lastInspection: '2026-06-10' },
];

const COLUMNS: DataColumn<Unit>[] = [
  { key: 'name', header: 'Enhet', value: (u) => u.name, rowHeader: true },
  { key: 'inspections', header: 'Tillsyner', type: 'number', value: (u) => u.inspections },
  { key: 'last', header: 'Senaste tillsyn', type: 'date', value: (u) => u.lastInspection },
  { key: 'link', header: 'Öppna', hiddenHeader: true, render: (u) => <a href={`#/enheter/${u.id}`}>Öppna</a> },
];

afterEach(() => {
  document.body.innerHTML = '';
});

const names = (table: Element) => [...table.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent);
const header = (table: Element, text: string) =>
  [...table.querySelectorAll('thead th')].find((th) => th.textContent?.startsWith(text)) as HTMLTableCellElement;

function press(button: HTMLButtonElement) {
  act(() => {
    button.click();
  });
}

describe('DataTable', () => {
  it('sorts by a header button in Swedish order, å ä ö after z, and says so with aria-sort', () => {
    const view = render(<DataTable rows={UNITS} columns={COLUMNS} rowKey={(u) => u.id} caption="Enheter" sortable />);
    const table = view.container.querySelector('table') as HTMLTableElement;
    expect(names(table)).toEqual(['Östergården', 'Almen', 'Ängsbacken', 'Zetterlunds', 'Åkerbo']);
    const name = header(table, 'Enhet');
    expect(name.getAttribute('aria-sort')).toBe('none');
    press(name.querySelector('button') as HTMLButtonElement);
    expect(names(table)).toEqual(['Almen', 'Zetterlunds', 'Åkerbo', 'Ängsbacken', 'Östergården']);
    expect(name.getAttribute('aria-sort')).toBe('ascending');
    press(name.querySelector('button') as HTMLButtonElement);
    expect(names(table)).toEqual(['Östergården', 'Ängsbacken', 'Åkerbo', 'Zetterlunds', 'Almen']);
    expect(name.getAttribute('aria-sort')).toBe('descending');
  });

  it('sorts numbers by size with empty cells last, and moves aria-sort to the new column', () => {
    const view = render(<DataTable rows={UNITS} columns={COLUMNS} rowKey={(u) => u.id} caption="Enheter" sortable />);
    const table = view.container.querySelector('table') as HTMLTableElement;
    press(header(table, 'Enhet').querySelector('button') as HTMLButtonElement);
    press(header(table, 'Tillsyner').querySelector('button') as HTMLButtonElement);
    expect(names(table)).toEqual(['Åkerbo', 'Almen', 'Zetterlunds', 'Östergården', 'Ängsbacken']);
    expect(header(table, 'Tillsyner').getAttribute('aria-sort')).toBe('ascending');
    expect(header(table, 'Enhet').getAttribute('aria-sort')).toBe('none');
    press(header(table, 'Tillsyner').querySelector('button') as HTMLButtonElement);
    expect(names(table)).toEqual(['Östergården', 'Zetterlunds', 'Almen', 'Åkerbo', 'Ängsbacken']);
  });

  it('sorts dates in time order from a header reached with the keyboard', () => {
    const view = render(<DataTable rows={UNITS} columns={COLUMNS} rowKey={(u) => u.id} caption="Enheter" sortable />);
    const table = view.container.querySelector('table') as HTMLTableElement;
    const button = header(table, 'Senaste tillsyn').querySelector('button') as HTMLButtonElement;
    // A native button: focusable in the tab order and pressed with Enter or Space.
    expect(button.type).toBe('button');
    expect(button.tabIndex).toBe(0);
    press(button);
    expect(names(table)).toEqual(['Zetterlunds', 'Almen', 'Ängsbacken', 'Åkerbo', 'Östergården']);
  });

  it('right-aligns numbers and writes them the Swedish way; dates stay ISO', () => {
    const view = render(<DataTable rows={UNITS} columns={COLUMNS} rowKey={(u) => u.id} ariaLabel="Enheter" />);
    const first = view.container.querySelector('tbody tr') as HTMLTableRowElement;
    const [count, date] = [...first.querySelectorAll('td')];
    expect(count?.textContent).toBe('1\u00a0200');
    expect(count?.className).toContain('num');
    expect(header(view.container, 'Tillsyner').className).toContain('num');
    expect(date?.textContent).toBe('2026-11-22');
  });

  it('is named, with column headers and row headers in scope, and no sort buttons unless asked', () => {
    const view = render(<DataTable rows={UNITS} columns={COLUMNS} rowKey={(u) => u.id} caption="Enheter i Exempelby" captionHidden />);
    const table = view.container.querySelector('table') as HTMLTableElement;
    expect(table.caption?.textContent).toBe('Enheter i Exempelby');
    expect(table.caption?.className).toBe('visually-hidden');
    expect([...table.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    expect(table.querySelectorAll('tbody th[scope="row"]').length).toBe(5);
    expect(table.querySelectorAll('button').length).toBe(0);
    expect(table.querySelector('[aria-sort]')).toBeNull();
    expect(header(table, 'Öppna').querySelector('.visually-hidden')?.textContent).toBe('Öppna');
  });

  it('shows the empty text instead of an empty table', () => {
    const view = render(<DataTable rows={[]} columns={COLUMNS} rowKey={(u) => u.id} caption="Enheter" emptyText="Inga enheter ännu." />);
    expect(view.container.querySelector('table')).toBeNull();
    expect(view.container.textContent).toContain('Inga enheter ännu.');
  });
});
