import type { Focus } from '$lib/schema';
import type { Text } from './catalog';

export type { Focus };

/** What a loop's focus predicts: KPIs that should rise, and drops that are expected, and why. */
export type FocusRules = {
  expectedRise: string[];
  expectedDrop: { kpi: string; reason: Text }[];
};

const qualityDrop: Text = {
  en: 'Many first-time visitors read one page and leave, so averages per visit fall.',
  nl: 'Veel nieuwe bezoekers lezen één pagina en vertrekken, dus gemiddelden per bezoek dalen.',
};
const applyAndLeave: Text = {
  en: 'People come to apply and leave again: less browsing per visit.',
  nl: 'Mensen komen om te solliciteren en vertrekken weer: minder rondkijken per bezoek.',
};
const budgetShift: Text = {
  en: 'Budget moves from reaching many people to engaging fewer people better.',
  nl: 'Budget verschuift van veel mensen bereiken naar minder mensen beter boeien.',
};
const nurture: Text = {
  en: 'People are nurtured in the talent pool first; applications follow later.',
  nl: 'Mensen worden eerst in de talentpool warm gehouden; sollicitaties volgen later.',
};

/** The focus table of PRODUCT.md section 4, as data. Users may adjust it per loop. */
export const DEFAULT_FOCUS_RULES: Record<Focus, FocusRules> = {
  reach: {
    expectedRise: [
      'impressions',
      'reach',
      'engagements',
      'reachLinkedIn',
      'reachMeta',
      'reachTikTok',
      'careerSiteVisits',
      'uniqueVisitors',
      'talentPool1to3',
    ],
    expectedDrop: [
      { kpi: 'timeOnSite', reason: qualityDrop },
      { kpi: 'pagesPerVisitor', reason: qualityDrop },
      { kpi: 'scrollDepth', reason: qualityDrop },
      {
        kpi: 'applicationRate',
        reason: {
          en: 'More visitors who are not yet looking: the share who apply falls even if applications do not.',
          nl: 'Meer bezoekers die nog niet zoeken: het deel dat solliciteert daalt, ook als het aantal sollicitaties dat niet doet.',
        },
      },
    ],
  },
  traffic: {
    expectedRise: ['timeOnSite', 'pagesPerVisitor', 'returningVisitors', 'scrollDepth'],
    expectedDrop: [
      { kpi: 'reach', reason: budgetShift },
      { kpi: 'impressions', reason: budgetShift },
    ],
  },
  conversion: {
    expectedRise: [
      'applicationsStarted',
      'applicationsCompleted',
      'attributableApplications',
      'leadForms',
      'hires',
      'applicationRate',
    ],
    expectedDrop: [
      { kpi: 'timeOnSite', reason: applyAndLeave },
      { kpi: 'pagesPerVisitor', reason: applyAndLeave },
      { kpi: 'scrollDepth', reason: applyAndLeave },
    ],
  },
  talentPool: {
    expectedRise: ['talentPool1to3', 'talentPool3to6', 'talentPool6to15'],
    expectedDrop: [
      { kpi: 'applicationsStarted', reason: nurture },
      { kpi: 'applicationsCompleted', reason: nurture },
    ],
  },
};

/** A loop's adjusted rules as stored: one reason text in the user's own words. */
export type StoredFocusRules = {
  expectedRise: string[];
  expectedDrop: { kpi: string; reason: string }[];
};

/** The rules for a focus: the loop's own adjustment when it has one, else the defaults. */
export function focusRules(focus: Focus, adjusted?: StoredFocusRules): FocusRules {
  if (!adjusted) return DEFAULT_FOCUS_RULES[focus];
  return {
    expectedRise: [...adjusted.expectedRise],
    expectedDrop: adjusted.expectedDrop.map((d) => ({
      kpi: d.kpi,
      reason: { nl: d.reason, en: d.reason },
    })),
  };
}

/** The expected-drop rule for a KPI under these rules, if any. */
export function expectedDropFor(
  rules: FocusRules,
  key: string,
): FocusRules['expectedDrop'][number] | undefined {
  return rules.expectedDrop.find((d) => d.kpi === key);
}
