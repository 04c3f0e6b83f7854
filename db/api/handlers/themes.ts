// Handlers for tematisk tillsyn (seed 004: "en fördjupning av en frågeställning som finns i
// kvalitetskraven"): the themes, and one theme's result compared across the units inspected.
import { eq } from 'drizzle-orm';
import { inspectionThemes, qualityRequirements } from '../../schema/inspections.ts';
import { swedishCompare } from '../../shared/collation.ts';
import { AppError } from '../../errors.ts';
import { stamp } from '../../writes/stamp.ts';
import type { AppDatabase } from '../../open.ts';
import type { Handlers } from '../handle.ts';
import type { ResultCounts, ThemeComparison, ThemeRow } from '../tillsynInspection.contract.ts';

type ThemeHandlers = Pick<Handlers, 'themes.list' | 'themes.create' | 'themes.update' | 'themes.delete' | 'themes.comparison'>;

const THEME_SQL = `
  SELECT t.id, t.title, t.question, t.requirement_id AS requirementId, q.code AS requirementCode,
         (SELECT v.title FROM quality_requirement_versions v WHERE v.requirement_id = q.id ORDER BY v.version DESC LIMIT 1) AS requirementTitle,
         t.year, t.updated_at AS updatedAt,
         (SELECT count(*) FROM inspections i WHERE i.theme_id = t.id) AS inspectionCount
  FROM inspection_themes t LEFT JOIN quality_requirements q ON q.id = t.requirement_id`;

export function emptyCounts(): ResultCounts {
  return { uppfyllt: 0, delvis_uppfyllt: 0, ej_uppfyllt: 0, ej_bedomt: 0 };
}

function listThemes(db: AppDatabase, year?: number): ThemeRow[] {
  const rows =
    year === undefined
      ? db.sqlite.prepare<[], ThemeRow>(`${THEME_SQL} WHERE t.archived_at IS NULL`).all()
      : db.sqlite.prepare<[number], ThemeRow>(`${THEME_SQL} WHERE t.archived_at IS NULL AND t.year = ?`).all(year);
  return rows.sort((a, b) => b.year - a.year || swedishCompare(a.title, b.title));
}

function getTheme(db: AppDatabase, id: string): ThemeRow {
  const row = db.sqlite.prepare<[string], ThemeRow>(`${THEME_SQL} WHERE t.id = ?`).get(id);
  if (!row) throw new AppError('not_found', 'Temat finns inte längre (det kan ha tagits bort).');
  return row;
}

function assertRequirement(db: AppDatabase, requirementId: string | null | undefined): void {
  if (requirementId && !db.orm.select({ id: qualityRequirements.id }).from(qualityRequirements).where(eq(qualityRequirements.id, requirementId)).get()) {
    throw new AppError('invalid_input', 'Kvalitetskravet finns inte.', '', [{ field: 'requirementId', message: 'Välj ett kvalitetskrav som finns.' }]);
  }
}

export function themeComparison(db: AppDatabase, themeId: string): ThemeComparison {
  const theme = getTheme(db, themeId);
  const rows = db.sqlite
    .prepare<[string | null, string], ThemeComparison['rows'][number] & { summary: string }>(
      `SELECT i.id AS inspectionId, u.id AS unitId, u.name AS unitName, a.name AS operatingAreaName,
              i.start_date AS startDate, i.summary,
              s.result, coalesce(s.observation, '') AS observation
       FROM inspections i
       JOIN units u ON u.id = i.unit_id
       JOIN operating_areas a ON a.id = u.operating_area_id
       LEFT JOIN assessments s ON s.inspection_id = i.id
         AND s.requirement_version_id IN (SELECT v.id FROM quality_requirement_versions v WHERE v.requirement_id = ?)
       WHERE i.theme_id = ?`,
    )
    .all(theme.requirementId, themeId)
    .map(({ summary, ...row }) => ({
      ...row,
      result: row.result ?? null,
      // Without a linked requirement the inspection's summary is what answers the question.
      observation: row.observation || (theme.requirementId ? '' : summary),
    }))
    .sort((a, b) => swedishCompare(a.operatingAreaName, b.operatingAreaName) || swedishCompare(a.unitName, b.unitName) || a.startDate.localeCompare(b.startDate));
  const counts = emptyCounts();
  for (const row of rows) if (row.result) counts[row.result]++;
  return { theme, rows, counts };
}

export const themeHandlers: ThemeHandlers = {
  'themes.list': (ctx, { year }) => listThemes(ctx.session.db, year),

  'themes.create': (ctx, input) => {
    const db = ctx.session.db;
    assertRequirement(db, input.requirementId);
    const row = db.orm.insert(inspectionThemes).values({ ...input, updatedBy: stamp(ctx).updatedBy }).returning({ id: inspectionThemes.id }).get();
    return getTheme(db, row.id);
  },

  'themes.update': (ctx, { id, patch }) => {
    const db = ctx.session.db;
    getTheme(db, id);
    assertRequirement(db, patch.requirementId);
    db.orm.update(inspectionThemes).set({ ...patch, ...stamp(ctx) }).where(eq(inspectionThemes.id, id)).run();
    return getTheme(db, id);
  },

  'themes.delete': (ctx, { id }) => {
    const db = ctx.session.db;
    const theme = getTheme(db, id);
    const planned = db.sqlite.prepare<[string], { n: number }>('SELECT count(*) AS n FROM plan_entries WHERE theme_id = ?').get(id)?.n ?? 0;
    if (theme.inspectionCount > 0 || planned > 0) {
      throw new AppError('referenced', 'Temat används av tillsyner eller planeringen och kan inte tas bort.');
    }
    db.orm.delete(inspectionThemes).where(eq(inspectionThemes.id, id)).run();
    return { deleted: true as const };
  },

  'themes.comparison': (ctx, { themeId }) => themeComparison(ctx.session.db, themeId),
};

