import type { Kpi } from '$lib/schema';
import { fail, ok, type Result } from './result';

export type Pillar = Kpi['pillar'];
export type Side = Kpi['side'];
export type Unit = Kpi['unit'];
export type Direction = Kpi['direction'];
export type Aggregation = Kpi['aggregation'];
export type Source = Kpi['source'];
export type Text = { nl: string; en: string };

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
    key: 'careerSiteVisits',
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
    pillar: 'traffic',
    side: 'recruitment',
    unit: 'number',
    direction: 'higher',
    aggregation: mean,
    source: 'analytics',
    en: ['Pages per visitor', 'Average number of pages a visitor views.'],
    nl: ["Pagina's per bezoeker", "Gemiddeld aantal pagina's dat een bezoeker bekijkt."],
  },
  {
    key: 'scrollDepth',
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
    pillar: 'traffic',
    side: 'recruitment',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'analytics',
    en: ['Unique visitors', 'Different people who visited the careers site.'],
    nl: ['Unieke bezoekers', 'Verschillende mensen die de werken-bij site bezochten.'],
  },
  // Conversion.
  {
    key: 'applicationsStarted',
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
    pillar: 'conversion',
    side: 'recruitment',
    unit: 'count',
    direction: 'higher',
    aggregation: sum,
    source: 'ats',
    en: ['Hires', 'People who signed a contract.'],
    nl: ['Aannames', 'Mensen die een contract tekenden.'],
  },
  {
    key: 'spend',
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
    pillar: 'conversion',
    side: 'recruitment',
    unit: 'currency',
    direction: 'lower',
    aggregation: { kind: 'ratio', numerator: 'spend', denominator: 'hires' },
    source: 'manual',
    en: ['Cost per hire', 'Marketing spend divided by hires.'],
    nl: ['Kosten per aanname', 'Marketinguitgaven gedeeld door aannames.'],
  },
  {
    key: 'applicationRate',
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
      'Kosten recruitment',
      'Kosten van recruiters en bureaus in de periode, af te zetten tegen de waarde van de aannames.',
    ],
  },
  // Employer brand: the sowing, measured indirectly and slowly.
  {
    key: 'brandAwareness',
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
