import { resolve } from '$app/paths';
import type { WizardStep } from '$lib/domain/wizard';

const stepPaths = {
  baseline: () => resolve('/plan/wizard/baseline'),
  kpis: () => resolve('/plan/wizard/kpis'),
  focus: () => resolve('/plan/wizard/focus'),
  success: () => resolve('/plan/wizard/success'),
  expectations: () => resolve('/plan/wizard/expectations'),
} satisfies Record<WizardStep, () => string>;

const query = (params: Record<string, string | number>) =>
  `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;

/** A step of the wizard for one loop of a plan (ids travel in the query: routes are static). */
export function wizardHref(step: WizardStep, planId: string, loop: number): string {
  return `${stepPaths[step]()}${query({ id: planId, loop })}`;
}

/** The plan's own page: settings and loops. */
export function planHref(planId: string): string {
  return `${resolve('/plan')}${query({ id: planId })}`;
}
