import type { Kpi } from '$lib/schema';
import { pillarSchema } from '$lib/schema/kpi';
import { fail, ok, type Result } from './result';

export type Pillar = Kpi['pillar'];
/** The pillars in the method's order: from the talent pool to hires, then the brand. */
export const PILLARS: readonly Pillar[] = pillarSchema.options;
export type Side = Kpi['side'];
export type Unit = Kpi['unit'];
export type Direction = Kpi['direction'];
export type Aggregation = Kpi['aggregation'];
export type Source = Kpi['source'];
export type Text = { nl: string; en: string };

/**
 * What kind of number a KPI is. It decides how period values are formed and which noise
 * model judges a change (see README, "How Talentloop decides"):
 * - `events`: separate happenings counted one by one (applications, hires) — count test;
 * - `volume`: large counts that swing with budgets and algorithms (impressions, visits) —
 *   count test that allows ordinary loop-to-loop variation;
 * - `unique`: different people (reach, unique visitors) — never added up as people;
 * - `rate`: a share with a known numerator and denominator — test of two proportions;
 * - `mean`, `level`, `money`, `score`: averages, last values (pools, surveys), amounts and
 *   ratings — no significance test from the numbers alone.
 */
export type NumberKind =
  'events' | 'volume' | 'unique' | 'rate' | 'mean' | 'level' | 'money' | 'score';

/** What a KPI is: everything the domain needs to aggregate, compare and judge it. */
export type KpiDefinition = {
  /** Stable key: a catalog key, or a custom KPI's id. */
  key: string;
  pillar: Pillar;
  /** Brand side: indirect and long-term. Recruitment side: direct and short-term. */
  side: Side;
  unit: Unit;
  direction: Direction;
  aggregation: Aggregation;
  source: Source;
  /** The kind of number, for aggregation and the noise model. */
  kind: NumberKind;
  /** For a mean: the KPI whose count is its base (time on site per visit: visits). */
  weight?: string;
  name: Text;
  description: Text;
};

const sum = { kind: 'sum' } as const;
const mean = { kind: 'mean' } as const;
const last = { kind: 'last' } as const;

type Entry = Omit<KpiDefinition, 'name' | 'description'> & {
  nl: [string, string];
  en: [string, string];
};

const entries: Entry[] = [
  // Talent pools: people who know us and interact, by number of interactions.
  {
    key: 'talentPool1to3',
    kind: 'level',
    pillar: 'talentPool',
    side: 'brand',
    unit: 'count',
    direction: 'higher',
    aggregation: last,
    source: 'ats',
    en: ['Talent pool: 1–3 interactions', 'People in the talent pool who interacted 1 to 3 times.'],
    nl: ['Talentpool: 1–3 interacties', 'Mensen in de talentpool met 1 tot 3 interacties.'],
  },
  {
    key: 'talentPool3to6',
    kind: 'level',
    pillar: 'talentPool',
    side: 'brand',
    unit: 'count',
    direction: 'higher',
    aggregation: last,
    source: 'ats',
    en: ['Talent pool: 3–6 interactions', 'People in the talent pool who interacted 3 to 6 times.'],
    nl: ['Talentpool: 3–6 interacties', 'Mensen in de talentpool met 3 tot 6 interacties.'],
  },
  {
    key: 'talentPool6to15',
    kind: 'level',
    pillar: 'talentPool',
    side: 'brand',
    unit: 'count',
    direction: 'higher',
    aggregation: last,
    source: 'ats',
    en: [
      'Talent pool: 6–15 interactions',
      'People in the talent pool who interacted 6 to 15 times: warm candidates.',
    ],
    nl: [
      'Talentpool: 6–15 interacties',
      'Mensen in de talentpool met 6 tot 15 interacties: warme kandidaten.',
    ],
  },
  // Reach.
  {
    key: 'impressions',
    kind: 'volume',
    pillar: 'reach',
    side: 'brand',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'ads',
    en: ['Impressions', 'How often your content or ads were shown.'],
    nl: ['Weergaven', 'Hoe vaak je content of advertenties zijn getoond.'],
  },
  {
    key: 'reach',
    kind: 'unique',
    pillar: 'reach',
    side: 'brand',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'ads',
    en: ['Unique people reached', 'How many different people saw your content at least once.'],
    nl: [
      'Unieke mensen bereikt',
      'Hoeveel verschillende mensen je content minstens één keer zagen.',
    ],
  },
  {
    key: 'engagements',
    kind: 'volume',
    pillar: 'reach',
    side: 'brand',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'ads',
    en: ['Social engagements', 'Likes, shares and comments on your posts and ads.'],
    nl: ['Social engagement', 'Likes, shares en reacties op je posts en advertenties.'],
  },
  {
    key: 'frequency',
    kind: 'mean',
    weight: 'reach',
    pillar: 'reach',
    side: 'brand',
    unit: 'number',
    direction: 'depends',
    aggregation: mean,
    source: 'ads',
    en: [
      'Frequency',
      'How often one person saw your content on average; too high tires the audience.',
    ],
    nl: [
      'Frequentie',
      'Hoe vaak één persoon je content gemiddeld zag; te hoog vermoeit de doelgroep.',
    ],
  },
  {
    key: 'reachLinkedIn',
    kind: 'unique',
    pillar: 'reach',
    side: 'brand',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'ads',
    en: ['People reached on LinkedIn', 'Unique people reached on LinkedIn.'],
    nl: ['Bereik op LinkedIn', 'Unieke mensen bereikt op LinkedIn.'],
  },
  {
    key: 'reachMeta',
    kind: 'unique',
    pillar: 'reach',
    side: 'brand',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'ads',
    en: ['People reached on Facebook and Instagram', 'Unique people reached through Meta.'],
    nl: ['Bereik op Facebook en Instagram', 'Unieke mensen bereikt via Meta.'],
  },
  {
    key: 'reachTikTok',
    kind: 'unique',
    pillar: 'reach',
    side: 'brand',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'ads',
    en: ['People reached on TikTok', 'Unique people reached on TikTok.'],
    nl: ['Bereik op TikTok', 'Unieke mensen bereikt op TikTok.'],
  },
  // Traffic: quality and volume of visits to the careers site.
  {
    key: 'reachShare',
    kind: 'level',
    pillar: 'reach',
    side: 'brand',
    unit: 'percent',
    direction: 'higher',
    aggregation: { kind: 'share', of: 'reach' },
    source: 'manual',
    en: [
      'Reach in the target group',
      'Unique people reached as a share of the target group (its size is a plan setting).',
    ],
    nl: [
      'Bereik in de doelgroep',
      'Unieke bereikte mensen als deel van de doelgroep (de omvang is een instelling van het plan).',
    ],
  },
  {
    key: 'careerSiteVisits',
    kind: 'volume',
    pillar: 'traffic',
    side: 'recruitment',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'analytics',
    en: ['Careers site visits', 'Visits to your careers site.'],
    nl: ['Bezoeken werken-bij site', 'Bezoeken aan je werken-bij site.'],
  },
  {
    key: 'timeOnSite',
    kind: 'mean',
    weight: 'careerSiteVisits',
    pillar: 'traffic',
    side: 'recruitment',
    unit: 'duration',
    direction: 'higher',
    aggregation: mean,
    source: 'analytics',
    en: ['Time on site', 'Average time a visitor spends on the careers site, in seconds.'],
    nl: [
      'Tijd op site',
      'Gemiddelde tijd die een bezoeker op de werken-bij site doorbrengt, in seconden.',
    ],
  },
  {
    key: 'pagesPerVisitor',
    kind: 'mean',
    weight: 'careerSiteVisits',
    pillar: 'traffic',
    side: 'recruitment',
    unit: 'number',
    direction: 'higher',
    aggregation: mean,
    source: 'analytics',
    en: ['Pages per visitor', 'Average number of pages a visitor views.'],
    nl: ['Pagina’s per bezoeker', 'Gemiddeld aantal pagina’s dat een bezoeker bekijkt.'],
  },
  {
    key: 'scrollDepth',
    kind: 'mean',
    weight: 'careerSiteVisits',
    pillar: 'traffic',
    side: 'recruitment',
    unit: 'percent',
    direction: 'higher',
    aggregation: mean,
    source: 'analytics',
    en: ['Scroll depth', 'How far down the page visitors scroll on average.'],
    nl: ['Scrolldiepte', 'Hoe ver bezoekers gemiddeld naar beneden scrollen.'],
  },
  {
    key: 'returningVisitors',
    kind: 'volume',
    pillar: 'traffic',
    side: 'recruitment',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'analytics',
    en: ['Returning visitors', 'Visitors who came back to the careers site.'],
    nl: ['Terugkerende bezoekers', 'Bezoekers die terugkwamen op de werken-bij site.'],
  },
  {
    key: 'organicVisitors',
    kind: 'volume',
    pillar: 'traffic',
    side: 'recruitment',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'analytics',
    en: ['Organic visitors', 'Visitors who found the careers site through search, not ads.'],
    nl: [
      'Organische bezoekers',
      'Bezoekers die de werken-bij site via zoeken vonden, niet via advertenties.',
    ],
  },
  {
    key: 'uniqueVisitors',
    kind: 'unique',
    pillar: 'traffic',
    side: 'recruitment',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'analytics',
    en: ['Unique visitors', 'Different people who visited the careers site.'],
    nl: ['Unieke bezoekers', 'Verschillende mensen die de werken-bij site bezochten.'],
  },
  // Clicks on ads and posts: the step from being seen to visiting.
  {
    key: 'clicks',
    kind: 'volume',
    pillar: 'traffic',
    side: 'recruitment',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'ads',
    en: [
      'Clicks',
      'Every click on your ads and posts, also on your name or “see more” (LinkedIn’s clicks).',
    ],
    nl: [
      'Klikken',
      'Alle klikken op je advertenties en posts, ook op je naam of “meer weergeven” (de klikken van LinkedIn).',
    ],
  },
  {
    key: 'linkClicks',
    kind: 'volume',
    pillar: 'traffic',
    side: 'recruitment',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'ads',
    en: [
      'Link clicks',
      'Clicks that lead to your careers site, vacancy or form (Meta’s link clicks).',
    ],
    nl: [
      'Klikken op link',
      'Klikken die naar je werken-bij site, vacature of formulier leiden (de klikken op link van Meta).',
    ],
  },
  {
    key: 'clickThroughRate',
    kind: 'rate',
    pillar: 'traffic',
    side: 'recruitment',
    unit: 'percent',
    direction: 'higher',
    aggregation: { kind: 'ratio', numerator: 'linkClicks', denominator: 'impressions' },
    source: 'manual',
    en: ['Click-through rate (CTR)', 'Link clicks per 100 impressions.'],
    nl: ['Doorklikratio (CTR)', 'Klikken op link per 100 weergaven.'],
  },
  // Conversion.
  {
    key: 'applicationsStarted',
    kind: 'events',
    pillar: 'conversion',
    side: 'recruitment',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'ats',
    en: ['Applications started', 'Application forms people began to fill in.'],
    nl: ['Gestarte sollicitaties', 'Sollicitatieformulieren waaraan mensen begonnen.'],
  },
  {
    key: 'applicationsCompleted',
    kind: 'events',
    pillar: 'conversion',
    side: 'recruitment',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'ats',
    en: ['Applications completed', 'Applications actually sent.'],
    nl: ['Afgeronde sollicitaties', 'Sollicitaties die echt zijn verstuurd.'],
  },
  {
    key: 'attributableApplications',
    kind: 'events',
    pillar: 'conversion',
    side: 'recruitment',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'ats',
    en: ['Directly attributable applications', 'Applications traced to a campaign or channel.'],
    nl: [
      'Direct toe te schrijven sollicitaties',
      'Sollicitaties die te herleiden zijn tot een campagne of kanaal.',
    ],
  },
  {
    key: 'leadForms',
    kind: 'events',
    pillar: 'conversion',
    side: 'recruitment',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'ads',
    en: ['Lead forms submitted', 'Contact or interest forms people sent.'],
    nl: ['Ingevulde leadformulieren', 'Contact- of interesseformulieren die mensen verstuurden.'],
  },
  {
    key: 'hires',
    kind: 'events',
    pillar: 'conversion',
    side: 'recruitment',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'ats',
    en: ['Hires', 'People who signed a contract.'],
    nl: ['Hires', 'Mensen die een contract tekenden.'],
  },
  {
    key: 'spend',
    kind: 'money',
    pillar: 'conversion',
    side: 'recruitment',
    unit: 'currency',
    direction: 'depends',
    aggregation: sum,
    source: 'ads',
    en: ['Marketing spend', 'What the campaigns cost in the period.'],
    nl: ['Marketinguitgaven', 'Wat de campagnes in de periode kostten.'],
  },
  {
    key: 'costPerHire',
    kind: 'money',
    pillar: 'conversion',
    side: 'recruitment',
    unit: 'currency',
    direction: 'lower',
    aggregation: { kind: 'ratio', numerator: 'spend', denominator: 'hires' },
    source: 'manual',
    en: [
      'Cost per hire',
      'All spend counted for the period divided by hires: marketing spend entered, else the campaign budgets, else the loop budget.',
    ],
    nl: [
      'Cost per hire',
      'Alle uitgaven die voor de periode tellen gedeeld door de hires: ingevoerde marketinguitgaven, anders de campagnebudgetten, anders het loopbudget.',
    ],
  },
  {
    key: 'costPerClick',
    kind: 'money',
    pillar: 'conversion',
    side: 'recruitment',
    unit: 'currency',
    direction: 'lower',
    aggregation: { kind: 'ratio', numerator: 'spend', denominator: 'clicks' },
    source: 'manual',
    en: [
      'Cost per click',
      'All spend counted for the period divided by clicks: marketing spend entered, else the campaign budgets, else the loop budget.',
    ],
    nl: [
      'Kosten per klik',
      'Alle uitgaven die voor de periode tellen gedeeld door de klikken: ingevoerde marketinguitgaven, anders de campagnebudgetten, anders het loopbudget.',
    ],
  },
  {
    key: 'costPerApplication',
    kind: 'money',
    pillar: 'conversion',
    side: 'recruitment',
    unit: 'currency',
    direction: 'lower',
    aggregation: { kind: 'ratio', numerator: 'spend', denominator: 'applicationsCompleted' },
    source: 'manual',
    en: [
      'Cost per application',
      'All spend counted for the period divided by completed applications: marketing spend entered, else the campaign budgets, else the loop budget.',
    ],
    nl: [
      'Kosten per sollicitatie',
      'Alle uitgaven die voor de periode tellen gedeeld door de afgeronde sollicitaties: ingevoerde marketinguitgaven, anders de campagnebudgetten, anders het loopbudget.',
    ],
  },
  {
    key: 'applicationRate',
    kind: 'rate',
    pillar: 'conversion',
    side: 'recruitment',
    unit: 'percent',
    direction: 'higher',
    aggregation: {
      kind: 'ratio',
      numerator: 'applicationsCompleted',
      denominator: 'careerSiteVisits',
    },
    source: 'manual',
    en: ['Application rate', 'Completed applications per 100 careers site visits.'],
    nl: ['Sollicitatieratio', 'Afgeronde sollicitaties per 100 bezoeken aan de werken-bij site.'],
  },
  // Recruitment: the harvest, directly measurable.
  {
    key: 'candidatesInterviewed',
    kind: 'events',
    pillar: 'recruitment',
    side: 'recruitment',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'ats',
    en: ['Candidates interviewed', 'Candidates who had at least one interview.'],
    nl: ['Gesproken kandidaten', 'Kandidaten met minstens één gesprek.'],
  },
  {
    key: 'timeToHire',
    kind: 'mean',
    weight: 'hires',
    pillar: 'recruitment',
    side: 'recruitment',
    unit: 'days',
    direction: 'lower',
    aggregation: mean,
    source: 'ats',
    en: ['Time to hire', 'Average days from application to signed contract.'],
    nl: ['Time to hire', 'Gemiddeld aantal dagen van sollicitatie tot getekend contract.'],
  },
  {
    key: 'recruiterCost',
    kind: 'money',
    pillar: 'recruitment',
    side: 'recruitment',
    unit: 'currency',
    direction: 'lower',
    aggregation: sum,
    source: 'manual',
    en: [
      'Recruiter cost',
      'Cost of recruiters and agencies in the period, to set against the value of the hires.',
    ],
    nl: [
      'Kosten recruiters en bureaus',
      'Kosten van recruiters en bureaus in de periode, af te zetten tegen de waarde van de hires.',
    ],
  },
  // Employer brand: the sowing, measured indirectly and slowly.
  {
    key: 'brandAwareness',
    kind: 'level',
    pillar: 'brand',
    side: 'brand',
    unit: 'percent',
    direction: 'higher',
    aggregation: last,
    source: 'survey',
    en: ['Brand awareness', 'Share of the target group that knows you as an employer (survey).'],
    nl: ['Naamsbekendheid', 'Deel van de doelgroep dat je kent als werkgever (onderzoek).'],
  },
  {
    key: 'brandPreference',
    kind: 'level',
    pillar: 'brand',
    side: 'brand',
    unit: 'percent',
    direction: 'higher',
    aggregation: last,
    source: 'survey',
    en: [
      'Brand preference',
      'Share of the target group that would prefer you as an employer (survey).',
    ],
    nl: [
      'Voorkeur als werkgever',
      'Deel van de doelgroep dat jou als werkgever zou verkiezen (onderzoek).',
    ],
  },
  {
    key: 'applicationQuality',
    kind: 'mean',
    weight: 'applicationsCompleted',
    pillar: 'brand',
    side: 'brand',
    unit: 'score',
    direction: 'higher',
    aggregation: mean,
    source: 'manual',
    en: ['Quality of applications', 'Average score your recruiters give incoming applications.'],
    nl: [
      'Kwaliteit van sollicitaties',
      'Gemiddelde score die recruiters aan binnenkomende sollicitaties geven.',
    ],
  },
  {
    key: 'spontaneousApplications',
    kind: 'events',
    pillar: 'brand',
    side: 'brand',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'ats',
    en: [
      'Open applications',
      'Applications sent without a vacancy: people who want to work for you anyway.',
    ],
    nl: [
      'Open sollicitaties',
      'Sollicitaties zonder vacature: mensen die hoe dan ook bij jou willen werken.',
    ],
  },
  {
    key: 'earlyLeavers',
    kind: 'events',
    pillar: 'brand',
    side: 'brand',
    unit: 'count',
    direction: 'lower',
    aggregation: sum,
    source: 'ats',
    en: [
      'Early leavers',
      'New hires who left during their probation period: fewer means the brand promise matched the job.',
    ],
    nl: [
      'Vertrek in de proeftijd',
      'Nieuwe medewerkers die in hun proeftijd vertrokken: minder betekent dat de belofte van het merk klopte met de baan.',
    ],
  },
];

/** Every built-in KPI (PRODUCT.md section 4), in display order. */
export const KPI_CATALOG: readonly KpiDefinition[] = entries.map(({ nl, en, ...rest }) => ({
  ...rest,
  name: { nl: nl[0], en: en[0] },
  description: { nl: nl[1], en: en[1] },
}));

const byKey = new Map(KPI_CATALOG.map((k) => [k.key, k]));

/** The catalog KPI with this key, or an `unknownKpi` error. */
export function catalogKpi(key: string): Result<KpiDefinition> {
  const found = byKey.get(key);
  return found ? ok(found) : fail('unknownKpi', 'key', key);
}

/**
 * The kind of number of a custom KPI, from what the user said about it: a summed count from
 * the applicant tracking system counts events, any other summed count is a volume (the
 * cautious model); formulas in percent are rates; the rest gets no significance test.
 */
export function customKind(kpi: Pick<Kpi, 'unit' | 'aggregation' | 'source'>): NumberKind {
  const { unit, aggregation, source } = kpi;
  if (aggregation.kind === 'ratio')
    return unit === 'percent' ? 'rate' : unit === 'currency' ? 'money' : 'level';
  if (aggregation.kind === 'mean') return 'mean';
  if (aggregation.kind === 'last') return 'level';
  if (unit === 'currency') return 'money';
  if (unit === 'count') return source === 'ats' ? 'events' : 'volume';
  return unit === 'score' ? 'score' : 'level';
}

/** Whether a KPI is computed from other KPIs (a ratio, or a share of the target group). */
export const isComputed = (aggregation: Aggregation): boolean =>
  aggregation.kind === 'ratio' || aggregation.kind === 'share';

/** The KPIs a computed KPI is made of (catalog keys or custom ids); none for a measured one. */
export function partsOf(aggregation: Aggregation): string[] {
  if (aggregation.kind === 'ratio') return [aggregation.numerator, aggregation.denominator];
  if (aggregation.kind === 'share') return [aggregation.of];
  return [];
}

/** The KPI definition of a stored KPI: its catalog entry, or its own properties if custom. */
export function definitionOf(kpi: Kpi): Result<KpiDefinition> {
  const base = kpi.catalogKey ? byKey.get(kpi.catalogKey) : undefined;
  if (kpi.catalogKey && !base) return fail('unknownKpi', 'catalogKey', kpi.catalogKey);
  const name = kpi.name ?? '';
  const description = kpi.description ?? '';
  return ok({
    key: kpi.catalogKey ?? kpi.id,
    pillar: kpi.pillar,
    side: kpi.side,
    unit: kpi.unit,
    direction: kpi.direction,
    aggregation: kpi.aggregation,
    source: kpi.source,
    kind: base?.kind ?? customKind(kpi),
    ...(base?.weight ? { weight: base.weight } : {}),
    name: name ? { nl: name, en: name } : (base?.name ?? { nl: kpi.id, en: kpi.id }),
    description: description
      ? { nl: description, en: description }
      : (base?.description ?? { nl: '', en: '' }),
  });
}

/** A KPI row to store, before it has an id, a plan and a place in the list. */
export type KpiDraft = Omit<Kpi, 'id' | 'planId' | 'order'>;

/** The stored form of a catalog KPI: its key and the properties the domain needs. */
export function catalogDraft(def: KpiDefinition): KpiDraft {
  const { key, pillar, side, unit, direction, aggregation, source } = def;
  return { catalogKey: key, pillar, side, unit, direction, aggregation, source };
}
