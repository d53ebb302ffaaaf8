/**
 * The writes on whole plans (the plans page: create, rename, copy, delete and its undo, the
 * example), in one module that the plans list loads lazily on the first action: one chunk
 * and one preload list, so the first page stays small.
 */
export { createExamplePlan } from './example-repo';
export { duplicatePlan } from './plan-copy';
export { createPlan, deletePlan, restorePlan, updatePlan } from './plans-repo';
