import type { en } from './en';
import type { enPlan } from './plan-en';

/**
 * Messages come in namespaces so the first page loads only what it shows: `core` (shell,
 * plans home, settings, errors) with every page, `plan` (plan settings and the wizard) with
 * the plan routes. Each namespace has the same keys in Dutch and English.
 */
export type CoreKey = keyof typeof en;
export type PlanKey = keyof typeof enPlan;
export type MessageKey = CoreKey | PlanKey;
export type Namespace = 'core' | 'plan';
