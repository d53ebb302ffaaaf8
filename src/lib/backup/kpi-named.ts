import { catalogKpi } from '$lib/domain/catalog';
import type { Locale } from '$lib/schema/common';
import type { Issue } from '$lib/schema/issues';

/**
 * A backup problem ready to translate, with the catalog KPI it names by key (`params.kpi`,
 * set by the check) called by its name in `locale`, as the grid shows it. A custom KPI's own
 * name, or a key this build does not know, stays as the check wrote it.
 */
export function kpiNamed(issue: Issue, locale: Locale): Issue {
  const key = issue.params?.kpi;
  if (typeof key !== 'string') return issue;
  const found = catalogKpi(key);
  if (!found.ok) return issue;
  return { ...issue, params: { ...issue.params, field: found.value.name[locale] } };
}
