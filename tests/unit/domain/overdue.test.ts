import { describe, expect, it } from 'vitest';
import type { ActionStatus } from '../../../db/schema/inspections.ts';
import {
  actionOverdueReason,
  actionStatusOrder,
  canCloseInspection,
  compareActionStatus,
  isActionOverdue,
} from '../../../db/domain/overdue.ts';

const today = '2026-03-10';

describe('isActionOverdue', () => {
  it('makes an open action overdue the day after its deadline, not on it', () => {
    expect(isActionOverdue({ status: 'oppen', deadline: '2026-03-10', followUpDate: null }, today)).toBe(false);
    expect(isActionOverdue({ status: 'oppen', deadline: '2026-03-09', followUpDate: null }, today)).toBe(true);
  });

  it('keeps an action overdue when only an action plan has come in', () => {
    expect(actionOverdueReason({ status: 'atgardsplan_inkommen', deadline: '2026-02-28', followUpDate: '2026-06-01' }, today)).toBe('deadline');
  });

  it('does not hold a remedied action to its deadline, only to a passed follow-up date', () => {
    expect(isActionOverdue({ status: 'atgardad', deadline: '2026-01-31', followUpDate: null }, today)).toBe(false);
    expect(isActionOverdue({ status: 'atgardad', deadline: '2026-01-31', followUpDate: '2026-04-01' }, today)).toBe(false);
    expect(actionOverdueReason({ status: 'atgardad', deadline: '2026-01-31', followUpDate: '2026-03-01' }, today)).toBe('follow_up');
  });

  it('never makes a verified or closed action overdue', () => {
    for (const status of ['verifierad', 'stangd'] as const) {
      expect(isActionOverdue({ status, deadline: '2020-01-01', followUpDate: '2020-02-01' }, today)).toBe(false);
    }
  });
});

describe('actionStatusOrder', () => {
  it('sorts statuses along the workflow', () => {
    const statuses: ActionStatus[] = ['stangd', 'oppen', 'verifierad', 'atgardad', 'atgardsplan_inkommen'];
    expect([...statuses].sort(compareActionStatus)).toEqual(['oppen', 'atgardsplan_inkommen', 'atgardad', 'verifierad', 'stangd']);
    expect(actionStatusOrder('oppen')).toBeLessThan(actionStatusOrder('stangd'));
  });
});

describe('canCloseInspection', () => {
  it('allows closing an inspection without actions', () => {
    expect(canCloseInspection([])).toEqual({ ok: true });
  });

  it('allows closing when every action is closed', () => {
    expect(canCloseInspection([{ status: 'stangd' }, { status: 'stangd' }])).toEqual({ ok: true });
  });

  it('refuses while actions remain, counting verified-but-not-closed ones as open', () => {
    expect(canCloseInspection([{ status: 'stangd' }, { status: 'verifierad' }, { status: 'oppen' }])).toEqual({ ok: false, openCount: 2 });
  });

  it('allows closing with open actions when a reason is recorded, but not with a blank one', () => {
    expect(canCloseInspection([{ status: 'oppen' }], 'Enheten har lagts ned')).toEqual({ ok: true });
    expect(canCloseInspection([{ status: 'oppen' }], '   ')).toEqual({ ok: false, openCount: 1 });
  });
});
