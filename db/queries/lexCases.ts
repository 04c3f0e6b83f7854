// Reading the lex Sarah and lex Maria register as the contract's rows, with the count of actions
// answering each case; shared by the handlers, the tillsynsberättelse and the demo.
import { swedishCompare } from '../shared/collation.ts';
import { AppError } from '../errors.ts';
import type { AppDatabase } from '../open.ts';
import type { LexCaseRow } from '../api/lexCases.contract.ts';
import type { LexType } from '../domain/codes.ts';

type RawLexCase = Omit<LexCaseRow, 'ivoReported'> & { ivoReported: number };

const LEX_CASE_SQL = `
  SELECT c.id, c.lex_type AS lexType, c.unit_id AS unitId, u.name AS unitName, a.name AS operatingAreaName, u.regi,
         c.reported_on AS reportedOn, c.case_number AS caseNumber, c.category, c.severity, c.status,
         c.ivo_reported AS ivoReported, c.ivo_reported_on AS ivoReportedOn, c.summary, c.updated_at AS updatedAt,
         count(r.id) AS actionCount, count(CASE WHEN r.status <> 'stangd' THEN 1 END) AS openActionCount
  FROM lex_cases c
  JOIN units u ON u.id = c.unit_id
  JOIN operating_areas a ON a.id = u.operating_area_id
  LEFT JOIN actions r ON r.lex_case_id = c.id`;

const toRow = (raw: RawLexCase): LexCaseRow => ({ ...raw, ivoReported: raw.ivoReported === 1 });

export interface LexCaseQuery {
  /** Cases reported in this calendar year. */
  year?: number | undefined;
  lexType?: LexType | undefined;
}

/** Cases, newest report first. */
export function listLexCases(db: AppDatabase, query: LexCaseQuery = {}): LexCaseRow[] {
  const where: string[] = [];
  const params: string[] = [];
  if (query.year !== undefined) {
    where.push("c.reported_on BETWEEN ? AND ?");
    params.push(`${query.year}-01-01`, `${query.year}-12-31`);
  }
  if (query.lexType) {
    where.push('c.lex_type = ?');
    params.push(query.lexType);
  }
  const sql = `${LEX_CASE_SQL}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} GROUP BY c.id`;
  return db.sqlite
    .prepare<string[], RawLexCase>(sql)
    .all(...params)
    .map(toRow)
    .sort((a, b) => b.reportedOn.localeCompare(a.reportedOn) || swedishCompare(a.unitName, b.unitName));
}

export function getLexCase(db: AppDatabase, id: string): LexCaseRow {
  const raw = db.sqlite.prepare<[string], RawLexCase>(`${LEX_CASE_SQL} WHERE c.id = ? GROUP BY c.id`).get(id);
  if (!raw) throw new AppError('not_found', 'Ärendet finns inte längre (det kan ha tagits bort).');
  return toRow(raw);
}
