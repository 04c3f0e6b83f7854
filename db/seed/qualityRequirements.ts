// The starting catalogue of kvalitetskrav, taken from seed 004 (Karlstad, vård- och
// omsorgsförvaltningens ledningssystem): "Vård- och omsorgsförvaltningens kvalitetskrav" and
// "Vård- och omsorgsförvaltningens service- och värdighetsgarantier". Quotes are the seed's own
// words with the OCR errors (å/ä/ö) corrected; anything added for clarity is marked as such.
// The seed says "Utförare ska följa vård- och omsorgsförvaltningens fastställda
// värdighetsgarantier samt följande kvalitetskriterier", so the guarantees are requirements too.

import { UNIT_TYPES, type LegalBasis, type UnitType } from '../domain/codes.ts';

export interface QualityRequirementSeed {
  code: string;
  theme: string;
  title: string;
  description: string;
  /** The guarantee's time limit in days, where the seed states one. */
  deadlineDays: number | null;
  /** What the requirement rests on (the seed names none; chosen from the requirement's subject). */
  legalBases: readonly LegalBasis[];
  /** The verksamhetstyper it applies to; a new inspection of such a unit preselects it. */
  unitTypes: readonly UnitType[];
  /** Judged at the beställare (application to decision), not at a utförare's unit. */
  judgedAtCommissioner: boolean;
}

// Kinds of unit, named once for the tags below.
const CARE_HOMES: readonly UnitType[] = ['sarskilt_boende', 'korttidsboende'];
const LSS_HOMES: readonly UnitType[] = ['lss_gruppbostad', 'lss_servicebostad'];
/** Units carrying out SoL or LSS insatser for individuals (a genomförandeplan belongs to each insats). */
const SOL_LSS_SERVICES: readonly UnitType[] = ['hemtjanst', ...CARE_HOMES, ...LSS_HOMES, 'daglig_verksamhet', 'boendestod', 'ifo'];
/** Units where the municipality's hälso- och sjukvård (HSL) is given. */
const HEALTH_CARE: readonly UnitType[] = [...CARE_HOMES, 'hemsjukvard', 'lss_gruppbostad'];
/** Help given in the person's own home. */
const IN_OWN_HOME: readonly UnitType[] = ['hemtjanst', 'hemsjukvard', 'boendestod'];
const ALL_UNIT_TYPES: readonly UnitType[] = UNIT_TYPES;

export const QUALITY_REQUIREMENT_THEMES = [
  'Genomförande och delaktighet',
  'Personal och kontinuitet',
  'Hälso- och sjukvård',
  'Synpunkter och avvikelser',
  'Service- och värdighetsgarantier',
] as const;

export const QUALITY_REQUIREMENT_SEED: readonly QualityRequirementSeed[] = [
  // --- Kvalitetskrav (seed 004, "Vård- och omsorgsförvaltningens kvalitetskrav") ---
  {
    code: 'K01',
    theme: 'Genomförande och delaktighet',
    title: 'Genomförandeplan med delaktighet',
    description:
      'Alla kunder ska ha en genomförandeplan som säkerställer att kunden är delaktig och har inflytande över sin vård och omsorg. ' +
      'Enligt värdighetsgarantin ska genomförandeplanen påbörjas tillsammans med kunden redan den första dagen och finnas aktuell inom två veckor (se V09).',
    deadlineDays: 14,
    legalBases: ['sol', 'lss', 'sosfs_2014_5'],
    unitTypes: SOL_LSS_SERVICES,
    judgedAtCommissioner: false,
  },
  {
    code: 'K02',
    theme: 'Personal och kontinuitet',
    title: 'Bemanning och kompetens motsvarar uppdraget',
    description: 'Bemanningen ska motsvara verksamhetens uppdrag och medarbetarna ska ha den kompetens som uppdraget kräver.',
    deadlineDays: null,
    legalBases: ['sol', 'lss', 'hsl'],
    unitTypes: ALL_UNIT_TYPES,
    judgedAtCommissioner: false,
  },
  {
    code: 'K03',
    theme: 'Personal och kontinuitet',
    title: 'Omsorgskontinuitet',
    description: 'Utföraren ska arbeta systematiskt för att säkerställa att omsorgskontinuitet uppnås vid utförandet av insatser.',
    deadlineDays: null,
    legalBases: ['sol', 'lss'],
    unitTypes: ['hemtjanst', ...CARE_HOMES, ...LSS_HOMES, 'daglig_verksamhet', 'boendestod', 'hemsjukvard'],
    judgedAtCommissioner: false,
  },
  {
    code: 'K04',
    theme: 'Hälso- och sjukvård',
    title: 'Nationella kvalitetsregister',
    description:
      'Utföraren ska erbjuda patient att medverka i de nationella register som vård- och omsorgsförvaltningen beslutar ' +
      '(Senior alert, BPSD, Palliativregistret med flera).',
    deadlineDays: null,
    legalBases: ['hsl'],
    unitTypes: [...CARE_HOMES, 'hemsjukvard'],
    judgedAtCommissioner: false,
  },
  {
    code: 'K05',
    theme: 'Hälso- och sjukvård',
    title: 'Riskbedömningar',
    description:
      'Utföraren ska erbjuda patienten riskbedömningar. ' +
      '(Förtydligande, inte ur källan: till exempel risk för fall, undernäring, trycksår och ohälsa i munnen, de områden som Senior alert omfattar.)',
    deadlineDays: null,
    legalBases: ['hsl', 'sosfs_2014_10'],
    unitTypes: HEALTH_CARE,
    judgedAtCommissioner: false,
  },
  {
    code: 'K06',
    theme: 'Hälso- och sjukvård',
    title: 'Vårdplan för riskbedömd patient',
    description: 'Utföraren ska tillse att riskbedömd patient har en vårdplan innehållande utredning, åtgärder, uppföljning och resultat.',
    deadlineDays: null,
    legalBases: ['hsl', 'hslf_fs_2016_40'],
    unitTypes: HEALTH_CARE,
    judgedAtCommissioner: false,
  },
  {
    code: 'K07',
    theme: 'Hälso- och sjukvård',
    title: 'Måltidsordning över hela dygnet',
    description:
      'Utförare som bedriver verksamhet med ansvar för heldygnskost (planering, inköp, servering) ska upprätta och tillämpa instruktioner ' +
      'för hela dygnets måltidsordning i enlighet med vård- och omsorgsförvaltningens riktlinjer gällande nutrition. ' +
      '(Förtydligande, inte ur källan: dit hör att nattfastan inte blir för lång.)',
    deadlineDays: null,
    legalBases: ['sol', 'sosfs_2014_10'],
    unitTypes: [...CARE_HOMES, 'lss_gruppbostad'],
    judgedAtCommissioner: false,
  },
  {
    code: 'K08',
    theme: 'Synpunkter och avvikelser',
    title: 'Rapportering av risker och vårdskador',
    description:
      'Utföraren ska säkerställa att risker för vårdskador samt händelser som medfört eller hade kunnat medföra en vårdskada ' +
      'rapporteras enligt vård- och omsorgsförvaltningens riktlinje.',
    deadlineDays: null,
    legalBases: ['psl', 'sosfs_2011_9'],
    unitTypes: ['hemtjanst', ...HEALTH_CARE, 'lss_servicebostad'],
    judgedAtCommissioner: false,
  },
  {
    code: 'K09',
    theme: 'Synpunkter och avvikelser',
    title: 'Synpunkter och klagomål',
    description: 'Utföraren ska hantera synpunkter och klagomål på verksamheten som en del i det systematiska kvalitetsarbetet.',
    deadlineDays: null,
    legalBases: ['sosfs_2011_9'],
    unitTypes: ALL_UNIT_TYPES,
    judgedAtCommissioner: false,
  },
  {
    code: 'K10',
    theme: 'Synpunkter och avvikelser',
    title: 'Lex Sarah',
    description: 'Utföraren ska uppmärksamma, utreda och hantera missförhållanden i enlighet med bestämmelserna om lex Sarah.',
    deadlineDays: null,
    legalBases: ['sol', 'lss', 'sosfs_2011_5'],
    unitTypes: SOL_LSS_SERVICES,
    judgedAtCommissioner: false,
  },

  // --- Service- och värdighetsgarantier (seed 004), in the seed's order ---
  {
    code: 'V01',
    theme: 'Service- och värdighetsgarantier',
    title: 'En kontakt räcker',
    description:
      'Vi garanterar att du endast behöver ta en kontakt när du ska nå en handläggare eller annan personal. Den du talat med ansvarar för ' +
      'att den du söker, eller den som kan hjälpa dig i ditt ärende, tar kontakt med dig senast nästkommande dag.',
    deadlineDays: 1,
    legalBases: ['kommunalt_beslut'],
    unitTypes: ALL_UNIT_TYPES,
    judgedAtCommissioner: false,
  },
  {
    code: 'V02',
    theme: 'Service- och värdighetsgarantier',
    title: 'Fixarservice inom en vecka',
    description:
      'Vi garanterar att du som har trygghetslarm eller är 75 år eller äldre kan få Fixarservice inom en vecka från att du kontaktat oss.',
    deadlineDays: 7,
    legalBases: ['kommunalt_beslut'],
    unitTypes: ['annan'],
    judgedAtCommissioner: false,
  },
  {
    code: 'V03',
    theme: 'Service- och värdighetsgarantier',
    title: 'Beslut om hemtjänstinsatser',
    description: 'Vi garanterar att det tar så här lång tid som längst från ansökan till beslut: hemtjänstinsatser – två veckor.',
    deadlineDays: 14,
    legalBases: ['kommunalt_beslut', 'sol'],
    unitTypes: ['hemtjanst'],
    judgedAtCommissioner: true,
  },
  {
    code: 'V04',
    theme: 'Service- och värdighetsgarantier',
    title: 'Beslut om boende inom äldreomsorgen',
    description: 'Vi garanterar att det tar så här lång tid som längst från ansökan till beslut: boende inom äldreomsorgen – fyra veckor.',
    deadlineDays: 28,
    legalBases: ['kommunalt_beslut', 'sol'],
    unitTypes: CARE_HOMES,
    judgedAtCommissioner: true,
  },
  {
    code: 'V05',
    theme: 'Service- och värdighetsgarantier',
    title: 'Beslut om insatser inom funktionsstöd',
    description: 'Vi garanterar att det tar så här lång tid som längst från ansökan till beslut: insatser inom funktionsstöd – tre månader.',
    // "Tre månader" counted as 90 days; the seed gives months, not days.
    deadlineDays: 90,
    legalBases: ['kommunalt_beslut', 'lss'],
    unitTypes: [...LSS_HOMES, 'daglig_verksamhet'],
    judgedAtCommissioner: true,
  },
  {
    code: 'V06',
    theme: 'Service- och värdighetsgarantier',
    title: 'Beslut om avgifter',
    description: 'Vi garanterar att det tar så här lång tid som längst från ansökan till beslut: beslut om avgifter – fyra veckor.',
    deadlineDays: 28,
    legalBases: ['kommunalt_beslut', 'sol'],
    unitTypes: ['hemtjanst', ...CARE_HOMES, 'hemsjukvard'],
    judgedAtCommissioner: true,
  },
  {
    code: 'V07',
    theme: 'Service- och värdighetsgarantier',
    title: 'Information och rådgivning om hjälpmedel',
    description: 'Vi garanterar att du kan få information och rådgivning om hjälpmedel varje dag mellan klockan 10.00 och 16.00.',
    deadlineDays: null,
    legalBases: ['kommunalt_beslut', 'hsl'],
    unitTypes: ['hemsjukvard'],
    judgedAtCommissioner: false,
  },
  {
    code: 'V08',
    theme: 'Service- och värdighetsgarantier',
    title: 'Kontakt efter beviljad LSS-insats',
    description:
      'Vi garanterar att när du blivit beviljad stöd och service enligt LSS ska du bli kontaktad inom två veckor av den verksamhet som ska hjälpa och stödja dig.',
    deadlineDays: 14,
    legalBases: ['kommunalt_beslut', 'lss'],
    unitTypes: [...LSS_HOMES, 'daglig_verksamhet'],
    judgedAtCommissioner: false,
  },
  {
    code: 'V09',
    theme: 'Service- och värdighetsgarantier',
    title: 'Genomförandeplan inom två veckor',
    description:
      'Vi garanterar att genomförandeplanen, planeringen för hur din hjälp och ditt stöd ska utföras, ska påbörjas tillsammans med dig redan den första dagen ' +
      'du får hjälp. Inom två veckor ska det finnas en aktuell genomförandeplan. Vi garanterar även att personalen känner till, uppdaterar och följer din genomförandeplan.',
    deadlineDays: 14,
    legalBases: ['kommunalt_beslut', 'sol', 'lss', 'sosfs_2014_5'],
    unitTypes: SOL_LSS_SERVICES,
    judgedAtCommissioner: false,
  },
  {
    code: 'V10',
    theme: 'Service- och värdighetsgarantier',
    title: 'Kontaktpersonal',
    description:
      'Vi garanterar att du som har hjälp och stöd en eller flera gånger i veckan ska ha möjlighet att träffa din kontaktpersonal minst en gång per vecka ' +
      'i samband med att du får din hjälp. Om du vill byta kontaktpersonal ska vi utse en ny person inom en vecka.',
    deadlineDays: 7,
    legalBases: ['kommunalt_beslut'],
    unitTypes: ['hemtjanst', ...CARE_HOMES, ...LSS_HOMES, 'daglig_verksamhet', 'boendestod'],
    judgedAtCommissioner: false,
  },
  {
    code: 'V11',
    theme: 'Service- och värdighetsgarantier',
    title: 'Aktivitet varje vecka',
    description:
      'Vi garanterar att du, som inte har en egen förmåga till aktiviteter, ska bli erbjuden att delta i minst en aktivitet i veckan. ' +
      'Aktiviteten ska vara anpassad efter dina behov och du ska ha möjlighet att själv välja aktivitet.',
    // A recurring frequency (once a week), not a time limit from an event.
    deadlineDays: null,
    legalBases: ['kommunalt_beslut'],
    unitTypes: [...CARE_HOMES, 'lss_gruppbostad'],
    judgedAtCommissioner: false,
  },
  {
    code: 'V12',
    theme: 'Service- och värdighetsgarantier',
    title: 'Välkomstsamtal och uppföljningssamtal',
    description:
      'Vi garanterar att du som ny kund blir erbjuden ett välkomstsamtal inom två veckor. Två till fyra veckor efter välkomstsamtalet, ' +
      'eller senare om du så önskar, garanterar vi att du blir erbjuden ett uppföljningssamtal.',
    deadlineDays: 14,
    legalBases: ['kommunalt_beslut'],
    unitTypes: ['hemtjanst', ...CARE_HOMES, 'boendestod'],
    judgedAtCommissioner: false,
  },
  {
    code: 'V13',
    theme: 'Service- och värdighetsgarantier',
    title: 'Hälsogenomgång vid inflyttning',
    description: 'Vi garanterar dig som flyttat in på ett vårdboende att inom fyra veckor få en hälsogenomgång.',
    deadlineDays: 28,
    legalBases: ['kommunalt_beslut', 'hsl'],
    unitTypes: ['sarskilt_boende'],
    judgedAtCommissioner: false,
  },
  {
    code: 'V14',
    theme: 'Service- och värdighetsgarantier',
    title: 'Ringa eller knacka',
    description: 'Vi garanterar att alltid ringa eller knacka på innan vi kommer in till dig.',
    deadlineDays: null,
    legalBases: ['kommunalt_beslut'],
    unitTypes: [...IN_OWN_HOME, ...CARE_HOMES, ...LSS_HOMES],
    judgedAtCommissioner: false,
  },
  {
    code: 'V15',
    theme: 'Service- och värdighetsgarantier',
    title: 'Namnskylt eller tjänst-id',
    description: 'Vi garanterar att personalen som besöker dig i ditt hem alltid bär namnskylt eller tjänst-id synligt.',
    deadlineDays: null,
    legalBases: ['kommunalt_beslut'],
    unitTypes: IN_OWN_HOME,
    judgedAtCommissioner: false,
  },
  {
    code: 'V16',
    theme: 'Service- och värdighetsgarantier',
    title: 'Avtalad tid',
    description:
      'Vi garanterar att personalen kommer på avtalad tid -/+ 20 minuter. Vid längre förseningar meddelar vi dig detta.',
    deadlineDays: null,
    legalBases: ['kommunalt_beslut'],
    unitTypes: IN_OWN_HOME,
    judgedAtCommissioner: false,
  },
];
