// Handlers for nyckeltal: indicators and their values edited one cell at a time, and the import
// of a file (Nyckeltal, Nivå, Period, Värde, Kvinnor, Män, Riket, Länet, Måltal) through the one
// import pipeline: every bad row named, nothing written unless the whole file is valid, and a
// re-imported indicator/level/period replacing the stored value.
//
// An unknown Nyckeltal is refused, not created: its unit and direction decide how every caption
// reads ("procentenheter", "förbättring"), so it is added in the list first, on purpose.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { assertCommittable, checkedPreview, type ImportSpec, type RowIssue } from '../../io/importPipeline.ts';
import {
  findIndicatorValueId,
  getIndicator,
  getIndicatorValue,
  indicatorLevelKey,
  indicatorPeriodKey,
  indicatorsFurthestFromTarget,
  listIndicators,
  listIndicatorValues,
  storedIndicatorKeys,
} from '../../queries/indicators.ts';
import { areaLookup, unitLookup } from '../../queries/unitLookup.ts';
import { indicators, indicatorValues } from '../../schema/indicators.ts';
import { replaceIndicatorValues } from '../../writes/indicators.ts';
import { stamp } from '../../writes/stamp.ts';
import { foldName } from '../../shared/names.ts';
import { indicatorPeriodLabel, type IndicatorPeriod } from '../../shared/indicatorPeriod.ts';
import { formatIndicatorNumber, MUNICIPALITY_LEVEL_LABEL } from '../../shared/indicatorText.ts';
import { preparedWrite, type Handlers } from '../handle.ts';
import type { AppDatabase } from '../../open.ts';
import { indicatorNumberCell, indicatorPeriod, type IndicatorImportPreview, type IndicatorImportRow } from '../indicators.contract.ts';
import type { UploadedFile } from '../fields.ts';

type IndicatorHandlers = Pick<
  Handlers,
  | 'indicators.list'
  | 'indicators.create'
  | 'indicators.update'
  | 'indicators.delete'
  | 'indicators.values'
  | 'indicators.createValue'
  | 'indicators.updateValue'
  | 'indicators.deleteValue'
  | 'indicators.furthestFromTarget'
  | 'indicators.importPreview'
  | 'indicators.importCommit'
>;

/** What the Nivå column accepts for the municipality as a whole (folded). */
const MUNICIPALITY_WORDS = new Set(['kommunen', 'kommun', 'förvaltningen', 'förvaltning', 'hela förvaltningen', 'socialförvaltningen'].map(foldName));

function assertUniqueName(db: AppDatabase, name: string, exceptId?: string): void {
  const folded = foldName(name);
  const clash = db.sqlite.prepare<[string], { id: string }>('SELECT id FROM indicators WHERE name_folded = ?').get(folded);
  if (clash && clash.id !== exceptId) {
    throw new AppError('conflict', `Det finns redan ett nyckeltal som heter ”${name}”.`, '', [{ field: 'name', message: `Det finns redan ett nyckeltal som heter ”${name}”.` }]);
  }
}

// --- the import -------------------------------------------------------------------------------

const importColumns = [
  { key: 'indicator', header: 'Nyckeltal' },
  { key: 'level', header: 'Nivå' },
  { key: 'period', header: 'Period' },
  { key: 'value', header: 'Värde', kind: 'number' },
  { key: 'women', header: 'Kvinnor', kind: 'number', optional: true },
  { key: 'men', header: 'Män', kind: 'number', optional: true },
  { key: 'national', header: 'Riket', kind: 'number', optional: true },
  { key: 'county', header: 'Länet', kind: 'number', optional: true },
  { key: 'target', header: 'Måltal', aliases: ['Mål'], kind: 'number', optional: true },
] as const;
type ImportKey = (typeof importColumns)[number]['key'];

interface Level {
  operatingAreaId: string | null;
  unitId: string | null;
  levelName: string;
}

function levelSchema(db: AppDatabase) {
  const findArea = areaLookup(db);
  const findUnit = unitLookup(db);
  return z.string().transform((text, ctx): Level => {
    if (MUNICIPALITY_WORDS.has(foldName(text))) return { operatingAreaId: null, unitId: null, levelName: MUNICIPALITY_LEVEL_LABEL };
    const area = findArea(text);
    if (area) return { operatingAreaId: area.id, unitId: null, levelName: area.name };
    const found = findUnit(text);
    const [unit] = found;
    if (unit && found.length === 1) return { operatingAreaId: null, unitId: unit.id, levelName: `${unit.name} (${unit.operatingAreaName})` };
    ctx.addIssue({
      code: 'custom',
      message: !text
        ? `Nivå måste fyllas i: ${MUNICIPALITY_LEVEL_LABEL}, ett verksamhetsområde eller en enhet.`
        : found.length > 1
          ? `Enheten ”${text}” finns i flera verksamhetsområden (${found.map((u) => u.operatingAreaName).join(', ')}). Skriv till exempel ”${text} (${found[0]?.operatingAreaName ?? ''})”.`
          : `Okänd nivå ”${text}”. Skriv ${MUNICIPALITY_LEVEL_LABEL}, ett verksamhetsområde eller en enhet som finns i enhetsregistret.`,
    });
    return z.NEVER;
  });
}

function rowSchema(db: AppDatabase) {
  const byName = new Map(listIndicators(db).map((i) => [foldName(i.name), i]));
  return z
    .object({
      indicator: z.string().transform((text, ctx) => {
        const found = byName.get(foldName(text));
        if (!found) {
          ctx.addIssue({
            code: 'custom',
            message: text
              ? `Okänt nyckeltal ”${text}”. Lägg först upp det under Nyckeltal (namn, enhet, riktning och källa) och importera sedan igen.`
              : 'Nyckeltal måste fyllas i.',
          });
          return z.NEVER;
        }
        return found;
      }),
      level: levelSchema(db),
      period: indicatorPeriod,
      value: indicatorNumberCell('Värde'),
      women: indicatorNumberCell('Kvinnor'),
      men: indicatorNumberCell('Män'),
      national: indicatorNumberCell('Riket'),
      county: indicatorNumberCell('Länet'),
      target: indicatorNumberCell('Måltal'),
    })
    .transform((r, ctx): IndicatorImportRow => {
      if (r.value === null && r.target === null) ctx.addIssue({ code: 'custom', message: 'Värde eller Måltal måste fyllas i.', path: ['value'] });
      return {
        indicatorId: r.indicator.id,
        indicatorName: r.indicator.name,
        ...r.level,
        year: r.period.year,
        part: r.period.part,
        period: indicatorPeriodLabel(r.period),
        value: r.value,
        women: r.women,
        men: r.men,
        national: r.national,
        county: r.county,
        target: r.target,
      };
    });
}

/**
 * Rules across rows and against what is stored: the same indicator, level and period twice; a
 * måltal without a value on a level that has no values of that indicator (in the file or stored).
 */
function crossRowIssues(db: AppDatabase) {
  return (rows: { rowNumber: number; values: IndicatorImportRow }[]): RowIssue[] => {
    const { levelsWithValues } = storedIndicatorKeys(db);
    for (const { values } of rows) if (values.value !== null) levelsWithValues.add(indicatorLevelKey(values));
    const seen = new Map<string, number>();
    const issues: RowIssue[] = [];
    for (const { rowNumber, values } of rows) {
      const key = indicatorPeriodKey(values);
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push({
          rowNumber,
          column: 'Period',
          message: `Raden upprepar rad ${first}: ${values.indicatorName}, ${values.levelName}, ${values.period}. Varje nyckeltal, nivå och period får finnas en gång.`,
        });
      } else seen.set(key, rowNumber);
      if (values.value === null && values.target !== null && !levelsWithValues.has(indicatorLevelKey(values))) {
        issues.push({
          rowNumber,
          column: 'Måltal',
          message: `Måltal ${formatIndicatorNumber(values.target)} för ${values.indicatorName} gäller ${values.levelName}, som inte har några värden för nyckeltalet. Ange Värde på raden eller lägg målet på en nivå som har värden.`,
        });
      }
    }
    return issues;
  };
}

function importSpec(db: AppDatabase): ImportSpec<ImportKey, IndicatorImportRow> {
  return { columns: [...importColumns], rowSchema: rowSchema(db), checkRows: crossRowIssues(db) };
}

/** The checked file; the commit right after the user's preview reuses it while the database is unchanged. */
function checkedIndicators(db: AppDatabase, file: UploadedFile) {
  return checkedPreview(db.sqlite, 'indicators.import', file, () => importSpec(db));
}

async function previewIndicators(db: AppDatabase, file: UploadedFile): Promise<IndicatorImportPreview> {
  const preview = await checkedIndicators(db, file);
  const { periods } = storedIndicatorKeys(db);
  return { ...preview, replaces: preview.rows.filter((r) => periods.has(indicatorPeriodKey(r.values))).length };
}

// --- single values ------------------------------------------------------------------------------

function assertLevelExists(db: AppDatabase, operatingAreaId: string | null, unitId: string | null): void {
  if (operatingAreaId && !db.sqlite.prepare('SELECT 1 FROM operating_areas WHERE id = ?').get(operatingAreaId)) {
    throw new AppError('not_found', 'Verksamhetsområdet finns inte längre.');
  }
  if (unitId && !db.sqlite.prepare('SELECT 1 FROM units WHERE id = ?').get(unitId)) throw new AppError('not_found', 'Enheten finns inte längre.');
}

function assertFreePeriod(db: AppDatabase, key: { indicatorId: string; operatingAreaId: string | null; unitId: string | null } & IndicatorPeriod, levelName: string, exceptId?: string): void {
  const existing = findIndicatorValueId(db, key);
  if (existing && existing !== exceptId) {
    const message = `Det finns redan ett värde för ${indicatorPeriodLabel(key)} på nivån ${levelName}.`;
    throw new AppError('conflict', message, '', [{ field: 'period', message }]);
  }
}

const NOTHING_MESSAGE = 'Värde eller Måltal måste fyllas i.';

export const indicatorHandlers: IndicatorHandlers = {
  'indicators.list': (ctx) => listIndicators(ctx.session.db),

  'indicators.create': (ctx, input) => {
    const db = ctx.session.db;
    assertUniqueName(db, input.name);
    const row = db.orm.insert(indicators).values({ ...input, nameFolded: foldName(input.name), updatedBy: stamp(ctx).updatedBy }).returning().get();
    return getIndicator(db, row.id);
  },

  'indicators.update': (ctx, { id, patch }) => {
    const db = ctx.session.db;
    getIndicator(db, id);
    if (patch.name !== undefined) assertUniqueName(db, patch.name, id);
    const folded = patch.name !== undefined ? { nameFolded: foldName(patch.name) } : {};
    db.orm.update(indicators).set({ ...patch, ...folded, ...stamp(ctx) }).where(eq(indicators.id, id)).run();
    return getIndicator(db, id);
  },

  'indicators.delete': (ctx, { id }) => {
    const db = ctx.session.db;
    const row = getIndicator(db, id);
    if (row.valueCount > 0) {
      throw new AppError('conflict', `”${row.name}” har ${row.valueCount} värden och kan inte tas bort. Ta bort värdena först.`);
    }
    db.orm.delete(indicators).where(eq(indicators.id, id)).run();
    return { deleted: true };
  },

  'indicators.values': (ctx, { indicatorId }) => {
    getIndicator(ctx.session.db, indicatorId);
    return listIndicatorValues(ctx.session.db, indicatorId);
  },

  'indicators.createValue': (ctx, { period, ...input }) => {
    const db = ctx.session.db;
    getIndicator(db, input.indicatorId);
    assertLevelExists(db, input.operatingAreaId, input.unitId);
    if (input.value === null && input.target === null) throw new AppError('invalid_input', NOTHING_MESSAGE, '', [{ field: 'value', message: NOTHING_MESSAGE }]);
    const levelName = input.operatingAreaId || input.unitId ? 'den valda nivån' : MUNICIPALITY_LEVEL_LABEL;
    assertFreePeriod(db, { ...input, ...period }, levelName);
    const row = db.orm.insert(indicatorValues).values({ ...input, ...period, updatedBy: stamp(ctx).updatedBy }).returning().get();
    return getIndicatorValue(db, row.id);
  },

  'indicators.updateValue': (ctx, { id, patch }) => {
    const db = ctx.session.db;
    const stored = getIndicatorValue(db, id);
    const { period, ...numbers } = patch;
    const after = { ...stored, ...numbers };
    if (after.value === null && after.target === null) {
      const field = numbers.value !== undefined ? 'value' : 'target';
      throw new AppError('invalid_input', NOTHING_MESSAGE, '', [{ field, message: NOTHING_MESSAGE }]);
    }
    if (period) assertFreePeriod(db, { ...stored, ...period }, stored.levelName, id);
    db.orm
      .update(indicatorValues)
      .set({ ...numbers, ...(period ?? {}), ...stamp(ctx) })
      .where(eq(indicatorValues.id, id))
      .run();
    return getIndicatorValue(db, id);
  },

  'indicators.deleteValue': (ctx, { id }) => {
    getIndicatorValue(ctx.session.db, id);
    ctx.session.db.orm.delete(indicatorValues).where(eq(indicatorValues.id, id)).run();
    return { deleted: true };
  },

  'indicators.furthestFromTarget': (ctx, { limit }) => indicatorsFurthestFromTarget(ctx.session.db, limit),

  'indicators.importPreview': (ctx, { file }) => previewIndicators(ctx.session.db, file),

  // Parsing is async, so it runs in prepare; the write step replaces and inserts in the dispatch's one transaction.
  'indicators.importCommit': preparedWrite({
    prepare: async (ctx, { file }) => {
      const preview = await checkedIndicators(ctx.session.db, file);
      assertCommittable(preview);
      return preview.rows.map((r) => r.values);
    },
    write: (ctx, _input, rows) => replaceIndicatorValues(ctx.session.db, rows, stamp(ctx).updatedBy),
  }),
};
