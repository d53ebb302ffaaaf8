/**
 * Every write to an open plan, in one module that the state classes load lazily on first use:
 * one chunk (and one preload list) instead of one per repository. Each write returns
 * `Written` — the change it made and its value (storage/write.ts).
 */
export { loadPlanBundle } from './bundle';
export { importValues } from './import-repo';
export { addKpis, removeKpi, restoreKpi } from './kpis-repo';
export { createLoop, saveTargets, updateLoop } from './loops-repo';
export { updatePlan } from './plans-repo';
export { removeItem, saveBudget, saveItem } from './rows-repo';
export { saveValues, setBaselinePeriod } from './values-repo';
