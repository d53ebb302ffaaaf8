import { catalogDraft, catalogKpi, KPI_CATALOG, type KpiDraft, type Text } from './catalog';
import {
  addDays,
  addMonths,
  formatIsoDate,
  parseIsoDate,
  toDayNumber,
  type DateRange,
} from './dates';
import { expectedDropFor, focusRules, type Focus } from './focus';
import { DEFAULT_LOOP_LENGTH, defaultBaseline, loopRange } from './periods';
import type { Result } from './result';
import { suggestTarget } from './targets';
import { DEFAULT_TARGET_STEP, defaultJudgementDate } from './wizard';

/**
 * The demo plan behind "Try with example data": six finished two-month loops of a Dutch care
 * employer, with numbers that show every feature once (an expected trade-off, a change that
 * could be chance, a seasonal dip, a mid-loop strategy change, targets met and missed).
 * Pure and deterministic: the same `today` and locale always give the same data.
 */
export type ExampleData = {
  plan: {
    organisation: string;
    loopLength: { unit: 'months'; count: 2 };
    firstLoopStart: string;
    defaultComparison: 'previousLoop';
    currency: 'EUR';
    valuePerHire: number;
    example: true;
    notes: string;
  };
  /** Catalog KPIs in catalog (display) order. */
  kpis: KpiDraft[];
  loops: {
    index: number;
    focus: Focus;
    strategy: string;
    expectationsNotes: string;
    judgementDate: string;
    insights: { targetGroup: string; reaction: string; journey: string };
    budget: { brand: number; recruitment: number };
    wizardStep: 4;
  }[];
  /** `kpi` is a catalog key. */
  targets: { loop: number; kpi: string; value: number; basis: 'baseline' | 'previousLoop' }[];
  /** `kpi` is a catalog key. */
  measurements: {
    kpi: string;
    start: string;
    end: string;
    value: number | null;
    source: 'manual' | 'analytics' | 'ads' | 'ats' | 'survey';
  }[];
  campaigns: {
    loop: number;
    name: string;
    channel: string;
    start: string;
    end: string;
    budget: number;
    side: 'brand' | 'recruitment';
  }[];
  loopChanges: { loop: number; date: string; what: string; why: string }[];
};

type Locale = 'nl' | 'en';
type Measurement = ExampleData['measurements'][number];

/** Number of loops in the example; all of them end before today's month. */
export const EXAMPLE_LOOPS = 6;

/** The catalog keys of the example's KPIs (stored in catalog order). */
export const EXAMPLE_KPIS = [
  'reach',
  'impressions',
  'engagements',
  'careerSiteVisits',
  'timeOnSite',
  'pagesPerVisitor',
  'applicationsStarted',
  'applicationsCompleted',
  'hires',
  'spend',
  'costPerHire',
  'applicationRate',
  'talentPool1to3',
  'brandAwareness',
  'timeToHire',
] as const;

/** The focus of each loop, loop 1 first. */
const FOCUS: readonly Focus[] = [
  'reach',
  'reach',
  'traffic',
  'conversion',
  'conversion',
  'talentPool',
];

/** One value per period: the baseline first, then loops 1–6. */
type Story = readonly [number, number, number, number, number, number, number];

/**
 * The story in numbers. Loop 2 (reach) lifts reach while visits get shallower; loop 3
 * (traffic) lifts visits and applications clearly while hires move 12 → 14 (chance); loop 4
 * converts best; loop 5 is the seasonal dip; loop 6 grows the talent pool while applications
 * ease off, as that focus predicts. Careers site visits are spread over the days below.
 */
const STORY: Record<string, Story> = {
  reach: [18_000, 42_000, 68_000, 51_000, 47_000, 39_000, 55_000],
  impressions: [52_000, 128_000, 214_000, 148_000, 139_000, 112_000, 161_000],
  engagements: [640, 1_520, 2_380, 2_610, 1_940, 1_480, 2_720],
  careerSiteVisits: [4_120, 5_640, 7_310, 10_900, 11_400, 7_100, 8_500],
  timeOnSite: [96, 88, 71, 104, 92, 90, 101],
  pagesPerVisitor: [3.1, 2.8, 2.2, 3.4, 2.9, 2.8, 3.2],
  applicationsStarted: [150, 176, 198, 275, 318, 205, 200],
  applicationsCompleted: [82, 94, 101, 150, 186, 112, 108],
  hires: [9, 11, 12, 14, 17, 13, 15],
  spend: [2_900, 7_940, 10_180, 7_420, 8_260, 5_870, 6_610],
  talentPool1to3: [310, 420, 610, 680, 720, 745, 1_040],
  timeToHire: [48, 46, 47, 44, 38, 41, 39],
};

/** Brand awareness comes from a survey every four months: loops 2, 4 and 6 only. */
const BRAND_AWARENESS: Record<number, number> = { 2: 18, 4: 21, 6: 24 };

const SOURCES: Record<string, Measurement['source']> = {
  reach: 'ads',
  impressions: 'ads',
  engagements: 'ads',
  spend: 'ads',
  careerSiteVisits: 'analytics',
  timeOnSite: 'analytics',
  pagesPerVisitor: 'analytics',
  applicationsStarted: 'ats',
  applicationsCompleted: 'ats',
  hires: 'ats',
  timeToHire: 'ats',
  talentPool1to3: 'ats',
  brandAwareness: 'survey',
};

/** KPIs that get a target in every loop, unless the loop's focus expects them to drop. */
const TARGET_KPIS = ['reach', 'careerSiteVisits', 'applicationsCompleted', 'hires', 'timeOnSite'];

/** Visits per weekday, Monday first: people look for jobs in the week, less at weekends. */
const WEEKDAY = [1.18, 1.12, 1.08, 1.04, 0.92, 0.66, 0.8];

/** After the mid-loop change in loop 4 the lead ads bring more visits. */
const AFTER_CHANGE = 1.15;

/** The value of a result the example built from valid dates itself. */
function must<T>(result: Result<T>): T {
  if (!result.ok) throw new RangeError(`example data: ${result.error.code}`);
  return result.value;
}

/** A small, fixed day-to-day wobble (0.9–1.1) so the daily line looks measured, not drawn. */
function wobble(day: number): number {
  const h = Math.imul(day ^ 0x5bd1e995, 0x9e3779b1) >>> 0;
  return 0.9 + ((h % 1000) / 1000) * 0.2;
}

/**
 * Splits `total` over the days of `range` by weekday, wobble and `boost`, as whole numbers
 * that add up to exactly `total` (largest remainders get the leftover units).
 */
function spreadOverDays(
  range: DateRange,
  total: number,
  boost: (date: string) => number,
): { date: string; value: number }[] {
  const first = toDayNumber(range.start);
  const days = toDayNumber(range.end) - first + 1;
  const weights = Array.from({ length: days }, (_, i) => {
    const day = first + i;
    const weekday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday.
    return (WEEKDAY[weekday] ?? 1) * wobble(day) * boost(addDays(range.start, i));
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const values = raw.map(Math.floor);
  let left = total - values.reduce((a, b) => a + b, 0);
  const order = raw
    .map((r, i) => ({ i, rest: r - Math.floor(r) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    values[i] = (values[i] ?? 0) + 1;
    left--;
  }
  return values.map((value, i) => ({ date: addDays(range.start, i), value }));
}

/** Holidays that make a two-month period quiet, most disruptive first, with their months. */
const HOLIDAYS: { months: number[]; name: Text }[] = [
  { months: [7, 8], name: { nl: 'de zomervakantie', en: 'the summer holidays' } },
  { months: [12, 1], name: { nl: 'de kerstvakantie', en: 'the Christmas holidays' } },
  { months: [4, 5], name: { nl: 'Pasen en de meivakantie', en: 'Easter and the May holidays' } },
  { months: [9, 10], name: { nl: 'de herfstvakantie', en: 'the autumn half-term' } },
  { months: [2, 3], name: { nl: 'de voorjaarsvakantie', en: 'the spring half-term' } },
];

/** The holiday season that explains the dip in a range (summer for July–August). */
function holidayOf(range: DateRange): Text {
  const a = Number(range.start.slice(5, 7));
  const b = Number(range.end.slice(5, 7));
  const found = HOLIDAYS.find((h) => h.months.includes(a) || h.months.includes(b));
  return (found ?? HOLIDAYS[0])?.name ?? { nl: '', en: '' };
}

type LoopText = {
  strategy: Text;
  expectationsNotes: Text;
  targetGroup: Text;
  reaction: Text;
  journey: Text;
};

/** What the marketer wrote per loop; loop 5's dip is named after its holiday season. */
function loopTexts(h: Text): LoopText[] {
  return [
    {
      strategy: {
        nl: "Naamsbekendheid opbouwen in de regio: korte video's van eigen medewerkers uit de wijkverpleging en het verpleeghuis op Facebook en Instagram, gericht op zorgprofessionals binnen 25 km. Daarnaast gesponsorde vacatures op Indeed voor de meest urgente functies.",
        en: 'Build awareness in the region: short videos of our own staff from district nursing and the nursing home on Facebook and Instagram, aimed at care professionals within 25 km. Alongside, sponsored vacancies on Indeed for the most urgent roles.',
      },
      expectationsNotes: {
        nl: "We verwachten veel meer bereik en bezoek. Nieuwe bezoekers kijken kort rond: tijd op site en pagina's per bezoeker mogen dalen. Oordeel na één loop niet op het aantal hires.",
        en: 'We expect much more reach and more visits. New visitors browse briefly: time on site and pages per visitor may fall. Do not judge on hires after one loop.',
      },
      targetGroup: {
        nl: "Verzorgenden IG en verpleegkundigen van 25 tot 45 jaar reageren het meest op video's van collega's; ervaren wijkverpleegkundigen zien we nauwelijks.",
        en: 'Carers (level 3) and nurses aged 25 to 45 respond most to videos of colleagues; we hardly reach experienced district nurses.',
      },
      reaction: {
        nl: "Video's over roosters en reistijd krijgen de meeste reacties; vragen gaan over parttime werken en weekenddiensten.",
        en: 'Videos about rosters and travel time get the most reactions; questions are about part-time work and weekend shifts.',
      },
      journey: {
        nl: 'Op de vacaturepagina zetten we salaris en diensten bovenaan.',
        en: 'The vacancy page will show pay and shifts at the top.',
      },
    },
    {
      strategy: {
        nl: 'Bereik verbreden: dezelfde medewerkersverhalen ook op TikTok, plus een campagne op LinkedIn voor herintreders en zij-instromers. Meer budget naar bereik, minder naar vacatureadvertenties.',
        en: 'Widen reach: the same staff stories on TikTok too, plus a LinkedIn campaign for returners and career changers. More budget for reach, less for job ads.',
      },
      expectationsNotes: {
        nl: "Bereik en weergaven moeten flink stijgen. Er komen veel nieuwe bezoekers die nog oriënteren: tijd op site, pagina's per bezoeker en de sollicitatieratio zullen dalen. Dat is verwacht, geen mislukking.",
        en: 'Reach and impressions should rise sharply. Many new visitors are only looking around: time on site, pages per visitor and the application rate will fall. That is expected, not a failure.',
      },
      targetGroup: {
        nl: 'Zij-instromers van 35 tot 50 jaar uit retail en horeca zijn een grote nieuwe groep; zij willen vooral weten of de opleiding wordt betaald.',
        en: 'Career changers aged 35 to 50 from retail and hospitality are a large new group; above all they want to know whether training is paid for.',
      },
      reaction: {
        nl: 'Veel klikken, weinig doorlezen: de meeste nieuwe bezoekers bekeken één pagina.',
        en: 'Many clicks, little reading on: most new visitors viewed one page.',
      },
      journey: {
        nl: 'Volgende loop verbeteren we de site zelf, zodat bezoekers blijven: verhalen van collega’s, een pagina over leren en werken, en een duidelijke route naar de vacatures.',
        en: 'Next loop we improve the site itself so that visitors stay: stories of colleagues, a page about learning while working, and a clear route to the vacancies.',
      },
    },
    {
      strategy: {
        nl: "Kwaliteit van het bezoek: nieuwe pagina's over leren en werken en over de teams, medewerkersverhalen op de site, en zoekadvertenties op 'werken in de zorg' in de regio. Minder budget voor breed bereik.",
        en: "Quality of visits: new pages about learning while working and about the teams, staff stories on the site, and search ads on 'working in care' in the region. Less budget for broad reach.",
      },
      expectationsNotes: {
        nl: "Tijd op site en pagina's per bezoeker moeten stijgen. Bereik en weergaven dalen, omdat het budget verschuift. Een paar hires meer of minder zegt nog niets.",
        en: 'Time on site and pages per visitor should rise. Reach and impressions fall because the budget shifts. A few hires more or fewer mean nothing yet.',
      },
      targetGroup: {
        nl: 'Bezoekers via zoekmachines zijn vaker al opgeleid en vergelijken werkgevers op rooster en reistijd.',
        en: 'Visitors from search engines are more often qualified already and compare employers on rosters and travel time.',
      },
      reaction: {
        nl: 'De pagina over leren en werken wordt het langst gelezen, en meer bezoekers ronden een sollicitatie af.',
        en: 'The page about learning while working is read longest, and more visitors complete an application.',
      },
      journey: {
        nl: 'Het sollicitatieformulier is te lang (12 vragen): bijna de helft haakt af. Volgende loop ligt de focus op conversie.',
        en: 'The application form is too long (12 questions): almost half drop out. Next loop the focus is on conversion.',
      },
    },
    {
      strategy: {
        nl: 'Conversie: een korter sollicitatieformulier (4 vragen, cv niet verplicht), de belofte om binnen twee werkdagen terug te bellen, en vacatureadvertenties op LinkedIn voor de nachtdienst en de wijkteams.',
        en: 'Conversion: a shorter application form (4 questions, CV optional), a promise to call back within two working days, and job ads on LinkedIn for the night shift and the district teams.',
      },
      expectationsNotes: {
        nl: 'Gestarte en afgeronde sollicitaties en hires moeten stijgen, en de time to hire moet korter worden. Mensen komen, solliciteren en gaan: tijd op site mag dalen.',
        en: 'Applications started and completed and hires should rise, and time to hire should get shorter. People come, apply and leave: time on site may fall.',
      },
      targetGroup: {
        nl: 'Op de nachtdienst reageren vooral mensen die al in de zorg werken en minder dagdiensten willen.',
        en: 'The night shift mainly draws people who already work in care and want fewer day shifts.',
      },
      reaction: {
        nl: 'Het korte formulier werkt: veel meer afgeronde sollicitaties. LinkedIn bracht vooral reacties op kantoorfuncties; daarom halverwege overgestapt naar Facebook en Instagram.',
        en: 'The short form works: many more completed applications. LinkedIn mostly brought responses for office roles, so we switched to Facebook and Instagram halfway.',
      },
      journey: {
        nl: 'Binnen twee werkdagen terugbellen houden we vast. Let op: door de wijziging halverwege is de vergelijking van deze loop zwakker.',
        en: 'We keep calling back within two working days. Note: the mid-loop change makes this loop’s comparison weaker.',
      },
    },
    {
      strategy: {
        nl: `Conversie vasthouden tijdens ${h.nl}: vakantiewerk en een flexpool voor studenten, en een open dag op een van onze locaties. Het korte formulier blijft.`,
        en: `Keep conversion going during ${h.en}: holiday jobs and a flexible pool for students, and an open day at one of our locations. The short form stays.`,
      },
      expectationsNotes: {
        nl: `Tijdens ${h.nl} zoeken minder mensen werk: bezoek en sollicitaties zullen lager liggen dan vorige loop. Lees die daling als seizoen, niet als het falen van de aanpak.`,
        en: `During ${h.en} fewer people look for work: visits and applications will be lower than last loop. Read that drop as the season, not as the approach failing.`,
      },
      targetGroup: {
        nl: 'Studenten verpleegkunde reageren goed op vakantiewerk; een deel wil daarna een bijbaan bij ons.',
        en: 'Nursing students respond well to holiday work; some of them want a side job with us afterwards.',
      },
      reaction: {
        nl: `Minder bezoek en minder sollicitaties door ${h.nl}, maar het deel van de bezoekers dat solliciteert bleef bijna gelijk.`,
        en: `Fewer visits and fewer applications because of ${h.en}, but the share of visitors who apply stayed almost the same.`,
      },
      journey: {
        nl: 'Mensen die nu nog niet willen overstappen, willen we niet kwijtraken: volgende loop bouwen we de talentpool op.',
        en: 'People who are not ready to switch yet should not be lost: next loop we build the talent pool.',
      },
    },
    {
      strategy: {
        nl: "Talentpool opbouwen: een maandelijkse nieuwsbrief 'Werken in de wijk', een online kennismaking met een wijkteam, en retargeting van sitebezoekers naar een inschrijving voor de talentpool.",
        en: "Build the talent pool: a monthly newsletter 'Working in the district', an online meet-the-team session with a district team, and retargeting of site visitors towards signing up for the talent pool.",
      },
      expectationsNotes: {
        nl: 'De talentpool moet groeien. Sollicitaties kunnen even dalen, omdat we mensen eerst warm houden. Naamsbekendheid meten we opnieuw met het onderzoek dat we elke vier maanden doen.',
        en: 'The talent pool should grow. Applications may dip for a while because we nurture people first. Brand awareness is measured again in the survey we run every four months.',
      },
      targetGroup: {
        nl: 'Ruim duizend mensen in de talentpool met 1 tot 3 interacties; de meesten werken al in de zorg en kijken rond.',
        en: 'Over a thousand people in the talent pool with 1 to 3 interactions; most already work in care and are looking around.',
      },
      reaction: {
        nl: 'De online kennismaking trok veel aanmeldingen, en de nieuwsbrief wordt goed geopend.',
        en: 'The online meet-the-team drew many sign-ups, and the newsletter is opened well.',
      },
      journey: {
        nl: 'Volgende stap: mensen uit de talentpool persoonlijk benaderen als er een vacature in hun buurt opengaat.',
        en: 'Next step: approach people in the talent pool personally when a vacancy opens near them.',
      },
    },
  ];
}

/**
 * The campaigns per loop. `from` and `to` are days after the loop's start and before its end;
 * `'change'` is the day of loop 4's strategy change (a campaign ends the day before it).
 */
const CAMPAIGNS: {
  loop: number;
  name: Text;
  channel: Text;
  from: number | 'change';
  to: number | 'change';
  budget: number;
  side: 'brand' | 'recruitment';
}[] = [
  {
    loop: 1,
    name: { nl: "Video's 'Een dag bij De Linde'", en: "Videos 'A day at De Linde'" },
    channel: { nl: 'Facebook en Instagram', en: 'Facebook and Instagram' },
    from: 3,
    to: 5,
    budget: 5_500,
    side: 'brand',
  },
  {
    loop: 1,
    name: { nl: 'Gesponsorde vacatures verpleging', en: 'Sponsored nursing vacancies' },
    channel: { nl: 'Indeed', en: 'Indeed' },
    from: 0,
    to: 0,
    budget: 2_500,
    side: 'recruitment',
  },
  {
    loop: 2,
    name: {
      nl: "Bereikcampagne 'Zorg met aandacht'",
      en: "Reach campaign 'Care that pays attention'",
    },
    channel: { nl: 'TikTok, Facebook en Instagram', en: 'TikTok, Facebook and Instagram' },
    from: 0,
    to: 3,
    budget: 7_000,
    side: 'brand',
  },
  {
    loop: 2,
    name: { nl: 'Herintreders en zij-instromers', en: 'Returners and career changers' },
    channel: { nl: 'LinkedIn', en: 'LinkedIn' },
    from: 7,
    to: 0,
    budget: 3_000,
    side: 'recruitment',
  },
  {
    loop: 3,
    name: {
      nl: 'Medewerkersverhalen op de werken-bij site',
      en: 'Staff stories on the careers site',
    },
    channel: {
      nl: 'Facebook en Instagram (retargeting)',
      en: 'Facebook and Instagram (retargeting)',
    },
    from: 0,
    to: 0,
    budget: 4_000,
    side: 'brand',
  },
  {
    loop: 3,
    name: { nl: "Zoekadvertenties 'werken in de zorg'", en: "Search ads 'working in care'" },
    channel: { nl: 'Google Ads', en: 'Google Ads' },
    from: 0,
    to: 0,
    budget: 3_500,
    side: 'recruitment',
  },
  {
    loop: 4,
    name: {
      nl: 'Vacatures nachtdienst en wijkteams',
      en: 'Night shift and district team vacancies',
    },
    channel: { nl: 'LinkedIn', en: 'LinkedIn' },
    from: 0,
    to: 'change',
    budget: 3_000,
    side: 'recruitment',
  },
  {
    loop: 4,
    name: {
      nl: 'Leadadvertenties met het korte sollicitatieformulier',
      en: 'Lead ads with the short application form',
    },
    channel: { nl: 'Facebook en Instagram', en: 'Facebook and Instagram' },
    from: 'change',
    to: 0,
    budget: 5_000,
    side: 'recruitment',
  },
  {
    loop: 5,
    name: { nl: 'Vakantiewerk en flexpool voor studenten', en: 'Holiday work and a student pool' },
    channel: { nl: 'Instagram en TikTok', en: 'Instagram and TikTok' },
    from: 0,
    to: 0,
    budget: 4_500,
    side: 'recruitment',
  },
  {
    loop: 5,
    name: { nl: 'Open dag in verpleeghuis De Linde', en: 'Open day at De Linde nursing home' },
    channel: { nl: 'Facebook en lokale media', en: 'Facebook and local media' },
    from: 14,
    to: 21,
    budget: 1_500,
    side: 'brand',
  },
  {
    loop: 6,
    name: {
      nl: "Nieuwsbrief 'Werken in de wijk' en online kennismaking",
      en: "Newsletter 'Working in the district' and online meet-the-team",
    },
    channel: { nl: 'E-mail en LinkedIn', en: 'Email and LinkedIn' },
    from: 0,
    to: 0,
    budget: 3_500,
    side: 'brand',
  },
  {
    loop: 6,
    name: { nl: 'Retargeting naar de talentpool', en: 'Retargeting to the talent pool' },
    channel: { nl: 'Facebook en Instagram', en: 'Facebook and Instagram' },
    from: 7,
    to: 0,
    budget: 3_000,
    side: 'brand',
  },
];

/** The loop with the logged mid-loop strategy change, and how many days after its start. */
const CHANGE_LOOP = 4;
const CHANGE_AFTER_DAYS = 30;

const CHANGE: { what: Text; why: Text } = {
  what: {
    nl: 'Budget verschoven van LinkedIn-vacatures naar leadadvertenties op Facebook en Instagram met het korte formulier.',
    en: 'Moved budget from LinkedIn job ads to lead ads on Facebook and Instagram with the short form.',
  },
  why: {
    nl: 'Na vier weken bracht LinkedIn vooral reacties op kantoorfuncties en nauwelijks op de nachtdienst, die dringend bezet moet worden.',
    en: 'After four weeks LinkedIn had mostly brought responses for office roles and hardly any for the night shift, which urgently needs staff.',
  },
};

const ORGANISATION: Text = {
  nl: 'Voorbeeld: Zorggroep De Linde',
  en: 'Example: De Linde Care Group',
};

const NOTES: Text = {
  nl: 'Een voorbeeldplan met verzonnen cijfers, om Talentloop te verkennen. Zes leerloops van twee maanden laten zien hoe een focus op bereik de kwaliteit van bezoek laat dalen, hoe een klein verschil in hires toeval kan zijn, hoe een seizoensdip eruitziet en wat een strategiewijziging halverwege met de vergelijking doet. Verwijder het plan gerust als je klaar bent.',
  en: 'An example plan with made-up numbers, to explore Talentloop. Six two-month learning loops show how a reach focus lowers the quality of visits, how a small difference in hires can be chance, what a seasonal dip looks like and what a mid-loop strategy change does to the comparison. Feel free to delete the plan when you are done.',
};

/** What one hire is worth to the example employer: agency fees and vacancy costs avoided. */
const VALUE_PER_HIRE = 8_500;

/**
 * The example plan for "Try with example data", in the given language: six finished loops,
 * the first starting 12 months before `today`'s month, with the baseline just before it.
 * Throws a RangeError when `today` is not a real `YYYY-MM-DD` date (a programming error).
 */
export function exampleData(today: string, locale: Locale): ExampleData {
  const parts = parseIsoDate(today);
  if (!parts) throw new RangeError(`not a date: ${today}`);
  const firstLoopStart = addMonths(formatIsoDate(parts.y, parts.m, 1), -12);
  const length = DEFAULT_LOOP_LENGTH;
  const periods: DateRange[] = [must(defaultBaseline(firstLoopStart, length))];
  for (let n = 1; n <= EXAMPLE_LOOPS; n++) periods.push(must(loopRange(firstLoopStart, length, n)));
  const loopOf = (n: number): DateRange => periods[n] ?? must(loopRange(firstLoopStart, length, n));
  const changeDate = addDays(loopOf(CHANGE_LOOP).start, CHANGE_AFTER_DAYS);

  const kpis = KPI_CATALOG.filter((def) =>
    (EXAMPLE_KPIS as readonly string[]).includes(def.key),
  ).map(catalogDraft);

  const measurements: Measurement[] = [];
  for (const draft of kpis) {
    const key = draft.catalogKey ?? '';
    const source = SOURCES[key];
    if (!source) continue; // Ratio KPIs are computed from their parts.
    if (key === 'careerSiteVisits') {
      periods.forEach((range, n) => {
        const boost = (date: string) =>
          n === CHANGE_LOOP && date >= changeDate ? AFTER_CHANGE : 1;
        for (const { date, value } of spreadOverDays(
          range,
          STORY.careerSiteVisits?.[n] ?? 0,
          boost,
        ))
          measurements.push({ kpi: key, start: date, end: date, value, source });
      });
    } else if (key === 'brandAwareness') {
      for (const [n, value] of Object.entries(BRAND_AWARENESS)) {
        const range = loopOf(Number(n));
        measurements.push({ kpi: key, start: range.start, end: range.end, value, source });
      }
    } else {
      const story = STORY[key];
      if (!story) continue;
      periods.forEach((range, n) =>
        measurements.push({ kpi: key, ...range, value: story[n] ?? null, source }),
      );
    }
  }

  const campaigns: ExampleData['campaigns'] = CAMPAIGNS.map((c) => {
    const range = loopOf(c.loop);
    return {
      loop: c.loop,
      name: c.name[locale],
      channel: c.channel[locale],
      start: c.from === 'change' ? changeDate : addDays(range.start, c.from),
      end: c.to === 'change' ? addDays(changeDate, -1) : addDays(range.end, -c.to),
      budget: c.budget,
      side: c.side,
    };
  });

  const texts = loopTexts(holidayOf(loopOf(5)));
  const loops: ExampleData['loops'] = FOCUS.map((focus, i) => {
    const index = i + 1;
    const text = texts[i];
    const pick = (t: Text | undefined) => t?.[locale] ?? '';
    const budget = { brand: 0, recruitment: 0 };
    for (const c of CAMPAIGNS) if (c.loop === index) budget[c.side] += c.budget;
    return {
      index,
      focus,
      strategy: pick(text?.strategy),
      expectationsNotes: pick(text?.expectationsNotes),
      judgementDate: defaultJudgementDate(loopOf(index)),
      insights: {
        targetGroup: pick(text?.targetGroup),
        reaction: pick(text?.reaction),
        journey: pick(text?.journey),
      },
      budget,
      wizardStep: 4,
    };
  });

  // Targets as the success step suggests them: +10 % on the baseline (loop 1) or the previous
  // loop, and none for a KPI the loop's focus expects to drop.
  const targets: ExampleData['targets'] = [];
  FOCUS.forEach((focus, i) => {
    const loop = i + 1;
    const rules = focusRules(focus);
    const keys = focus === 'talentPool' ? [...TARGET_KPIS, 'talentPool1to3'] : TARGET_KPIS;
    for (const key of keys) {
      if (expectedDropFor(rules, key)) continue;
      const def = must(catalogKpi(key));
      const base = STORY[key]?.[loop - 1] ?? null;
      const suggestion = must(suggestTarget(base, DEFAULT_TARGET_STEP, def.unit, def.direction));
      if (suggestion === null) continue;
      targets.push({
        loop,
        kpi: key,
        value: suggestion.value,
        basis: loop === 1 ? 'baseline' : 'previousLoop',
      });
    }
  });

  return {
    plan: {
      organisation: ORGANISATION[locale],
      loopLength: { unit: 'months', count: 2 },
      firstLoopStart,
      defaultComparison: 'previousLoop',
      currency: 'EUR',
      valuePerHire: VALUE_PER_HIRE,
      example: true,
      notes: NOTES[locale],
    },
    kpis,
    loops,
    targets,
    measurements,
    campaigns,
    loopChanges: [
      { loop: CHANGE_LOOP, date: changeDate, what: CHANGE.what[locale], why: CHANGE.why[locale] },
    ],
  };
}

/** Every text the example writes, in both languages (loop 5's for every holiday season). */
function exampleTexts(): Text[] {
  return [
    ORGANISATION,
    NOTES,
    CHANGE.what,
    CHANGE.why,
    ...CAMPAIGNS.flatMap((c) => [c.name, c.channel]),
    ...HOLIDAYS.flatMap((h) => loopTexts(h.name).flatMap((loop) => Object.values(loop))),
  ];
}

let dictionary: Map<string, Text> | undefined;

/**
 * The example's own words in `locale` for a text it wrote in either language; null for any
 * other text (what the user wrote or changed), which a change of language leaves alone.
 */
export function exampleTextIn(text: string, locale: Locale): string | null {
  dictionary ??= new Map(exampleTexts().flatMap((t) => [[t.nl, t] as const, [t.en, t] as const]));
  return dictionary.get(text)?.[locale] ?? null;
}

/** A copy of `row` with the example's words in `fields` in `locale`, or null if none change. */
function inLocale<T extends object>(
  row: T,
  fields: readonly (keyof T)[],
  locale: Locale,
): T | null {
  const next = { ...row };
  let changed = false;
  for (const field of fields) {
    const text = row[field];
    if (typeof text !== 'string') continue;
    const translated = exampleTextIn(text, locale);
    if (translated === null || translated === text) continue;
    next[field] = translated as T[keyof T];
    changed = true;
  }
  return changed ? next : null;
}

/** The fields of an example plan's rows that hold the example's words. */
type PlanWords = { organisation: string; notes: string };
type LoopWords = {
  strategy: string;
  expectationsNotes: string;
  insights: { targetGroup: string; reaction: string; journey: string };
};
type CampaignWords = { name: string; channel: string };
type ChangeWords = { what: string; why: string };

/**
 * An example plan following the language: the rows whose texts are the example's own words in
 * the other language, with those words in `locale` (texts the user wrote or changed stay as
 * they are). Rows without such a text are left out; `plan` is null when it keeps its words.
 */
export function exampleInLocale<
  P extends PlanWords,
  L extends LoopWords,
  C extends CampaignWords,
  X extends ChangeWords,
>(
  rows: { plan: P; loops: readonly L[]; campaigns: readonly C[]; loopChanges: readonly X[] },
  locale: Locale,
): { plan: P | null; loops: L[]; campaigns: C[]; loopChanges: X[] } {
  const changed = <T>(list: readonly (T | null)[]) => list.filter((row): row is T => row !== null);
  return {
    plan: inLocale(rows.plan, ['organisation', 'notes'], locale),
    loops: changed(
      rows.loops.map((loop) => {
        const own = inLocale(loop, ['strategy', 'expectationsNotes'], locale);
        const insights = inLocale(loop.insights, ['targetGroup', 'reaction', 'journey'], locale);
        return own || insights ? { ...(own ?? loop), insights: insights ?? loop.insights } : null;
      }),
    ),
    campaigns: changed(rows.campaigns.map((c) => inLocale(c, ['name', 'channel'], locale))),
    loopChanges: changed(rows.loopChanges.map((c) => inLocale(c, ['what', 'why'], locale))),
  };
}
