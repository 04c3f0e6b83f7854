// The benchmark's municipality: a deterministic large database written through the app's own data
// functions (plan proposal, placements, actions, follow-up notes, the catalogue) in one bulk
// transaction per cycle, with the audit log as the real triggers write it. Cached between runs by
// seed, size, schema version (hash of the migrations) and this file's own hash.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { closeDatabase, openDatabase, type AppDatabase } from '../../db/open.ts';
import { setAuditActor } from '../../db/audit/trail.ts';
import { seededRandom } from '../../db/demo/random.ts';
import { buildProposal } from '../../db/queries/plan.ts';
import { getCycle } from '../../db/queries/cycles.ts';
import { listRequirements } from '../../db/queries/requirements.ts';
import { insertDefaultCatalogue } from '../../db/writes/requirements.ts';
import { insertPlacement } from '../../db/writes/plan.ts';
import { addFollowUp, createAction } from '../../db/writes/actions.ts';
import { addStatement, createTemplate, insertAnswersBulk, type AnswerRecord } from '../../db/writes/selfAssessment.ts';
import { RISK_CAUSES, SELF_ASSESSMENT_AREAS } from '../../db/domain/codes.ts';
import { assessRisk, createRisk } from '../../db/writes/risks.ts';
import { foldName } from '../../db/shared/names.ts';
import { addMonths, cycleName, monthsOfTertial, tertialEndDate, type Tertial } from '../../db/shared/period.ts';
import { operatingAreas, units } from '../../db/schema/organisation.ts';
import { newId } from '../../db/schema/common.ts';
import { assessments, inspectionCycles, inspectionInspectors, inspections, inspectors } from '../../db/schema/inspections.ts';
import type { ActionSource, ActionStatus, AssessmentResult, Regi, UnitType } from '../../db/domain/codes.ts';
import { indicators } from '../../db/schema/indicators.ts';
import { INDICATOR_DIRECTIONS, INDICATOR_SOURCES, INDICATOR_UNITS } from '../../db/shared/indicatorCodes.ts';
import { replaceIndicatorValues, type IndicatorValueWrite } from '../../db/writes/indicators.ts';
import { replaceDeviationCounts, type DeviationCount } from '../../db/writes/deviations.ts';
import { addAgendaItem, createMeeting, freezeMeeting, setParticipants, updateMeeting } from '../../db/writes/council.ts';
import { VIEWS, viewParamFields } from '../../db/views/registry.ts';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');
export const migrationsFolder = path.join(projectRoot, 'db', 'migrations');

/** The bench's "today": fixed, so the data and every result are the same on every run. */
export const BENCH_AS_OF = '2026-11-23';
const CURRENT_CYCLE_START = 2024;

export interface BenchSize {
  units: number;
  /** Three-year cycles ending with the current one (2024–2026). */
  cycles: number;
  seed: number;
  /**
   * Only what the planning paths read (organisation, cycles, inspections, actions): the growth
   * measurement at 500–4,000 units needs no självskattning, nyckeltal, avvikelser, risks or meetings,
   * which are most of the generation time.
   */
  planningOnly?: boolean;
}

export const FULL_SIZE: BenchSize = { units: 2000, cycles: 4, seed: 20261202 };

/** What the generated database holds, stored beside the cached file. */
export interface BenchFacts {
  size: BenchSize;
  units: number;
  /** Självskattning: years with a template (SELF_ASSESSMENT_YEARS), statements per year, answers in all. */
  selfAssessmentYears: number[];
  selfAssessmentStatements: number;
  selfAssessmentAnswers: number;
  /** Nyckeltal: indicators, and their values (municipality and every verksamhetsområde, 12 years). */
  indicators: number;
  indicatorValues: number;
  /** Avvikelser: count rows (units × months × types). */
  deviationRows: number;
  risks: number;
  /** Kvalitetsråd: the planned meetings the dashboard path opens (whole förvaltning, one area). */
  councilMeetingIds: string[];
  councilViewItems: number;
  inspections: number;
  assessments: number;
  actions: number;
  auditRows: number;
  bytes: number;
  cycleIds: string[];
  currentCycleId: string;
  /** Audit users (one per cycle), so filtered audit queries have a realistic share of rows. */
  auditUsers: string[];
  /** ms to generate; null if it was never measured (should not happen). */
  generatedMs: number;
}

export interface BenchDatabase {
  file: string;
  facts: BenchFacts;
  /** True when generated in this run (its time is in facts.generatedMs). */
  generatedNow: boolean;
}

const AREAS: { name: string; unitType: UnitType }[] = [
  { name: 'Hemtjänst', unitType: 'hemtjanst' },
  { name: 'Särskilt boende', unitType: 'sarskilt_boende' },
  { name: 'Korttidsboende', unitType: 'korttidsboende' },
  { name: 'Gruppbostäder LSS', unitType: 'lss_gruppbostad' },
  { name: 'Servicebostäder LSS', unitType: 'lss_servicebostad' },
  { name: 'Daglig verksamhet', unitType: 'daglig_verksamhet' },
  { name: 'Hemsjukvård', unitType: 'hemsjukvard' },
  { name: 'Boendestöd', unitType: 'boendestod' },
  { name: 'Individ- och familjeomsorg', unitType: 'ifo' },
  { name: 'Socialpsykiatri', unitType: 'boendestod' },
  { name: 'Missbruk och beroende', unitType: 'ifo' },
  { name: 'Öppna verksamheter', unitType: 'annan' },
];
const NAME_FIRST = ['Ängs', 'Björk', 'Ek', 'Lind', 'Sol', 'Åker', 'Öster', 'Tall', 'Sjö', 'Berg', 'Strand', 'Gran', 'Al', 'Rosen', 'Väster', 'Ör'];
const NAME_LAST = ['gården', 'backen', 'hagen', 'dalen', 'ängen', 'udden', 'vägen', 'torpet', 'lunden', 'höjden'];
const PROVIDERS = ['Omsorgsgruppen AB', 'Vardaga Omsorg AB', 'Attendo AB', 'Humana AB', 'Nytida AB', 'Frösunda Omsorg AB', 'Stiftelsen Ängsö'];
const FIRST_NAMES = ['Anna', 'Björn', 'Camilla', 'David', 'Elin', 'Fredrik', 'Gunilla', 'Hanna', 'Ibrahim', 'Johanna', 'Karin', 'Leila', 'Åsa', 'Örjan'];
const LAST_NAMES = ['Lindqvist', 'Ekström', 'Öberg', 'Åkesson', 'Sjöberg', 'Nyström', 'Ström', 'Bergqvist', 'Haddad', 'Wikström', 'Ahmadi'];
const OBSERVATIONS = [
  'Genomförandeplanerna saknar uppgift om den enskildes delaktighet.',
  'Riskbedömningar följs inte upp efter förändrat hälsotillstånd.',
  'Avvikelser rapporteras men analyseras inte.',
  'Nattfastan överstiger elva timmar för flera boende.',
  'Rutinen för klagomål är inte känd bland medarbetarna.',
];
const FULFILLED = ['Kravet uppfylls.', 'Granskade dokument visar att kravet uppfylls.', ''];
const CLOSING_NOTE = 'Åtgärderna är genomförda och verifierade vid uppföljning.';
const OTHER_SOURCES: ActionSource[] = ['kvalitetsrad', 'annat', 'analysverkstad'];
/** The register's size: tillsyn actions topped up with other sources to 25 per unit, 50,000 at full size (issue 19). */
const ACTIONS_PER_UNIT = 25;

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const pad = (n: number) => String(n).padStart(2, '0');

/** Hash of the migrations folder and of this generator: a change to either makes a new cache entry. */
export function schemaVersion(): string {
  const hash = crypto.createHash('sha256');
  for (const name of fs.readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(migrationsFolder, name);
    if (fs.statSync(file).isFile()) hash.update(name).update(fs.readFileSync(file));
  }
  hash.update(fs.readFileSync(import.meta.filename));
  return hash.digest('hex').slice(0, 12);
}

export function cacheFolder(): string {
  return process.env.BENCH_CACHE_DIR ?? path.join(projectRoot, 'node_modules', '.cache', 'kvalitetsnavet-bench');
}

function cachedFile(size: BenchSize, folder: string): string {
  return path.join(folder, `bench-u${size.units}-c${size.cycles}-s${size.seed}${size.planningOnly ? '-planning' : ''}-${schemaVersion()}.db`);
}

/** The cached database for this size, generated first if missing. */
export function benchDatabase(size: BenchSize, options: { cacheDir?: string; log?: (line: string) => void } = {}): BenchDatabase {
  const log = options.log ?? (() => {});
  const file = cachedFile(size, options.cacheDir ?? cacheFolder());
  const factsFile = `${file}.json`;
  if (fs.existsSync(file) && fs.existsSync(factsFile)) {
    return { file, facts: JSON.parse(fs.readFileSync(factsFile, 'utf8')) as BenchFacts, generatedNow: false };
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
  log(`Genererar ${size.units} enheter, ${size.cycles} cykler (seed ${size.seed})${size.planningOnly ? ', bara planering' : ''} …`);
  const facts = generateDatabase(partial, size);
  fs.renameSync(partial, file);
  fs.writeFileSync(factsFile, JSON.stringify(facts, null, 2));
  log(`  klart på ${(facts.generatedMs / 1000).toFixed(1)} s: ${facts.inspections} tillsyner, ${facts.actions} åtgärder, ${facts.auditRows} loggrader, ${(facts.bytes / 2 ** 20).toFixed(0)} MiB`);
  return { file, facts, generatedNow: true };
}

interface UnitInfo {
  id: string;
  areaId: string;
  manager: string;
}

/** Writes the whole database to `file` (which must not exist) and returns its facts. */
export function generateDatabase(file: string, size: BenchSize): BenchFacts {
  const started = performance.now();
  const random = seededRandom(size.seed);
  const db = openDatabase(file, { migrationsFolder });
  try {
    const auditUsers = Array.from({ length: size.cycles }, (_, k) => `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)} ${k + 1}`);
    setAuditActor(db.sqlite, { osUser: 'bench', displayName: 'Generator' });
    const base = db.sqlite.transaction(() => seedOrganisation(db, random, size))();
    const cycleIds: string[] = [];
    for (let k = 0; k < size.cycles; k++) {
      const startYear = CURRENT_CYCLE_START - 3 * (size.cycles - 1 - k);
      setAuditActor(db.sqlite, { osUser: `user${k + 1}`, displayName: auditUsers[k] ?? '' });
      cycleIds.push(db.sqlite.transaction(() => seedCycle(db, random, base, startYear))());
    }
    const tillsynActions = Number(db.sqlite.prepare('SELECT count(*) FROM actions').pluck().get());
    db.sqlite.transaction(() => seedOtherActions(db, random, base.units, Math.max(0, size.units * ACTIONS_PER_UNIT - tillsynActions)))();
    let selfAssessmentYears: number[] = [];
    let councilMeetingIds: string[] = [];
    if (!size.planningOnly) {
      selfAssessmentYears = seedSelfAssessment(db, random, base.units);
      const indicatorCount = Math.max(10, Math.round((INDICATORS_AT_FULL_SIZE * size.units) / FULL_SIZE.units));
      db.sqlite.transaction(() => seedIndicatorValues(db, random, base.areaIds, indicatorCount))();
      db.sqlite.transaction(() => seedDeviations(db, random, base.units))();
      db.sqlite.transaction(() => seedRisks(db, random, base.units))();
      councilMeetingIds = db.sqlite.transaction(() => seedCouncilMeetings(db, base.areaIds))();
    }
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const count = (table: string) => Number(db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
    const facts = {
      size,
      units: count('units'),
      inspections: count('inspections'),
      assessments: count('assessments'),
      actions: count('actions'),
      selfAssessmentYears,
      selfAssessmentStatements: SELF_ASSESSMENT_STATEMENTS,
      selfAssessmentAnswers: count('self_assessment_answers'),
      indicators: count('indicators'),
      indicatorValues: count('indicator_values'),
      deviationRows: count('deviation_counts'),
      risks: count('risks'),
      councilMeetingIds,
      councilViewItems: count("council_agenda_items WHERE kind = 'view'"),
      auditRows: count('audit_log'),
      cycleIds,
      currentCycleId: cycleIds.at(-1) ?? '',
      auditUsers,
    };
    closeDatabase(db);
    return { ...facts, bytes: fs.statSync(file).size, generatedMs: Math.round(performance.now() - started) };
  } finally {
    closeDatabase(db);
  }
}

interface Organisation {
  areaIds: string[];
  units: UnitInfo[];
  inspectorIds: string[];
  requirements: { versionId: string; code: string; title: string }[];
}

/**
 * The assessment insert, prepared once per transaction (≈ 27 rows per inspection are the bulk of
 * the file; re-preparing each, with the audit trigger compiled in, doubled generation time).
 */
function assessmentInsert(db: AppDatabase) {
  const p = (name: string) => sql.placeholder(name);
  return db.orm
    .insert(assessments)
    .values({ id: p('id'), inspectionId: p('inspectionId'), requirementVersionId: p('requirementVersionId'), result: p('result'), observation: p('observation'), updatedBy: 'Generator' })
    .prepare();
}
type AssessmentInsert = ReturnType<typeof assessmentInsert>;

function seedOrganisation(db: AppDatabase, random: Random, size: BenchSize): Organisation {
  const by = 'Generator';
  const areaIds = AREAS.map(
    (a) => db.orm.insert(operatingAreas).values({ name: a.name, nameFolded: foldName(a.name), updatedBy: by }).returning().get().id,
  );
  const unitList: UnitInfo[] = [];
  for (let i = 0; i < size.units; i++) {
    const area = i % AREAS.length;
    const regi: Regi = random() < 0.7 ? 'egen_regi' : random() < 0.85 ? 'extern_utforare' : 'ideell_forening';
    const name = `${pick(random, NAME_FIRST)}${pick(random, NAME_LAST)} ${Math.floor(i / AREAS.length) + 1}`;
    const manager = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
    // A few units opened during the decade, a few closed: the plan and coverage must handle both.
    const r = random();
    const activeFrom = r < 0.03 ? `${2016 + Math.floor(random() * 10)}-${pad(1 + Math.floor(random() * 12))}-01` : null;
    const activeTo = r > 0.98 ? `${2018 + Math.floor(random() * 6)}-12-31` : null;
    const row = db.orm
      .insert(units)
      .values({
        operatingAreaId: areaIds[area] ?? '',
        name,
        nameFolded: foldName(name),
        unitType: AREAS[area]?.unitType ?? 'annan',
        regi,
        provider: regi === 'egen_regi' ? 'Exempelstads kommun' : pick(random, PROVIDERS),
        manager,
        activeFrom,
        activeTo,
        updatedBy: by,
      })
      .returning({ id: units.id })
      .get();
    unitList.push({ id: row.id, areaId: areaIds[area] ?? '', manager });
  }
  insertDefaultCatalogue(db, by, '2014-01-01');
  const inspectorIds = Array.from({ length: Math.max(3, Math.round(size.units / 100)) }, (_, k) => {
    const name = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)} (${k + 1})`;
    return db.orm.insert(inspectors).values({ name, nameFolded: foldName(name), updatedBy: by }).returning({ id: inspectors.id }).get().id;
  });
  const requirements = listRequirements(db, false).map((r) => ({ versionId: r.versionId, code: r.code, title: r.title }));
  return { areaIds, units: unitList, inspectorIds, requirements };
}

function randomResult(random: Random): AssessmentResult {
  const r = random();
  // ≈ 21 % shortfalls: ≈ 45,000 tillsyn actions over ≈ 8,000 inspections of 27 requirements.
  return r < 0.79 ? 'uppfyllt' : r < 0.93 ? 'delvis_uppfyllt' : 'ej_uppfyllt';
}

/** How far an action has come, given how long ago its deadline was. */
function actionProgress(random: Random, deadline: string): { status: ActionStatus; followUpDate: string | null } {
  const r = random();
  if (deadline > BENCH_AS_OF) return { status: r < 0.6 ? 'oppen' : 'atgardsplan_inkommen', followUpDate: null };
  const followUp = addMonths(deadline, 1);
  if (addMonths(deadline, 4) < BENCH_AS_OF) {
    return r < 0.9 ? { status: 'stangd', followUpDate: followUp } : r < 0.95 ? { status: 'verifierad', followUpDate: followUp } : { status: 'oppen', followUpDate: null };
  }
  return r < 0.3 ? { status: 'oppen', followUpDate: null } : r < 0.6 ? { status: 'atgardad', followUpDate: followUp } : { status: 'stangd', followUpDate: followUp };
}

/** A cycle planned by the app's own proposal on its first day, then carried out up to BENCH_AS_OF. */
function seedCycle(db: AppDatabase, random: Random, org: Organisation, startYear: number): string {
  const by = 'Generator';
  const cycleId = db.orm
    .insert(inspectionCycles)
    .values({ startYear, name: cycleName(startYear), updatedBy: by })
    .returning({ id: inspectionCycles.id })
    .get().id;
  const proposal = buildProposal(db, getCycle(db, cycleId), `${startYear}-01-01`);
  const unitById = new Map(org.units.map((u) => [u.id, u]));
  const insertAssessment = assessmentInsert(db);
  for (const [i, p] of proposal.placements.entries()) {
    const planEntryId = insertPlacement(db, cycleId, { ...p, fixed: false }, { announced: i % 4 !== 3, updatedBy: by });
    const unit = unitById.get(p.unitId);
    const date = inspectionDate(random, p.year, p.tertial, p.month);
    // About one in ten past placements was never carried out: overdue in the plan.
    if (!unit || !date || random() < 0.1) continue;
    insertInspection(db, random, org, insertAssessment, unit, { planEntryId, startDate: date, inspectorIds: p.inspectorIds, inspectionType: 'ordinarie', origin: 'egen' });
    // Some shortfalls lead to a follow-up inspection half a year later.
    if (random() < 0.08) {
      const followUp = addMonths(date, 6);
      if (followUp < BENCH_AS_OF) insertInspection(db, random, org, insertAssessment, unit, { planEntryId: null, startDate: followUp, inspectorIds: p.inspectorIds, inspectionType: 'uppfoljande', origin: 'egen' });
    }
  }
  return cycleId;
}

function inspectionDate(random: Random, year: number, tertial: Tertial, month: number | null): string | null {
  const m = month ?? pick(random, monthsOfTertial(tertial).filter((x) => x !== 7));
  const date = `${year}-${pad(m)}-${pad(2 + Math.floor(random() * 24))}`;
  return date < BENCH_AS_OF && tertialEndDate(year, tertial) >= date ? date : null;
}

interface InspectionSpec {
  planEntryId: string | null;
  startDate: string;
  inspectorIds: readonly string[];
  inspectionType: 'ordinarie' | 'uppfoljande';
  origin: 'egen' | 'ivo';
}

function insertInspection(db: AppDatabase, random: Random, org: Organisation, insertAssessment: AssessmentInsert, unit: UnitInfo, spec: InspectionSpec): void {
  const by = 'Generator';
  const id = db.orm
    .insert(inspections)
    .values({
      unitId: unit.id,
      planEntryId: spec.planEntryId,
      inspectionType: spec.inspectionType,
      origin: spec.origin,
      announced: random() < 0.75,
      startDate: spec.startDate,
      participants: 'Enhetschef och två medarbetare',
      methodInterview: true,
      methodObservation: random() < 0.7,
      methodDocumentReview: true,
      methodRecordReview: random() < 0.5,
      summary: 'Verksamheten håller överlag god kvalitet. Tillsynen visade brister inom ett par områden.',
      status: 'pagaende',
      updatedBy: by,
    })
    .returning({ id: inspections.id })
    .get().id;
  for (const inspectorId of spec.inspectorIds) db.orm.insert(inspectionInspectors).values({ inspectionId: id, inspectorId, updatedBy: by }).run();
  let allClosed = true;
  for (const requirement of org.requirements) {
    const result = randomResult(random);
    const shortfall = result !== 'uppfyllt';
    const observation = shortfall ? pick(random, OBSERVATIONS) : pick(random, FULFILLED);
    const assessmentId = newId();
    insertAssessment.run({ id: assessmentId, inspectionId: id, requirementVersionId: requirement.versionId, result, observation });
    if (!shortfall) continue;
    const deadline = addMonths(spec.startDate, 3);
    const progress = actionProgress(random, deadline);
    if (progress.status !== 'stangd') allClosed = false;
    const actionId = createAction(
      db,
      {
        source: 'tillsyn',
        inspectionId: id,
        assessmentId,
        description: `${requirement.code} ${requirement.title}: ${observation}`,
        reason: '',
        deadline,
        responsible: unit.manager,
        status: progress.status,
        followUpDate: progress.followUpDate,
        closingNote: progress.status === 'stangd' ? CLOSING_NOTE : '',
        closedAt: progress.status === 'stangd' ? `${progress.followUpDate ?? deadline}T12:00:00.000Z` : null,
      },
      by,
    );
    if (progress.followUpDate && progress.followUpDate < BENCH_AS_OF && random() < 0.5) {
      addFollowUp(db, actionId, { notedOn: progress.followUpDate, note: 'Verifierat vid uppföljning.', notedBy: 'Tillsynsenheten' }, by);
    }
  }
  const reportSent = addMonths(spec.startDate, 1) <= BENCH_AS_OF ? addMonths(spec.startDate, 1) : null;
  const done = allClosed && addMonths(spec.startDate, 8) < BENCH_AS_OF;
  db.orm
    .update(inspections)
    .set({
      reportSentProviderAt: reportSent,
      reportSentCommissionerAt: reportSent,
      ...(done ? { status: 'avslutad' as const, closedAt: `${addMonths(spec.startDate, 7)}T12:00:00.000Z` } : {}),
    })
    .where(eq(inspections.id, id))
    .run();
}

/** Actions from the kvalitetsråd, analysverkstad and others, linked to a unit only. */
function seedOtherActions(db: AppDatabase, random: Random, unitList: readonly UnitInfo[], count: number): void {
  for (let i = 0; i < count; i++) {
    const unit = pick(random, unitList);
    const deadline = `${2016 + Math.floor(random() * 11)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
    const progress = actionProgress(random, deadline);
    createAction(
      db,
      {
        source: pick(random, OTHER_SOURCES),
        inspectionId: null,
        assessmentId: null,
        unitId: unit.id,
        description: 'Förbättra rutinen för avvikelsehantering och återkoppling.',
        reason: 'Beslut i kvalitetsrådet.',
        deadline,
        responsible: unit.manager,
        status: progress.status,
        followUpDate: progress.followUpDate,
        closingNote: progress.status === 'stangd' ? CLOSING_NOTE : '',
        closedAt: progress.status === 'stangd' ? `${progress.followUpDate ?? deadline}T12:00:00.000Z` : null,
      },
      'Generator',
    );
  }
}

/** Twelve years of självskattning, 40 statements a year: ≈ 960,000 answers at full size (issue 19). */
export const SELF_ASSESSMENT_YEARS = Array.from({ length: 12 }, (_, k) => 2015 + k);
const SELF_ASSESSMENT_STATEMENTS = 40;

/**
 * Each year's template copied from the year before (statement identity kept, as the app does),
 * and every unit's answers to it written in bulk (insertAnswersBulk, one prepared statement, one
 * transaction per year; the audit triggers write as they do for an import). A unit has a level of
 * its own that drifts a little each year; about 4 % of the answers are "ej tillämplig".
 */
function seedSelfAssessment(db: AppDatabase, random: Random, unitList: readonly UnitInfo[]): number[] {
  const stamp = { updatedAt: `${BENCH_AS_OF}T12:00:00.000Z`, updatedBy: 'Generator' };
  const level = new Map(unitList.map((u) => [u.id, 4 + random() * 4]));
  for (const year of SELF_ASSESSMENT_YEARS) {
    db.sqlite.transaction(() => {
      const templateId = createTemplate(db, year, null, stamp);
      if (year === SELF_ASSESSMENT_YEARS[0]) {
        for (let k = 0; k < SELF_ASSESSMENT_STATEMENTS; k++) {
          const area = SELF_ASSESSMENT_AREAS[k % SELF_ASSESSMENT_AREAS.length] ?? 'tillganglighet';
          addStatement(db, { year, area, text: `Påstående ${k + 1}: verksamheten arbetar systematiskt med kvaliteten.`, isNew: false }, stamp);
        }
      }
      const statementIds = db.sqlite.prepare('SELECT id FROM self_assessment_template_statements WHERE template_id = ? ORDER BY id').pluck().all(templateId) as string[];
      function* answers(): Generator<AnswerRecord> {
        for (const unit of unitList) {
          const drift = (level.get(unit.id) ?? 6) + (random() - 0.5) * 0.6;
          level.set(unit.id, Math.min(9, Math.max(2, drift)));
          for (const templateStatementId of statementIds) {
            const notApplicable = random() < 0.04;
            const score = notApplicable ? null : Math.min(10, Math.max(1, Math.round(drift + (random() - 0.5) * 4)));
            yield { unitId: unit.id, templateStatementId, score, notApplicable, comment: '', source: 'import' };
          }
        }
      }
      insertAnswersBulk(db, answers(), stamp);
    })();
  }
  return SELF_ASSESSMENT_YEARS;
}

/** 500 nyckeltal at full size (issue 19), each with 12 years of values for the municipality and every verksamhetsområde. */
const INDICATORS_AT_FULL_SIZE = 500;
const INDICATOR_YEARS = Array.from({ length: 12 }, (_, k) => 2015 + k);
const AREA_LEVEL_EVERY = 10;

/**
 * Nyckeltal written as an import would (replaceIndicatorValues), in one transaction; about half have
 * a target. The size is 500 nyckeltal × 12 years: every one for the municipality, and one in
 * ten also per verksamhetsområde (as a brukarundersökning is reported per area).
 */
function seedIndicatorValues(db: AppDatabase, random: Random, areaIds: readonly string[], count: number): void {
  const by = 'Generator';
  const rows: IndicatorValueWrite[] = [];
  for (let k = 0; k < count; k++) {
    const name = `Nyckeltal ${k + 1}`;
    const unit = INDICATOR_UNITS[k % INDICATOR_UNITS.length] ?? 'procent';
    const id = db.orm
      .insert(indicators)
      .values({ name, nameFolded: foldName(name), unit, direction: pick(random, INDICATOR_DIRECTIONS), source: pick(random, INDICATOR_SOURCES), updatedBy: by })
      .returning({ id: indicators.id })
      .get().id;
    const base = unit === 'procent' ? 50 + random() * 40 : 5 + random() * 100;
    const target = random() < 0.5 ? Math.round(base * (0.9 + random() * 0.2)) : null;
    for (const operatingAreaId of k % AREA_LEVEL_EVERY === 0 ? [null, ...areaIds] : [null]) {
      for (const [i, year] of INDICATOR_YEARS.entries()) {
        const value = Math.round((base + i * (random() - 0.4) + (random() - 0.5) * 6) * 10) / 10;
        const national = operatingAreaId === null ? Math.round(base * 10) / 10 : null;
        rows.push({ indicatorId: id, operatingAreaId, unitId: null, year, part: '', value, women: null, men: null, national, county: null, target });
      }
    }
  }
  replaceIndicatorValues(db, rows, by);
}

const DEVIATION_TYPES = ['Fall', 'Läkemedel', 'Uteblivna insatser', 'Bemötande'];
/** 25 months × 4 types per unit: ≈ 200,000 count rows at 2,000 units (issue 19). */
const DEVIATION_MONTHS = 25;

/** Avvikelser as the import writes them (replaceDeviationCounts), the last 25 months up to the bench date. */
function seedDeviations(db: AppDatabase, random: Random, unitList: readonly UnitInfo[]): void {
  const rows: DeviationCount[] = [];
  for (const unit of unitList) {
    for (let m = 0; m < DEVIATION_MONTHS; m++) {
      const month = addMonths(BENCH_AS_OF, -m);
      for (const deviationType of DEVIATION_TYPES) {
        rows.push({ unitId: unit.id, year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)), deviationType, deviationTypeFolded: foldName(deviationType), count: Math.floor(random() * 8) });
      }
    }
  }
  replaceDeviationCounts(db, rows, 'Generator');
}

/** One risk per ten units (200 at full size), each assessed when found and about half re-assessed a year later. */
function seedRisks(db: AppDatabase, random: Random, unitList: readonly UnitInfo[]): void {
  const level = () => 1 + Math.floor(random() * 4);
  unitList.forEach((unit, k) => {
    if (k % 10 !== 0) return;
    const riskId = createRisk(
      db,
      { operatingAreaId: unit.areaId, unitId: unit.id, description: `Risk ${k / 10 + 1}: brister i överlämningen mellan arbetspassen`, cause: pick(random, RISK_CAUSES), identifiedOn: '2025-10-16' },
      { assessedOn: '2025-10-16', probability: level(), severity: level(), note: '' },
      'Generator',
    );
    if (random() < 0.5) assessRisk(db, riskId, { assessedOn: '2026-10-15', probability: level(), severity: level(), note: 'Efter åtgärder.' }, 'Generator');
  });
}

/** The ready views a meeting shows with no choice (a year or date is the meeting's), as the demo's agenda. */
const COUNCIL_VIEWS = VIEWS.filter((view) => viewParamFields(view).every((f) => f.optional || f.kind === 'date' || (f.kind === 'integer' && /year/i.test(f.key))));

/**
 * Kvalitetsråd for the whole förvaltning and for one verksamhetsområde: for each, last autumn's
 * meeting held with every view frozen, and the coming one planned with the same views live, so
 * the dashboard reads live views with the previous snapshots as the base of "sedan …". Returns
 * the planned meetings' ids.
 */
function seedCouncilMeetings(db: AppDatabase, areaIds: readonly string[]): string[] {
  const by = 'Generator';
  const stamp = { updatedAt: `${BENCH_AS_OF}T12:00:00.000Z`, updatedBy: by };
  const participants = [
    { name: 'Eva Holmberg', role: 'Verksamhetschef' },
    { name: 'Maria Ek', role: 'Medicinskt ansvarig sjuksköterska (MAS)' },
  ];
  return [null, areaIds[0] ?? null].map((operatingAreaId) => {
    const addAgenda = (meetingId: string) => {
      setParticipants(db, meetingId, participants, by);
      for (const view of COUNCIL_VIEWS) addAgendaItem(db, meetingId, { kind: 'view', viewName: view.name, viewParams: {}, heading: '' }, by);
    };
    const held = createMeeting(db, { meetingDate: '2025-11-18', title: 'Kvalitetsråd hösten 2025', operatingAreaId, location: 'Stadshuset' }, by);
    addAgenda(held);
    freezeMeeting(db, held, stamp);
    updateMeeting(db, held, { status: 'genomford' }, stamp);
    const planned = createMeeting(db, { meetingDate: '2026-12-07', title: 'Kvalitetsråd', operatingAreaId, location: 'Stadshuset' }, by);
    addAgenda(planned);
    return planned;
  });
}
