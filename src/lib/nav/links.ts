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

/** The plan's settings (its own page, with the next step and loops, is `loopsHref`). */
export function planHref(planId: string): string {
  return `${resolve('/plan')}${query({ id: planId })}`;
}

/** The plan's own page: its next step and the timeline of its loops. */
export function loopsHref(planId: string): string {
  return `${resolve('/loops')}${query({ id: planId })}`;
}

/** The work page of one loop: strategy, campaigns, changes, insights. */
export function loopHref(planId: string, loop: number): string {
  return `${resolve('/loops/loop')}${query({ id: planId, loop })}`;
}

/** The measurement grid of a plan. */
export function numbersHref(planId: string): string {
  return `${resolve('/loops/numbers')}${query({ id: planId })}`;
}

/** The monthly alignment meetings of a plan. */
export function meetingsHref(planId: string): string {
  return `${resolve('/loops/meetings')}${query({ id: planId })}`;
}

/** The printable agenda of the next alignment meeting. */
export function agendaHref(planId: string): string {
  return `${resolve('/loops/agenda')}${query({ id: planId })}`;
}

/** The budget and return of a plan. */
export function budgetHref(planId: string): string {
  return `${resolve('/loops/budget')}${query({ id: planId })}`;
}

/** The CSV import of a plan's numbers. */
export function importHref(planId: string): string {
  return `${resolve('/loops/import')}${query({ id: planId })}`;
}

/** The comparison dashboard of one loop, against a chosen reference. */
export function dashboardHref(planId: string, loop: number, basis?: string): string {
  return `${resolve('/loops/dashboard')}${query({ id: planId, loop, ...(basis ? { ref: basis } : {}) })}`;
}

/** The printable results report of one loop. */
export function reportHref(planId: string, loop: number): string {
  return `${resolve('/loops/report')}${query({ id: planId, loop })}`;
}

/**
 * The sections of "How Talentloop decides", one per kind of number and per rule. A verdict
 * card links to the section of the model that judged it (`methodHref('volumes')`).
 */
export const METHOD_SECTIONS = [
  'labels',
  'events',
  'volumes',
  'rates',
  'means',
  'uniques',
  'range',
  'lengths',
  'finer',
  'many',
  'running',
  'trend',
  'money',
] as const;
export type MethodSection = (typeof METHOD_SECTIONS)[number];

/** "How Talentloop decides": the rules behind the verdicts, optionally at one section. */
export function methodHref(section?: MethodSection): string {
  return `${resolve('/how-talentloop-decides')}${section ? `#${section}` : ''}`;
}
