import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  loadWindowState,
  parseWindowState,
  placeWindow,
  rememberWindowState,
  saveWindowState,
  windowStateFile,
  type WindowState,
} from '../../../electron/windowState.ts';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

const state = (x: number, y: number, width = 1200, height = 800, maximized = false): WindowState => ({
  bounds: { x, y, width, height },
  maximized,
});

describe('placeWindow', () => {
  it('uses the default size, centred by the OS, when nothing is saved', () => {
    expect(placeWindow(null, [laptop])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('keeps a saved place that is fully visible', () => {
    expect(placeWindow(state(100, 50), [laptop])).toEqual({ x: 100, y: 50, width: 1200, height: 800, maximized: false });
  });

  it('keeps a window on a second monitor while that monitor is connected', () => {
    expect(placeWindow(state(2200, 100), [laptop, rightMonitor])).toMatchObject({ x: 2200, y: 100 });
  });

  it('moves a window whose monitor was unplugged back to the primary display (OS-centred)', () => {
    const placed = placeWindow(state(2200, 100, 1200, 800, true), [laptop]);
    expect(placed).toEqual({ width: 1200, height: 800, maximized: true });
  });

  it('pulls a window that hangs off the edge fully back onto its display', () => {
    expect(placeWindow(state(1500, 900), [laptop])).toEqual({ x: 720, y: 240, width: 1200, height: 800, maximized: false });
    expect(placeWindow(state(-300, -20), [laptop])).toMatchObject({ x: 0, y: 0 });
  });

  it('treats a window with only a sliver on screen as lost', () => {
    expect(placeWindow(state(1900, 100), [laptop])).not.toHaveProperty('x');
  });

  it('shrinks a window larger than its display, but never below the minimum size', () => {
    expect(placeWindow(state(0, 0, 4000, 3000), [laptop])).toMatchObject({ width: 1920, height: 1040 });
    expect(placeWindow(state(0, 0, 200, 100), [laptop])).toMatchObject({ width: MIN_SIZE.width, height: MIN_SIZE.height });
  });
});

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(parseWindowState('{"bounds":{"x":1,"y":2,"width":1000,"height":700},"maximized":true}')).toEqual(
      state(1, 2, 1000, 700, true),
    );
  });

  it.each([
    '',
    'not json',
    'null',
    '[]',
    '{}',
    '{"bounds":null}',
    '{"bounds":{"x":"1","y":2,"width":1000,"height":700}}',
    '{"bounds":{"x":1,"y":2,"width":0,"height":700}}',
    '{"bounds":{"x":1,"y":2,"width":1000}}',
    '{"bounds":{"x":1e999,"y":2,"width":1000,"height":700}}',
  ])('returns null for a damaged file: %s', (text) => {
    expect(parseWindowState(text)).toBeNull();
  });
});

describe('loading and saving', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-winstate-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('round-trips through window-state.json in userData', () => {
    const file = windowStateFile(path.join(dir, 'userData'));
    expect(file).toBe(path.join(dir, 'userData', 'window-state.json'));
    expect(loadWindowState(file)).toBeNull();
    saveWindowState(file, state(10, 20, 1100, 750, true));
    expect(loadWindowState(file)).toEqual(state(10, 20, 1100, 750, true));
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
  });

  it('saves the normal (restored) bounds and the maximised flag when the window closes', () => {
    let onClose: (() => void) | undefined;
    const win = {
      on: (_event: 'close', listener: () => void) => {
        onClose = listener;
      },
      getNormalBounds: () => ({ x: 5, y: 6, width: 1300, height: 900 }),
      isMaximized: () => true,
    };
    const save = vi.fn();
    rememberWindowState(win, save);
    onClose!();
    expect(save).toHaveBeenCalledWith(state(5, 6, 1300, 900, true));
  });

  it('does not let a failed save break quitting', () => {
    let onClose: (() => void) | undefined;
    rememberWindowState(
      { on: (_e, l) => (onClose = l), getNormalBounds: () => laptop, isMaximized: () => false },
      () => {
        throw new Error('disk full');
      },
    );
    expect(() => onClose!()).not.toThrow();
  });
});
