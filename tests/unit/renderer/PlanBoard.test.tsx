// The plan board at municipal scale (issue 19): a tertial draws its first cards at once and the
// rest on request (or as its end scrolls into view), so 2,000 cards are never drawn in one go.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanEntryRow } from '../../../db/api/contract.ts';
import { PlanBoard } from '../../../renderer/pages/tillsyn/plan/PlanBoard.tsx';
import { render } from './render.tsx';

function entry(i: number, tertial: 1 | 2 | 3): PlanEntryRow {
  return {
    id: `e-${tertial}-${i}`, cycleId: 'c', unitId: `u-${i}`, unitName: `Enhet ${String(i).padStart(3, '0')}`, operatingAreaId: 'a',
    operatingAreaName: 'Hemtjänst', regi: 'egen_regi', unitArchived: false, year: 2026, tertial, month: null, inspectionType: 'ordinarie',
    announced: true, fixed: false, inspectorIds: [], inspectorNames: [], notes: '', inspectionId: null, inspectionStatus: null,
    inspectionStartDate: null, inspectionClosedOn: null, inspectionProgress: null, coveredOn: null, overdue: false, updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('PlanBoard', () => {
  it('draws 40 cards of a full tertial, then the rest with "Visa fler kort"; a small tertial has no button', () => {
    const entries = [...Array.from({ length: 100 }, (_, i) => entry(i, 1)), ...Array.from({ length: 3 }, (_, i) => entry(i, 2))];
    const cycle = { id: 'c', startYear: 2026, name: '2026–2028', archivedAt: null, planEntryCount: 103, inspectionCount: 0 };
    const { container } = render(<PlanBoard data={{ cycle, entries, inspectors: [], units: [] }} onSaved={() => {}} onStartInspection={() => {}} />);
    const column = (key: string) => container.querySelector(`.board-column[data-period="${key}"]`) as HTMLElement;
    const first = column('2026-T1');
    expect(first.querySelectorAll('.plan-card')).toHaveLength(40);
    expect(first.querySelector('.board-count')?.textContent).toBe('100 st');
    const more = first.querySelector('.board-more') as HTMLButtonElement;
    expect(more.textContent).toBe('Visa fler kort (60 till)');
    act(() => {
      more.click();
    });
    expect(first.querySelectorAll('.plan-card')).toHaveLength(100);
    expect(first.querySelector('.board-more')).toBeNull();
    expect(column('2026-T2').querySelectorAll('.plan-card')).toHaveLength(3);
    expect(column('2026-T2').querySelector('.board-more')).toBeNull();
  });
});
