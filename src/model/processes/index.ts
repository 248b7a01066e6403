export { CATEGORIES, type Category, type Process, type ProcessMap } from './types.js';
export { readProcessMap, treeOrder, subtree, leaves, inCycle } from './build.js';
export { mapCoverage, summarize, IN_FORCE, type Coverage, type MatrixRow, type SopSummary } from './coverage.js';
