import { describe, expect, it } from 'vitest';
import { KPI_CATALOG } from '$lib/domain/catalog';
import { en } from '$lib/i18n/en';
import { translate } from '$lib/i18n/format';
import { nl } from '$lib/i18n/nl';
import type { Issue } from '$lib/schema/issues';
import { kpiNamed } from './kpi-named';

const visits = KPI_CATALOG.find((kpi) => kpi.key === 'careerSiteVisits')!;
const issue: Issue = {
  path: 'plans[0].measurements[4].value',
  message: 'domain.error.negativeCount',
  params: { field: 'careerSiteVisits', value: -5, kpi: 'careerSiteVisits' },
};
const shown = (i: Issue, catalog: Record<string, string>, locale: 'nl' | 'en') =>
  translate(catalog, i.message, i.params, locale);

describe('kpiNamed', () => {
  it('names a catalog KPI as the grid does, in the reader’s language', () => {
    expect(shown(kpiNamed(issue, 'en'), en, 'en')).toBe(
      `${visits.name.en}: a count cannot be negative (-5)`,
    );
    expect(shown(kpiNamed(issue, 'nl'), nl, 'nl')).toBe(
      `${visits.name.nl}: een aantal kan niet negatief zijn (-5)`,
    );
    expect(visits.name.nl).not.toBe(visits.name.en);
  });

  it('leaves a custom KPI’s own name, and a key this build does not know, as written', () => {
    const custom: Issue = { ...issue, params: { field: 'Open days', value: -5 } };
    expect(kpiNamed(custom, 'nl')).toBe(custom);
    const unknown: Issue = {
      ...issue,
      params: { field: 'futureKpi', value: -5, kpi: 'futureKpi' },
    };
    expect(shown(kpiNamed(unknown, 'en'), en, 'en')).toBe(
      'futureKpi: a count cannot be negative (-5)',
    );
  });
});
