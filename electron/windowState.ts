// Remembers the main window's size and position between runs (a small JSON file in userData),
// and puts it back only where a display can still show it (a monitor may have been unplugged).
import fs from 'node:fs';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface PlacedWindow {
  /** Absent means "let the OS place it" (centred on the primary display). */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 960, height: 600 } as const;
/** How much of the window must be on a display for the saved position to count as visible. */
const MIN_VISIBLE = { width: 120, height: 60 } as const;

export function windowStateFile(userDataDir: string): string {
  return path.join(userDataDir, 'window-state.json');
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Null for anything that is not a sane saved state; a hand-edited or truncated file must not crash startup. */
export function parseWindowState(text: string): WindowState | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || !('bounds' in data)) return null;
  const bounds: unknown = data.bounds;
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(width) || !isFiniteNumber(height)) return null;
  if (width <= 0 || height <= 0) return null;
  const maximized = 'maximized' in data && data.maximized === true;
  return { bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) }, maximized };
}

export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Written to a temporary file and renamed, so a crash mid-write leaves the old state, not half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  const tmp = `${file}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(tmp, JSON.stringify(state), 'utf8');
  fs.renameSync(tmp, file);
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Where to open the window given the saved state and the displays' work areas now. Keeps the saved
 * place if enough of it is on some display (shrunk to fit that display); otherwise only the size
 * survives, clamped to the primary display, and the OS centres it.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): PlacedWindow {
  const primary = workAreas[0];
  const fit = (size: { width: number; height: number }, area: Rect | undefined) => ({
    width: Math.max(MIN_SIZE.width, area ? Math.min(size.width, area.width) : size.width),
    height: Math.max(MIN_SIZE.height, area ? Math.min(size.height, area.height) : size.height),
  });
  if (saved === null) return { ...fit(DEFAULT_SIZE, primary), maximized: false };
  const bounds = saved.bounds;
  const home = workAreas.find((area) => {
    const o = overlap(bounds, area);
    return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height;
  });
  if (home === undefined) return { ...fit(bounds, primary), maximized: saved.maximized };
  const size = fit(bounds, home);
  // Pull the window fully inside the display it is mostly on (the title bar must be reachable).
  const x = Math.min(Math.max(bounds.x, home.x), home.x + home.width - Math.min(size.width, home.width));
  const y = Math.min(Math.max(bounds.y, home.y), home.y + home.height - Math.min(size.height, home.height));
  return { x, y, ...size, maximized: saved.maximized };
}

export interface TrackedWindow {
  on(event: 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}

/** Saves on close; normal bounds so a maximised window comes back to its restored size too. */
export function rememberWindowState(win: TrackedWindow, save: (state: WindowState) => void): void {
  win.on('close', () => {
    try {
      save({ bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch {
      // Losing the window position is not worth an error dialog on quit.
    }
  });
}
