// What a bench area gets: the generated database (a private copy for this run), the app's API
// on it, a recorder for results, and the run's settings (full or smoke).
import type Database from 'better-sqlite3';
import { createDispatch, type ApiContext, type Dispatch } from '../../db/api/handle.ts';
import { handlers } from '../../db/api/handlers/index.ts';
import { Session } from '../../db/session.ts';
import { seedDemoMunicipality } from '../../db/demo/seedDemo.ts';
import { migrationsFolder, type BenchFacts } from './generate.ts';
import { repeat, spreadOf, verdict, type Budget, type PathResult, type RepeatOptions } from './measure.ts';

export interface BenchSettings {
  /** Smoke: one run per path, only checking that it runs and answers sensibly (inside `npm test`). */
  smoke: boolean;
  reps: number;
  /** A path stops repeating once its runs together took this long (slow paths get fewer runs). */
  maxPathMs: number;
  /** A fresh folder for this run's files (copies, import files, server profile). */
  workDir: string;
  log: (line: string) => void;
}

export interface BenchApi {
  session: Session;
  dispatch: Dispatch;
  /** Calls a method and returns its value; a failure throws with the method's Swedish message. */
  call<T>(method: string, input: unknown): Promise<T>;
}

export const BENCH_ACTOR = { osUser: 'bench', displayName: 'Bänk Mätarsson' };

export function openBenchApi(file: string): BenchApi {
  const session = new Session({ ownFile: file, migrationsFolder, seedDemo: seedDemoMunicipality });
  const ctx: ApiContext = { session, actor: { ...BENCH_ACTOR }, appVersion: '0.0.0-bench' };
  const dispatch = createDispatch(ctx, handlers);
  return {
    session,
    dispatch,
    call: async <T>(method: string, input: unknown): Promise<T> => {
      const result = await dispatch(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
      return result.value as T;
    },
  };
}

export interface TimedPath<T> {
  name: string;
  budget?: Budget;
  /** One run the app's way (through the API where there is one). */
  app: () => T | Promise<T>;
  /** One run of hand-written SQL on the driver for the same result: the floor. */
  raw?: () => unknown;
  /** Untimed preparation before each run (a fresh file, a rolled-back transaction …). */
  before?: () => unknown;
  after?: () => unknown;
  /** A sanity check of one result: a Swedish or English reason it is wrong, or null. */
  check?: (result: T) => string | null;
  reps?: number;
  note?: string;
}

/** Collects the results of all areas and knows how to time one path. */
export class Recorder {
  readonly results: PathResult[] = [];
  readonly problems: string[] = [];
  readonly settings: BenchSettings;
  private area = '';

  constructor(settings: BenchSettings) {
    this.settings = settings;
  }

  startArea(name: string): void {
    this.area = name;
  }

  private repeatOptions(reps?: number): RepeatOptions {
    return { reps: this.settings.smoke ? 1 : (reps ?? this.settings.reps), maxTotalMs: this.settings.maxPathMs };
  }

  /** Times a path (and its raw floor), checks one result, records median, spread, ratio and verdict. A failure is recorded, not thrown. */
  async time<T>(path: TimedPath<T>): Promise<void> {
    const options = this.repeatOptions(path.reps);
    let last: T | undefined;
    try {
      // Where the app is compared with a floor, each side runs once untimed first, so neither is
      // measured with a cold JIT or page cache while the other is warm (the floor runs second).
      if (path.raw && !this.settings.smoke) {
        await path.before?.();
        await path.app();
        await path.after?.();
        await path.raw();
      }
      const appSamples = await repeat(
        async () => {
          last = await path.app();
        },
        options,
        path.before,
      );
      await path.after?.();
      const problem = last === undefined ? 'no result' : (path.check?.(last) ?? null);
      if (problem) this.problems.push(`${path.name}: ${problem}`);
      const rawSamples = path.raw ? await repeat(path.raw, options) : null;
      this.record(path.name, 'ms', appSamples, rawSamples, path.budget ?? {}, path.note);
    } catch (error) {
      this.failed(path.name, error);
      try {
        await path.after?.();
      } catch {
        // The failure above is the one reported.
      }
    }
  }

  /** Records a measured value (memory, or times taken elsewhere). */
  record(name: string, unit: 'ms' | 'MB', samples: number[], rawSamples: number[] | null, budget: Budget, note?: string): void {
    const app = spreadOf(samples);
    const raw = rawSamples ? spreadOf(rawSamples) : null;
    const ratio = raw && raw.median > 0 ? app.median / raw.median : null;
    const result: PathResult = { area: this.area, name, unit, app, raw, ratio, budget, status: verdict(app.median, ratio, budget) };
    if (note) result.note = note;
    this.results.push(result);
    this.settings.log(
      `  ${name}: ${app.median.toFixed(1)} ${unit}${raw ? ` (raw ${raw.median.toFixed(1)}, ${ratio?.toFixed(1)}×)` : ''} ${result.status}`,
    );
  }

  /** Records that a path could not run (the run goes on; the table shows it as failed). */
  failed(name: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.problems.push(`${name}: failed: ${message}`);
    this.settings.log(`  ${name}: FAILED ${message}`);
  }
}

/** Runs fn inside a transaction that is always rolled back: a write path measured without changing the file. */
export async function rolledBack<T>(sqlite: Database.Database, fn: () => Promise<T>): Promise<T> {
  sqlite.exec('BEGIN');
  try {
    return await fn();
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
  }
}

export interface BenchRun {
  /** The cached database's facts (sizes, ids of the cycles …). */
  facts: BenchFacts;
  /** This run's own copy of the cached database (write paths change it). */
  file: string;
  recorder: Recorder;
  settings: BenchSettings;
  /** The app's API on `file`; only in the 'session' phase. */
  api?: BenchApi;
}

/**
 * One area of the app's paths (one file under tests/bench/paths/). `needs` decides when it runs:
 * 'file' with the database closed (opening it is what is measured), 'session' with the API open
 * in this process, 'server' after the API is closed (a browser-mode server of its own), 'none'.
 */
export interface BenchArea {
  name: string;
  needs: 'file' | 'session' | 'server' | 'none';
  run(run: BenchRun): Promise<void>;
}
