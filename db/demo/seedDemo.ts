// The fictitious municipality "Exempelby kommun": five verksamhetsområden and 60 units in a
// mix of regi, so a newcomer can try every view without touching their own data.
import type { AppDatabase } from '../open.ts';
import { operatingAreas, units, type Regi, type UnitType } from '../schema/organisation.ts';
import { seedPlanning, type DemoPlanning } from './seedPlanning.ts';
import { seedInspections } from './seedInspections.ts';
import { seedLexCasesAndFeedback } from './seedLexFeedback.ts';
import { seedSelfAssessment } from './seedSelfAssessment.ts';
import { seedAnalysisSessions } from './seedAnalysis.ts';
import { seedRisks } from './seedRisks.ts';
import { seedDeviations } from './seedDeviations.ts';
import { seedIndicators } from './seedIndicators.ts';
import { seedCouncil } from './seedCouncil.ts';
import { foldName } from '../shared/names.ts';

interface DemoUnit {
  name: string;
  unitType: UnitType;
  regi: Regi;
  provider: string;
  activeFrom?: string;
  activeTo?: string;
}

/** The demo municipality's name, shown as the open database's name too. */
export const DEMO_MUNICIPALITY = 'Exempelby kommun';
const KOMMUN = DEMO_MUNICIPALITY;

const MANAGERS = [
  'Anna Lindqvist', 'Björn Ekström', 'Camilla Öberg', 'David Åkesson', 'Elin Sjöberg', 'Fredrik Nyström',
  'Gunilla Ström', 'Hanna Bergqvist', 'Ibrahim Haddad', 'Johanna Wikström', 'Karin Lundgren', 'Leila Ahmadi',
  'Magnus Holm', 'Nadia Karlsson', 'Oskar Hedlund', 'Petra Forsberg', 'Rasmus Engström', 'Sara Ångström',
  'Tove Sandberg', 'Ulf Persson',
];

const AREAS: Record<string, DemoUnit[]> = {
  Hemtjänst: [
    { name: 'Hemtjänst Centrum', unitType: 'hemtjanst', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Hemtjänst Norr', unitType: 'hemtjanst', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Hemtjänst Söder', unitType: 'hemtjanst', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Hemtjänst Väster', unitType: 'hemtjanst', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Hemtjänst Öster', unitType: 'hemtjanst', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Hemtjänst Ängsbacka', unitType: 'hemtjanst', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Hemtjänst Åby', unitType: 'hemtjanst', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Hemtjänst Landsbygd', unitType: 'hemtjanst', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Omsorgsgruppen Hemtjänst', unitType: 'hemtjanst', regi: 'extern_utforare', provider: 'Omsorgsgruppen AB' },
    { name: 'Trygga Händer Hemtjänst', unitType: 'hemtjanst', regi: 'extern_utforare', provider: 'Trygga Händer i Exempelby AB' },
    { name: 'Nattpatrullen', unitType: 'hemtjanst', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Hemtjänst Älvdalen', unitType: 'hemtjanst', regi: 'extern_utforare', provider: 'Älvdalens Omsorg AB', activeFrom: '2026-03-01' },
  ],
  'Särskilt boende': [
    { name: 'Solgårdens vård- och omsorgsboende', unitType: 'sarskilt_boende', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Lindgårdens vård- och omsorgsboende', unitType: 'sarskilt_boende', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Björkhagens demensboende', unitType: 'sarskilt_boende', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Ekbackens vård- och omsorgsboende', unitType: 'sarskilt_boende', regi: 'extern_utforare', provider: 'Vardaga Omsorg AB' },
    { name: 'Strandängens äldreboende', unitType: 'sarskilt_boende', regi: 'extern_utforare', provider: 'Attendo Exempelby AB' },
    { name: 'Åkerbo vård- och omsorgsboende', unitType: 'sarskilt_boende', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Östergårdens boende', unitType: 'sarskilt_boende', regi: 'egen_regi', provider: KOMMUN, activeTo: '2025-12-31' },
    { name: 'Rosenhälls demensboende', unitType: 'sarskilt_boende', regi: 'ideell_forening', provider: 'Stiftelsen Rosenhäll' },
    { name: 'Tallbackens äldreboende', unitType: 'sarskilt_boende', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Kastanjens vård- och omsorgsboende', unitType: 'sarskilt_boende', regi: 'extern_utforare', provider: 'Humana Äldreomsorg AB' },
    { name: 'Korttidsboendet Hagalund', unitType: 'korttidsboende', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Korttidsboendet Sjöudden', unitType: 'korttidsboende', regi: 'egen_regi', provider: KOMMUN },
  ],
  Funktionsstöd: [
    { name: 'Gruppbostad Lärkan', unitType: 'lss_gruppbostad', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Gruppbostad Tranan', unitType: 'lss_gruppbostad', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Gruppbostad Svalan', unitType: 'lss_gruppbostad', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Gruppbostad Ugglan', unitType: 'lss_gruppbostad', regi: 'extern_utforare', provider: 'Nytida AB' },
    { name: 'Gruppbostad Örnen', unitType: 'lss_gruppbostad', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Gruppbostad Måsen', unitType: 'lss_gruppbostad', regi: 'extern_utforare', provider: 'Frösunda Omsorg AB' },
    { name: 'Servicebostad Parkvägen', unitType: 'lss_servicebostad', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Servicebostad Kvarngatan', unitType: 'lss_servicebostad', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Daglig verksamhet Verkstan', unitType: 'daglig_verksamhet', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Daglig verksamhet Café Ängen', unitType: 'daglig_verksamhet', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Daglig verksamhet Skapet', unitType: 'daglig_verksamhet', regi: 'ideell_forening', provider: 'Föreningen Skapet' },
    { name: 'Daglig verksamhet Trädgården', unitType: 'daglig_verksamhet', regi: 'extern_utforare', provider: 'Misa AB' },
    { name: 'Daglig verksamhet Åkern', unitType: 'daglig_verksamhet', regi: 'egen_regi', provider: KOMMUN },
  ],
  Hemsjukvård: [
    { name: 'Hemsjukvård Norr', unitType: 'hemsjukvard', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Hemsjukvård Söder', unitType: 'hemsjukvard', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Hemsjukvård Natt', unitType: 'hemsjukvard', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Rehabteamet', unitType: 'hemsjukvard', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Trygghetslarm och nattsjukvård', unitType: 'hemsjukvard', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Palliativa teamet', unitType: 'hemsjukvard', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Demensteamet', unitType: 'hemsjukvard', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Hemsjukvård Landsbygd', unitType: 'hemsjukvard', regi: 'extern_utforare', provider: 'Curera Vård AB' },
  ],
  'Individ- och familjeomsorg': [
    { name: 'Boendestöd Socialpsykiatri', unitType: 'boendestod', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Boendestöd Centrum', unitType: 'boendestod', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Stödboende Bryggan', unitType: 'ifo', regi: 'egen_regi', provider: KOMMUN },
    { name: 'HVB Ankaret', unitType: 'ifo', regi: 'extern_utforare', provider: 'Humana Individ och Familj AB' },
    { name: 'Familjehemsenheten', unitType: 'ifo', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Öppenvården Vägen ut', unitType: 'ifo', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Skyddat boende Fyren', unitType: 'ifo', regi: 'ideell_forening', provider: 'Kvinnojouren i Exempelby' },
    { name: 'Härbärget Stadsmissionen', unitType: 'ifo', regi: 'ideell_forening', provider: 'Exempelby Stadsmission' },
    { name: 'Mottagningsenheten vuxna', unitType: 'ifo', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Träfflokalen Gemenskapen', unitType: 'boendestod', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Korttidsvistelse Solstrålen', unitType: 'lss_gruppbostad', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Boendestöd Unga vuxna', unitType: 'boendestod', regi: 'extern_utforare', provider: 'Stödteamet AB' },
    { name: 'Stödboende Navet', unitType: 'ifo', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Dagverksamhet Mötesplatsen', unitType: 'annan', regi: 'egen_regi', provider: KOMMUN },
    { name: 'Anhörigcentrum', unitType: 'annan', regi: 'egen_regi', provider: KOMMUN },
  ],
};

export interface DemoIds {
  areaIds: Map<string, string>;
  unitIds: string[];
  /** Catalogue, inspectors and the 2025–2027 plan (see seedPlanning.ts for what it holds). */
  planning: DemoPlanning;
}

export function seedDemoMunicipality(db: AppDatabase): DemoIds {
  const { orm, sqlite } = db;
  return sqlite.transaction(() => {
    const areaIds = new Map<string, string>();
    const unitIds: string[] = [];
    const unitIdsByName = new Map<string, string>();
    let managerIndex = 0;
    for (const [areaName, areaUnits] of Object.entries(AREAS)) {
      const areaId = orm.insert(operatingAreas).values({ name: areaName, nameFolded: foldName(areaName), updatedBy: 'exempeldata' }).returning().get().id;
      areaIds.set(areaName, areaId);
      for (const unit of areaUnits) {
        const manager = MANAGERS[managerIndex++ % MANAGERS.length] ?? '';
        const row = orm
          .insert(units)
          .values({
            operatingAreaId: areaId,
            name: unit.name,
            nameFolded: foldName(unit.name),
            unitType: unit.unitType,
            regi: unit.regi,
            provider: unit.provider,
            manager,
            activeFrom: unit.activeFrom ?? null,
            activeTo: unit.activeTo ?? null,
            updatedBy: 'exempeldata',
          })
          .returning()
          .get();
        unitIds.push(row.id);
        unitIdsByName.set(unit.name, row.id);
      }
    }
    const planning = seedPlanning(db);
    seedInspections(db, planning);
    seedLexCasesAndFeedback(db, unitIdsByName);
    seedSelfAssessment(db);
    seedRisks(db, areaIds.get('Hemtjänst') ?? '', unitIdsByName);
    seedDeviations(db);
    seedIndicators(db, areaIds, unitIdsByName);
    // After the risks and deviations: the sessions review those risks and freeze those counts.
    seedAnalysisSessions(db);
    // Last: the council's agenda shows the other areas' views.
    seedCouncil(db);
    return { areaIds, unitIds, planning };
  })();
}
