import type { enBackup } from './backup-en';
import type { enImport } from './import-en';
import type { en } from './en';
import type { enLoops } from './loops-en';
import type { enMethod } from './method-en';
import type { enPlan } from './plan-en';

/**
 * Messages come in namespaces so the first page loads only what it shows: `core` (shell,
 * plans home, settings, errors) with every page, `plan` (plan settings and the wizard) with
 * the plan routes, `loops` (timeline, numbers, dashboard, report) with the loop routes, `backup`
 * with the backup page, `method` with "How Talentloop decides". Each namespace has the same keys
 * in Dutch and English.
 */
export type CoreKey = keyof typeof en;
export type PlanKey = keyof typeof enPlan;
export type LoopsKey = keyof typeof enLoops;
export type BackupKey = keyof typeof enBackup;
export type ImportKey = keyof typeof enImport;
export type MethodKey = keyof typeof enMethod;
export type MessageKey = CoreKey | PlanKey | LoopsKey | BackupKey | ImportKey | MethodKey;
export type Namespace = 'core' | 'plan' | 'loops' | 'backup' | 'import' | 'method';
